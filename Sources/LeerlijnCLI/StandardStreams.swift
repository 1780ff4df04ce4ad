import Foundation
import Leerlijn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader of standard output went away (a closed pipe, as with `| head`): the command
/// ends quietly, without a message, with the code a shell reports for SIGPIPE.
struct OutputClosed: Error {
    /// 128 + SIGPIPE, what the shell shows when a process dies of a closed pipe.
    static let exitCode: Int32 = 141
}

/// Checked writes to standard output and standard error.
///
/// Foundation's `FileHandle.write(_:)` traps when the write fails (`> /dev/full`) and `print`
/// loses output silently; every byte the command line writes goes through here instead, with
/// `write(2)`: a failure is ``LeerlijnError/io(path:reason:)`` (exit 74, one line on standard
/// error), a closed pipe is ``OutputClosed`` (a quiet end).
enum StandardStreams {
    /// Writes `bytes` to standard output.
    ///
    /// - Throws: ``OutputClosed`` for a closed pipe, ``LeerlijnError/io(path:reason:)`` otherwise.
    static func out(_ bytes: [UInt8]) throws {
        try write(bytes, to: STDOUT_FILENO, name: "standard output")
    }

    /// Writes a line of text to standard output.
    static func out(line text: String) throws {
        try out(Array((text + "\n").utf8))
    }

    /// Writes to standard error; failures are ignored (there is nowhere left to report them,
    /// and the exit code already says what happened).
    static func err(_ text: String) {
        try? write(Array(text.utf8), to: STDERR_FILENO, name: "standard error")
    }

    /// Ignores SIGPIPE so that a closed pipe is seen as EPIPE and handled as ``OutputClosed``,
    /// and SIGXFSZ so that a file-size limit (`ulimit -f`) is an `EFBIG` write error, reported
    /// with exit 74 naming the file and its temporary file removed, instead of a killed process.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, name: String) throws {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let result = Glibc.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        if failure == EPIPE { throw OutputClosed() }
        if failure != 0 { throw LeerlijnError.io(path: name, reason: "write failed: \(String(cString: strerror(failure)))") }
    }
}
