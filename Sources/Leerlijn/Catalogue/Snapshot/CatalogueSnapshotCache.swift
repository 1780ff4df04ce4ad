import Foundation
import LeerlijnXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The snapshot cache of `leerlijn query` and `leerlijn plan`: a compiled snapshot of the
/// loaded catalogue per catalogue folder, used only while it provably matches the XML.
///
/// A snapshot is used when all of these hold, else the XML is loaded and validated as always
/// and a new snapshot written: the cache folder and the file belong to this user and no one
/// else can write them; the file is whole (its length, its header and head checksums, and each
/// programme record's checksum when decoded); it comes from this format and Leerlijn version;
/// the catalogue has the same files; each file has the same device, inode, size and
/// nanosecond modification and change times as when it was read, or else the same SHA-256
/// (a file changed within two seconds of the load is always hashed again); and the content
/// key recomputed from those hashes and the embedded schema equals the stored one.
public struct CatalogueSnapshotCache: Sendable {
    /// The cache folder; `nil` disables the cache.
    public var folder: String?
    /// The loader's per-file cap: a file over it bypasses the snapshot so the load reports it.
    public var maxFileBytes: Int

    /// How many snapshots (one per catalogue folder) the cache keeps; the oldest go first.
    public static let keep = 16

    /// Creates a cache over `folder` (`nil`: no cache).
    public init(folder: String?, maxFileBytes: Int = SafeXMLReader.defaultMaxBytes) {
        self.folder = folder
        self.maxFileBytes = maxFileBytes
    }

    /// `$LEERLIJN_CACHE_DIR`, else `$XDG_CACHE_HOME/leerlijn`, else `$HOME/.cache/leerlijn`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["LEERLIJN_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/leerlijn" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/leerlijn" }
        return nil
    }

    /// A loaded catalogue and how it was loaded.
    public struct Loaded: Sendable {
        /// The catalogue.
        public var catalogue: Catalogue
        /// Whether it came from a snapshot.
        public var fromSnapshot: Bool
        /// Things the user should know (a damaged or foreign snapshot that was ignored).
        public var notes: [String]
        /// What a snapshot of this load would record; `nil` when it came from one, or the sources
        /// changed while they were read.
        var sources: SourceRecorder?
        /// The folder the catalogue was loaded from.
        var directory: String
        /// For a snapshot used after hashing files whose stamps changed: the snapshot and the
        /// manifest with their new stamps, written back by ``store(_:)``.
        var refresh: (snapshot: CatalogueSnapshot, path: String, sources: [SourceFileRecord])?
    }

    /// Loads `directory`: from its snapshot when that is current, else from the XML.
    public func load(directory: String) throws(LeerlijnError) -> Loaded {
        var notes: [String] = []
        if let snapshotPath = snapshotPath(for: directory, create: false, notes: &notes) {
            if FileManager.default.fileExists(atPath: snapshotPath) {
                do throws(SnapshotRejection) {
                    let snapshot = try CatalogueSnapshot(path: snapshotPath)
                    let refreshed = try checkCurrent(snapshot.header, directory: directory)
                    var loaded = Loaded(catalogue: try snapshot.catalogue(), fromSnapshot: true, notes: notes, sources: nil,
                                        directory: directory)
                    if let refreshed { loaded.refresh = (snapshot, snapshotPath, refreshed) }
                    return loaded
                } catch let rejection {
                    if rejection.isNoteworthy { notes.append("snapshot \(snapshotPath) not used: \(rejection); reading the XML") }
                }
            }
        }
        return try loadXML(directory: directory, notes: notes)
    }

    /// Loads the XML after a snapshot turned out damaged while it was read, removing it.
    public func reload(directory: String, damage: String) throws(LeerlijnError) -> Loaded {
        var notes: [String] = []
        if let path = snapshotPath(for: directory, create: false, notes: &notes) {
            unlink(path)
            notes.append("snapshot \(path) not used: \(damage); reading the XML")
        }
        return try loadXML(directory: directory, notes: notes)
    }

    private func loadXML(directory: String, notes: [String]) throws(LeerlijnError) -> Loaded {
        let recorder = folder == nil ? nil : SourceRecorder(folder: directory)
        let catalogue = try CatalogueLoader(maxFileBytes: maxFileBytes).load(directory: directory, recorder: recorder)
        return Loaded(catalogue: catalogue, fromSnapshot: false, notes: notes,
                      sources: recorder?.unstable == nil ? recorder : nil, directory: directory)
    }

    /// Writes the snapshot of a catalogue just loaded from the XML (nothing for one that came
    /// from a snapshot). Returns a note when it could not be written; the command goes on.
    @discardableResult
    public func store(_ loaded: Loaded) -> String? { store(loaded, toolVersion: LeerlijnVersion.string) }

    func store(_ loaded: Loaded, toolVersion: String) -> String? {
        if let refresh = loaded.refresh {
            do {
                try refresh.snapshot.rewrite(to: refresh.path, sources: refresh.sources)
            } catch {
                return "snapshot stamps not refreshed (\(error.description)); the next run hashes the files again"
            }
            return nil
        }
        guard let sources = loaded.sources, !loaded.fromSnapshot else { return nil }
        var notes: [String] = []
        guard let path = snapshotPath(for: loaded.directory, create: true, notes: &notes) else { return notes.first }
        let chunks = CatalogueSnapshot.encode(loaded.catalogue, sources: sources.files,
                                              folder: Self.realPath(loaded.directory), startedAt: sources.startedAt,
                                              contentKey: CatalogueSnapshot.contentKey(sources: sources.files),
                                              toolVersion: toolVersion)
        do {
            try AtomicFileWriter.write(to: path, mode: 0o600) { sink in for chunk in chunks { try sink(chunk) } }
        } catch {
            return "snapshot not written (\(error.description)); the next run reads the XML again"
        }
        prune(keeping: path)
        return nil
    }

    // MARK: Checks

    /// Throws unless the snapshot matches the catalogue's files; returns the manifest with new
    /// stamps when some file had to be hashed (its stamp changed, its content did not) and its
    /// new stamp is conclusive, so the caller can write it back.
    private func checkCurrent(_ header: CatalogueSnapshot.Header, directory: String) throws(SnapshotRejection)
        -> [SourceFileRecord]? {
        guard header.folder == Self.realPath(directory) else { throw SnapshotRejection(quiet: "made for \(header.folder)") }
        let listed: [String]
        do {
            let (vocabulary, parts) = try CatalogueLoader.sourceFiles(directory: directory)
            listed = [vocabulary] + parts.flatMap(\.files)
        } catch {
            throw SnapshotRejection(quiet: "the catalogue's files cannot be listed: \(error)")
        }
        guard listed.map({ SourceRecorder.relative($0, to: directory) }) == header.sources.map(\.path) else {
            throw SnapshotRejection(quiet: "files were added, removed or renamed")
        }
        var refreshed = header.sources
        var changedStamps = false
        let margin: Int64 = 2_000_000_000, now = SourceRecorder.now()
        for (offset, (path, recorded)) in zip(listed, header.sources).enumerated() {
            guard let stamp = FileStamp(path: path), stamp.size <= Int64(maxFileBytes) else {
                throw SnapshotRejection(quiet: "\(path) cannot be examined or is over the size limit")
            }
            if stamp == recorded.stamp, recorded.stampIsConclusive { continue }
            guard stamp.size == recorded.stamp.size, Self.sha256(of: path) == recorded.sha256,
                  FileStamp(path: path) == stamp else {
                throw SnapshotRejection(quiet: "\(path) changed")
            }
            let conclusive = stamp.modified < now - margin && stamp.changed < now - margin
            if conclusive {
                refreshed[offset].stamp = stamp
                refreshed[offset].stampIsConclusive = true
                changedStamps = true
            }
        }
        guard CatalogueSnapshot.contentKey(sources: header.sources) == header.contentKey else {
            throw SnapshotRejection("content key mismatch")
        }
        return changedStamps ? refreshed : nil
    }

    private static func sha256(of path: String) -> String? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return SHA256.hexString(hasher.finalize())
    }

    // MARK: The folder

    /// The snapshot file for `directory`, after checking (and with `create`, making) the cache folder.
    func snapshotPath(for directory: String, create: Bool, notes: inout [String]) -> String? {
        guard let folder else { return nil }
        var info = stat()
        if stat(folder, &info) != 0 {
            guard create, errno == ENOENT else { return nil }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                notes.append("snapshot cache \(folder) cannot be created: \((error as NSError).localizedDescription)")
                return nil
            }
            guard stat(folder, &info) == 0 else { return nil }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            notes.append("snapshot cache \(folder) is not a folder; not used")
            return nil
        }
        guard info.st_uid == geteuid(), info.st_mode & 0o022 == 0 else {
            notes.append("snapshot cache \(folder) belongs to uid \(info.st_uid) with mode \(String(info.st_mode & 0o777, radix: 8)); "
                         + "not used (it must be yours and writable by no one else)")
            return nil
        }
        let key = SHA256.hex(Array(Self.realPath(directory).utf8)).prefix(32)
        return (folder as NSString).appendingPathComponent("catalogue-\(key).snapshot")
    }

    private func prune(keeping current: String) {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var snapshots: [(path: String, modified: Int64)] = []
        for name in names where name.hasPrefix("catalogue-") && name.hasSuffix(".snapshot") {
            let path = (folder as NSString).appendingPathComponent(name)
            if path != current, let stamp = FileStamp(path: path) { snapshots.append((path, stamp.modified)) }
        }
        guard snapshots.count >= Self.keep else { return }
        for old in snapshots.sorted(by: { ($0.modified, $0.path) > ($1.modified, $1.path) }).dropFirst(Self.keep - 1) {
            unlink(old.path)
        }
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
