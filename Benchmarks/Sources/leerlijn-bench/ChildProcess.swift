import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One whole process, timed, with its peak resident memory from `wait4`.
struct ChildProcess {
    struct Outcome {
        var seconds: Double
        /// Peak resident set size in bytes (`ru_maxrss`).
        var peakBytes: Double
        var status: Int32
    }

    /// Runs `executable` with `arguments`, standard output and error to /dev/null, and waits for it.
    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Timing.now()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw PeerError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw PeerError("wait4 failed for \(executable)") }
        }
        let seconds = Timing.now() - start
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(seconds: seconds, peakBytes: Double(usage.ru_maxrss) * 1024, status: exitCode)
    }
}
