import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies one version of a file on disk without reading it: device, inode, size and
/// modification and change times to the nanosecond (the change time cannot be set back by
/// any user, unlike the modification time).
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    /// The stamp of `path` now (following symbolic links, as the loader's `open` does).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}

/// One source file of a catalogue as a snapshot records it.
struct SourceFileRecord: Hashable, Sendable {
    /// The path relative to the catalogue folder (`programmes/a.xml`).
    var path: String
    /// Its stamp when it was read.
    var stamp: FileStamp
    /// SHA-256 of exactly the bytes the loader parsed, lower-case hex.
    var sha256: String
    /// Whether the stamp alone may vouch for the content later: false when the file changed
    /// within two seconds of the load (a change in the same clock tick keeps the same times),
    /// so such a file is hashed again on every use of the snapshot.
    var stampIsConclusive: Bool
}

/// Collects the source files of one catalogue load, hashing each while the parser reads it.
///
/// Used by the loading thread alone, then only read: unchecked `Sendable` so a load result can carry it.
final class SourceRecorder: @unchecked Sendable {
    let folder: String
    /// The wall clock when the load began, in nanoseconds since 1970.
    let startedAt: Int64
    private(set) var files: [SourceFileRecord] = []
    /// Why the sources cannot be recorded (a file changed while it was read), if so.
    private(set) var unstable: String?

    init(folder: String) {
        self.folder = folder
        startedAt = Self.now()
    }

    /// The wall clock in nanoseconds since 1970.
    static func now() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// One file being read: its stamp before, and the hash of the bytes so far.
    final class Recording {
        let path: String
        let before: FileStamp?
        var hasher = SHA256()
        init(path: String) {
            self.path = path
            before = FileStamp(path: path)
        }
        /// Hands a chunk to the hash; give it to the reader as its observer.
        func observe(_ chunk: UnsafeRawBufferPointer) { hasher.update(chunk) }
    }

    /// Starts recording `path`, before the reader opens it.
    func begin(_ path: String) -> Recording { Recording(path: path) }

    /// Records the file once the reader has read all of it.
    func finish(_ recording: Recording) {
        let after = FileStamp(path: recording.path)
        guard let before = recording.before, before == after else {
            unstable = unstable ?? "\(recording.path) changed while it was read"
            return
        }
        let margin: Int64 = 2_000_000_000
        let conclusive = before.modified < startedAt - margin && before.changed < startedAt - margin
        files.append(SourceFileRecord(path: Self.relative(recording.path, to: folder), stamp: before,
                                      sha256: SHA256.hexString(recording.hasher.finalize()), stampIsConclusive: conclusive))
    }

    static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
