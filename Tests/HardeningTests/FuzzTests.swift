import DossierCore
import DossierFuzz
import Testing

/// The short, bounded fuzz run CI does on every `swift test` (the long runs use `dossier-fuzz`,
/// see docs/SECURITY.md), and the regression inputs found by fuzzing.
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

    /// A fixed amount of work from a fixed seed, not a time budget: the same inputs on every
    /// machine, however loaded, so the run cannot pass by doing less. Of the `inputs` mutated
    /// dossiers, at least `minimumLoaded` must load and go on through the store, the views and a
    /// printer (the rest are refused by the loader, which is checked too). The same run, outside
    /// the tests: `dossier-fuzz --seed 20261129 --runs 200 --corpus
    /// Tests/DossierCoreTests/Fixtures/valid --corpus Tests/DossierCoreTests/Fixtures/hostile`.
    static let inputs = 200
    static let minimumLoaded = 20

    @Test func aShortFuzzRunFindsNothing() throws {
        let mutator = Mutator(seeds: try Self.seeds())
        var rng = SplitMix64(seed: 20_261_129)
        let start = ContinuousClock.now
        var loaded = 0
        for execution in 0..<Self.inputs {
            let input = mutator.next(using: &rng)
            do {
                if try FuzzTarget.run(input, using: &rng).loaded { loaded += 1 }
            } catch {
                Issue.record("input \(execution): \(error)")
                return
            }
        }
        print("fuzz: \(Self.inputs) inputs, \(loaded) loaded, 0 crashes, \(ContinuousClock.now - start)")
        #expect(loaded >= Self.minimumLoaded, "only \(loaded) of \(Self.inputs) inputs loaded and reached the views and printers")
    }
}
