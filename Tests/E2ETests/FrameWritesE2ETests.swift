import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// /proc tells a process's write() calls and the system call it is blocked in.
private var procCountersAvailable: Bool {
    FileManager.default.isReadableFile(atPath: "/proc/self/io") && FileManager.default.isReadableFile(atPath: "/proc/self/syscall")
}

/// The terminal output at the floor, observed from outside in tmux through /proc: a key's frame
/// leaves the process in one write(), and while idle the process is blocked in poll() with no
/// time-out (the 100 ms poll it had before would show its time-out here).
@Suite(.serialized, .enabled(if: Tmux.available && procCountersAvailable), .e2eTimeLimit)
struct FrameWritesE2ETests {
    func appPID(_ tmux: Tmux) throws -> pid_t {
        let shell = try #require(Int32(try tmux.value("#{pane_pid}")))
        return try #require(Tmux.childProcess(of: shell), "no process under the pane's shell")
    }

    /// write-family system calls the main thread has made, from /proc/PID/task/PID/io: the
    /// frames are written there, while the background index thread's one write to the wake-up
    /// pipe (whenever the build ends, later on a loaded machine) is its own thread's.
    static func writeCalls(_ pid: pid_t) throws -> Int {
        let io = try String(contentsOfFile: "/proc/\(pid)/task/\(pid)/io", encoding: .utf8)
        let line = try #require(io.split(separator: "\n").first { $0.hasPrefix("syscw:") })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    /// The main thread is blocked in poll() with no time-out (or ppoll() with no time-out), as
    /// /proc/PID/syscall shows: the number of the call, then its arguments.
    static func blockedWithoutTimeout(_ pid: pid_t) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8) else { return false }
        let fields = text.split(separator: " ").map(String.init)
        guard fields.count >= 4 else { return false }
        #if arch(x86_64)
        let poll = "7", ppoll = "271"
        #elseif arch(arm64)
        let poll = "-", ppoll = "73"
        #else
        let poll = "-", ppoll = "-"
        #endif
        if fields[0] == poll { return fields[3] == "0xffffffffffffffff" || fields[3] == "0xffffffff" }
        if fields[0] == ppoll { return fields[3] == "0x0" }
        return false
    }

    @Test func idleItBlocksWithoutTimeOutAndAKeysFrameIsOneWrite() throws {
        let tmux = Tmux()
        try tmux.start("\(Tmux.binary)")
        _ = try tmux.waitFor(text: "[2 Timeline]")
        let pid = try appPID(tmux)
        // the first frame is out: the loop waits for input with no time-out (a 100 ms poll
        // would never satisfy this)
        try tmux.waitUntil("the idle explorer blocked in poll() without a time-out") { Self.blockedWithoutTimeout(pid) }
        for (key, position) in [("j", "Timeline 59/"), ("k", "Timeline 58/"), ("j", "Timeline 59/")] {
            let before = try Self.writeCalls(pid)
            try tmux.keys(key)
            // the whole frame is on screen (the status bar is its last row) and the loop is back
            // waiting: every write of this key's frame has been made
            _ = try tmux.waitFor("the frame after \(key)") { $0.split(separator: "\n").last?.contains(position) == true }
            try tmux.waitUntil("the explorer blocked again after \(key)") { Self.blockedWithoutTimeout(pid) }
            #expect(try Self.writeCalls(pid) - before == 1, "the frame for \(key) left in one write()")
        }
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    /// The first frame is out in three write() calls, counted on the main thread once it waits
    /// for input: the terminal queries (background colour, device attributes), what ncurses sends
    /// when it opens (the alternate screen, flushed with the keypad mode), and the frame itself,
    /// which the frame writer sends whole. It was 76 with ncurses painting, then 9 (an `endwin()`
    /// pass, ncurses's buffer of (rows + 2) × (columns + 6) bytes, the keypad mode at the first read).
    @Test func theFirstFrameLeavesInThreeWrites() throws {
        let tmux = Tmux()
        try tmux.start("\(Tmux.binary)")
        _ = try tmux.waitFor(text: "[2 Timeline]")
        let pid = try appPID(tmux)
        // every write of the first frame is made once the loop waits for a key
        try tmux.waitUntil("the explorer blocked in poll() after its first frame") { Self.blockedWithoutTimeout(pid) }
        let writes = try Self.writeCalls(pid)
        #expect(writes == 3, "\(writes) write() calls on the main thread up to the first frame")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }
}
