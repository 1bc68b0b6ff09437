// dossier-fuzz: a seeded mutation fuzzer for the loader, validator, store, views and printers.
//
//   swift build -c release --product dossier-fuzz
//   .build/release/dossier-fuzz [--seconds N] [--runs N] [--seed N] [--corpus DIR]... [--replay FILE]
//
// Seeds: the bundled dossier plus every dossier folder given with --corpus (the test fixtures).
// Each run mutates one seed and puts it through `FuzzTarget.run`. Before each run the input is
// serialised to memory; if the process then crashes (a Swift trap is SIGILL/SIGTRAP), a signal
// handler writes it to `fuzz-crash-<pid>.input` and re-raises the signal. `--replay` runs one
// such file. The same seed always gives the same sequence of inputs.
import DossierCore
import DossierFuzz

#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) var crashBuffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 26)
nonisolated(unsafe) var crashLength = 0
nonisolated(unsafe) var crashPath: [CChar] = Array("fuzz-crash-\(getpid()).input".utf8CString)

func remember(_ input: FuzzInput) {
    var n = 0
    func put(_ bytes: some Collection<UInt8>) {
        for byte in bytes where n < crashBuffer.count { crashBuffer[n] = byte; n += 1 }
    }
    put("DOSSIER-FUZZ\n".utf8)
    for file in input {
        put(file.path.utf8); put([0x0A])
        put(String(file.bytes.count).utf8); put([0x0A])
        put(file.bytes)
    }
    crashLength = n
}

func parseSaved(_ bytes: [UInt8]) -> FuzzInput? {
    let magic = Array("DOSSIER-FUZZ\n".utf8)
    guard bytes.starts(with: magic) else { return nil }
    var i = magic.count
    var input: FuzzInput = []
    func line() -> String? {
        guard let end = bytes[i...].firstIndex(of: 0x0A) else { return nil }
        defer { i = end + 1 }
        return String(decoding: bytes[i..<end], as: UTF8.self)
    }
    while i < bytes.count {
        guard let path = line(), let count = line().flatMap({ Int($0) }), i + count <= bytes.count else { return nil }
        input.append((path, Array(bytes[i..<i + count])))
        i += count
    }
    return input
}

func installCrashHandler() {
    for number in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { received in
            let fd = crashPath.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            if fd >= 0 {
                _ = write(fd, crashBuffer.baseAddress, crashLength)
                close(fd)
            }
            let message = "dossier-fuzz: crashed; the input is in the .input file named above\n"
            _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
            signal(received, SIG_DFL)
            raise(received)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
        sigaction(number, &action, nil)
    }
}

func readDossier(_ directory: String) -> FuzzInput {
    guard let names = try? FileSystem.yamlFiles(in: directory) else { return [] }
    return names.compactMap { name in
        (try? FileSystem.read(directory + "/" + name, limit: 1 << 26)).map { (name, $0) }
    }
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func say(_ text: String) {
    print(text)
    fflush(nil)
}

var seconds = 60.0, runs = Int.max, seed: UInt64 = 1, corpora: [String] = [], replay: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? seed
    case "--corpus": if let dir = arguments.popFirst() { corpora.append(dir) }
    case "--replay": replay = arguments.popFirst()
    default:
        say("usage: dossier-fuzz [--seconds N] [--runs N] [--seed N] [--corpus DIR]... [--replay FILE]")
        exit(2)
    }
}

installCrashHandler()
var rng = SplitMix64(seed: seed)

if let replay {
    guard let bytes = try? FileSystem.read(replay, limit: 1 << 26), let input = parseSaved(bytes) else {
        say("dossier-fuzz: \(replay) is not a saved fuzz input")
        exit(2)
    }
    remember(input)
    do {
        let outcome = try FuzzTarget.run(input, using: &rng)
        say("replayed: \(outcome.loaded ? "loaded" : "refused"), no crash")
    } catch {
        say("replayed: check failed: \(error)")
        exit(1)
    }
    exit(0)
}

var seeds = [Mutator.bundledSeed]
for corpus in corpora {
    let input = readDossier(corpus)
    if !input.isEmpty { seeds.append(input) }
    // each subfolder of a corpus folder (Fixtures/broken/*) is a seed too
    if let dir = opendir(corpus) {
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            guard !name.hasPrefix(".") else { continue }
            let sub = readDossier(corpus + "/" + name)
            if !sub.isEmpty { seeds.append(sub) }
            // and one level further (Fixtures/broken/alias)
            if let inner = opendir(corpus + "/" + name) {
                while let entry = readdir(inner) {
                    let leaf = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
                    guard !leaf.hasPrefix(".") else { continue }
                    let deeper = readDossier(corpus + "/" + name + "/" + leaf)
                    if !deeper.isEmpty { seeds.append(deeper) }
                }
                closedir(inner)
            }
        }
        closedir(dir)
    }
}
let mutator = Mutator(seeds: seeds)
say("dossier-fuzz: seed \(seed), \(seeds.count) seed dossiers, up to \(seconds) s")
let start = now()
var executions = 0, loaded = 0, failures = 0
var lastReport = start
while executions < runs && now() - start < seconds {
    let input = mutator.next(using: &rng)
    remember(input)
    do {
        if try FuzzTarget.run(input, using: &rng).loaded { loaded += 1 }
    } catch {
        failures += 1
        let fd = open("fuzz-failure-\(getpid())-\(failures).input", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 { _ = write(fd, crashBuffer.baseAddress, crashLength); close(fd) }
        say("check failed: \(error)")
    }
    executions += 1
    if now() - lastReport >= 30 {
        lastReport = now()
        say("\(executions) executions, \(loaded) loaded, \(failures) failed checks, \(Int(lastReport - start)) s")
    }
}
say("done: \(executions) executions (\(loaded) loaded), \(failures) failed checks, 0 crashes, \(Int(now() - start)) s, seed \(seed)")
exit(failures == 0 ? 0 : 1)
