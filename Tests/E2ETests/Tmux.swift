import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Drives a private tmux server for end-to-end tests of the real binary in a real terminal.
///
/// tmux is started with `posix_spawn`, not Foundation's `Process` (which waits forever for
/// `new-session`, whose forked server inherits its pipes), with an empty signal mask: test threads
/// block nearly every signal and children inherit that, which would hide SIGWINCH from the app.
/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which the Glibc module
/// does not bring into Swift.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func spawnActionsCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

final class Tmux {
    let socket = "dossier-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    static var available: Bool {
        ["/usr/bin/tmux", "/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let binary: String = {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: runner).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("dossier").path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("dossier").path
    }()

    /// The first process whose parent is `parent`, read from /proc.
    static func childProcess(of parent: pid_t) -> pid_t? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for entry in entries {
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, pid_t(fields[1]) == parent { return pid }
        }
        return nil
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Runs one tmux client command and returns its status and output.
    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // nothing else is inherited: the tmux server outlives the client, and an inherited
        // descriptor (a lock the test run was started under, the runner's pipes) stayed open
        // with it, here once holding a `flock` for 18 minutes after its test had ended
        _ = spawnActionsCloseFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for argument in cArgs { free(argument) } }
        let environment = ["LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=\(NSTemporaryDirectory())", "TERM=xterm-256color"]
        var cEnv = environment.map { strdup($0) } + [nil]
        defer { for variable in cEnv { free(variable) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, &cEnv)
        guard spawned == 0 else { throw E2EError.spawn(spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, text)
    }

    /// Starts the app in a detached session of the given size; the pane stays open after it
    /// exits and prints `EXIT=<status>`.
    func start(_ command: String, width: Int = 120, height: Int = 40, environment: String = "LANG=C.UTF-8") throws {
        let line = "env \(environment) \(command); echo EXIT=$?; sleep 30"
        try run(["new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", line])
        try run(["set-option", "-t", "e2e", "status", "off"])
    }

    func keys(_ keys: String...) throws {
        try run(["send-keys", "-t", "e2e"] + keys)
    }

    func literal(_ text: String) throws {
        try run(["send-keys", "-t", "e2e", "-l", text])
    }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", "e2e"]).output
    }

    func value(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "e2e", format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen every 20 ms until `condition` holds, for up to 20 s (a loaded CI machine
    /// runs the other test suites at the same time).
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw E2EError.timeout(what, last)
    }

    func waitFor(text: String, timeout: Double = 20) throws -> String {
        try waitFor("'\(text)' on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Polls `condition` (anything tmux can tell: a pane option, a window size) every 20 ms until
    /// it holds, for up to 20 s, instead of sleeping a fixed time and hoping.
    func waitUntil(_ what: String, timeout: Double = 20, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(20_000)
        }
        throw E2EError.timeout(what, (try? screen()) ?? "")
    }

    /// Whether `pid` is a live process (not gone, not a zombie waiting for its parent).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != nil && state != "Z" && state != "X"
    }
}

extension Tmux {
    /// Starts a shell line in a detached session (the pane stays open for 30 s after it ends).
    func startLine(_ line: String, width: Int = 100, height: Int = 30) throws {
        try run(["new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", line + "; sleep 30"])
        try run(["set-option", "-t", "e2e", "status", "off"])
    }

    /// The process the pane's shell started (the app).
    func appPID() throws -> pid_t {
        let shell = try #require(Int32(try value("#{pane_pid}")))
        return try #require(Tmux.childProcess(of: shell), "no process under the pane's shell")
    }
}

enum E2EError: Error, CustomStringConvertible {
    case spawn(Int32)
    case timeout(String, String)
    var description: String {
        switch self {
        case .spawn(let code): return "could not start tmux (\(code))"
        case .timeout(let what, let screen): return "timed out waiting for \(what); screen was:\n\(screen)"
        }
    }
}

extension Trait where Self == TimeLimitTrait {
    /// The time limit of every end-to-end suite: only a guard against a runaway. Swift Testing
    /// starts a test's clock when the test is scheduled, not when it gets one of the two cores'
    /// threads, so a terminal test that takes 3 s can be "running" for 75 s behind the other
    /// suites (a one-minute limit failed CI that way). A hung app is caught by each `waitFor`'s
    /// own 20-second deadline, measured while the test really runs.
    static var e2eTimeLimit: Self { .timeLimit(.minutes(10)) }
}
