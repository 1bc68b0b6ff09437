import Foundation
import Testing

/// Output that did not reach standard output is a failure, said so; a reader that left is not.
@Suite(.serialized) struct WriteFailureCLITests {
    /// Runs a shell line with the binary as `$D`.
    func shell(_ line: String) throws -> CLI.Result {
        try CLI.run(["-c", line], executable: "/bin/sh", environment: ["LANG": "C.UTF-8", "D": CLI.binary])
    }

    /// A full device (a real one: /dev/full answers every write with ENOSPC) and a closed
    /// descriptor: status 1 and a message, for a long export and a short listing alike.
    @Test(arguments: [
        "\"$D\" export > /dev/full", "\"$D\" timeline --format json > /dev/full", "\"$D\" export >&-",
        "\"$D\" validate > /dev/full",
    ])
    func aFailedWriteIsReportedWithStatusOne(line: String) throws {
        let result = try shell(line)
        #expect(result.status == 1, "\(line): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("writing to standard output failed"), "\(line): \(result.stderr)")
    }

    /// `| head`: the reader leaves early; the program ends quietly (no message), whether SIGPIPE
    /// kills it or is ignored (then status 141, as the signal would give).
    @Test(arguments: ["", "trap '' PIPE; "])
    func aClosedPipeEndsQuietly(prefix: String) throws {
        let result = try shell(prefix + "{ \"$D\" export --format json; echo \"status=$?\" >&2; } | head -c 10 > /dev/null")
        #expect(result.stderr == "status=141\n", "no message, the status SIGPIPE gives: \(result.stderr)")
    }
}
