import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock that makes one process at a time the writer of an output folder.
///
/// The lock is a `flock` on the file `.leerlijn.lock` in the folder: the kernel releases it when
/// the holder exits or is killed, and it belongs to one open file, so two pipelines of the same
/// process exclude each other too (a POSIX record lock would not). The holder writes its process
/// id into the file. A run that finds the folder held retries until its timeout, then fails with
/// ``LeerlijnError/busy(path:holder:waited:)`` (exit 75) naming that process.
///
/// The holder removes the lock file while still holding the lock, so a finished export leaves
/// the folder exactly as the export wrote it. A waiter that then acquires the lock on the removed
/// file notices (the path no longer names the file it locked) and starts over on the new file,
/// so two processes can never both believe they hold the folder.
public final class FolderLock {
    /// The name of the lock file in a locked folder.
    public static let fileName = ".leerlijn.lock"

    /// The default time to wait for another writer, in seconds.
    public static let defaultTimeout: Double = 60

    /// The lock file's path.
    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock on `directory`, waiting up to `timeout` seconds for another writer.
    ///
    /// - Parameters:
    ///   - directory: The folder to lock; it must exist.
    ///   - timeout: How long to wait for the current holder, in seconds (0: try once).
    /// - Returns: The held lock; it is released by ``release()`` or when the lock is freed.
    /// - Throws: ``LeerlijnError/busy(path:holder:waited:)`` when another process holds the folder
    ///   past the timeout, ``LeerlijnError/cannotCreate(path:reason:)`` when the lock file cannot
    ///   be opened.
    public static func acquire(_ directory: String, timeout: Double = defaultTimeout) throws(LeerlijnError) -> FolderLock {
        let path = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(fileName)
        let deadline = Date().addingTimeInterval(max(0, timeout))
        var pause: UInt32 = 5_000
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                throw .cannotCreate(path: path, reason: "cannot open the folder's lock file: \(String(cString: strerror(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // The previous holder may have removed this very file before we locked it.
                var opened = stat(), named = stat()
                if fstat(fd, &opened) == 0, lstat(path, &named) == 0,
                   opened.st_dev == named.st_dev, opened.st_ino == named.st_ino {
                    let id = Array("\(getpid())\n".utf8)
                    _ = ftruncate(fd, 0)
                    _ = id.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                    return FolderLock(path: path, descriptor: fd)
                }
                close(fd)
                continue
            }
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(fd)
                throw .cannotCreate(path: path, reason: "cannot lock the folder: \(String(cString: strerror(failure)))")
            }
            let holder = Self.holder(fd)
            close(fd)
            if Date() >= deadline {
                throw .busy(path: directory, holder: holder, waited: max(0, timeout))
            }
            usleep(pause)
            pause = min(pause * 2, 200_000)
        }
    }

    /// Removes the lock file and releases the lock (idempotent).
    public func release() {
        guard descriptor >= 0 else { return }
        // Unlinked while held: a waiter that locks the removed file sees it and retries.
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    /// The process id the holder wrote into the lock file, if it has written it yet.
    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(text), pid > 0 else { return nil }
        return pid
    }
}
