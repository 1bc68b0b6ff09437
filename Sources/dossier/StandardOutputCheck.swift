#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A command's output that did not all reach standard output (`> /dev/full`, a full disk, a
/// closed descriptor) must not pass for success: at exit, whatever the way out, standard output
/// is flushed and checked, and a failure is said on standard error with status 1. A reader that
/// went away (`| head`) ends the program quietly, as Unix tools do: by SIGPIPE, or, when SIGPIPE
/// is ignored, with status 141 and no message.
enum StandardOutputCheck {
    static func install() {
        atexit {
            let output = StandardOutputCheck.standardOutput
            let flushed = fflush(output) == 0
            let reason = errno
            guard !flushed || ferror(output) != 0 else { return }
            if StandardOutputCheck.readerIsGone(reason: flushed ? 0 : reason) { _exit(128 + SIGPIPE) }
            let why = flushed || reason == 0 ? "" : ": " + String(cString: strerror(reason))
            let message = "dossier: writing to standard output failed\(why)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(1)
        }
    }

    /// C's `stdout`, read once (Swift 6 sees a mutable global).
    nonisolated(unsafe) private static let standardOutput = stdout

    /// Whether standard output is a pipe or socket whose reader closed it.
    private static func readerIsGone(reason: Int32) -> Bool {
        if reason == EPIPE { return true }
        var status = stat()
        guard fstat(1, &status) == 0, (status.st_mode & S_IFMT) == S_IFIFO || (status.st_mode & S_IFMT) == S_IFSOCK else { return false }
        var fds = pollfd(fd: 1, events: 0, revents: 0)
        return poll(&fds, 1, 0) > 0 && fds.revents & Int16(POLLERR) != 0
    }
}
