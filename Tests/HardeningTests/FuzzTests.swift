import DossierCore
import DossierFuzz
import Testing

/// The short, bounded fuzz run CI does on every `swift test` (the long runs use `dossier-fuzz`,
/// see the README), and the regression inputs found by fuzzing.
@Suite struct FuzzTests {
    static func seeds() throws -> [FuzzInput] {
        var seeds = [Mutator.bundledSeed]
        for name in ["valid", "hostile"] {
            let dir = HardeningFixtures.root + "/" + name
            seeds.append(try FileSystem.yamlFiles(in: dir).map { ($0, try FileSystem.read(dir + "/" + $0, limit: 1 << 20)) })
        }
        return seeds
    }

    @Test func theSeedsLoadAndPassTheChecks() throws {
        var rng = SplitMix64(seed: 1)
        for seed in try Self.seeds() {
            #expect(try FuzzTarget.run(seed, using: &rng).loaded)
        }
    }

    /// A few seconds of mutation: a fixed seed, so a failure here is reproducible with
    /// `dossier-fuzz --seed 20261129 --runs N`.
    @Test func aShortFuzzRunFindsNothing() throws {
        let mutator = Mutator(seeds: try Self.seeds())
        var rng = SplitMix64(seed: 20_261_129)
        let deadline = ContinuousClock.now + .seconds(4)
        var executions = 0, loaded = 0
        while ContinuousClock.now < deadline {
            let input = mutator.next(using: &rng)
            do {
                if try FuzzTarget.run(input, using: &rng).loaded { loaded += 1 }
            } catch {
                Issue.record("execution \(executions): \(error)")
                break
            }
            executions += 1
        }
        print("fuzz: \(executions) executions in 4 s, \(loaded) loaded, 0 crashes")
        #expect(executions > 10)
    }
}
