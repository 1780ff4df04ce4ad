import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled snapshot of a loaded catalogue: what `query` and `plan` read instead of
/// parsing and validating the XML again when nothing changed.
///
/// Layout (all integers little-endian; "varint" is LEB128):
///
/// | part | contents |
/// |---|---|
/// | preamble (28 bytes) | `LEERSNAP`, format version (u32), header length (u64), header checksum (u64) |
/// | header | tool version, owner uid, load start time, content key, catalogue folder, source manifest, programme count, newest change, section lengths and checksums |
/// | head: core | vocabulary, requirements, record table (offset and checksum per programme) |
/// | head: ids | the programme ids in id order (``ProgrammeIDTable``) |
/// | head: index | the query index (``CatalogueIndex``) |
/// | head: digest | the planner's per-programme facts (``PlannerDigest``) |
/// | records | one encoded programme per record, in id order |
///
/// Every part is checked before it is used: the header and the core against their checksums
/// when the snapshot is opened, the other head sections against theirs when first asked for
/// (a plan never reads the query index, a query never reads the digest), each programme record
/// against its own checksum when it is decoded, so a query reads only the records it shows.
/// Damage found late marks the snapshot damaged (``damage``); what was asked for is then
/// computed from the records instead, and the caller, seeing the damage, starts again from the XML.
final class CatalogueSnapshot: @unchecked Sendable {
    /// Bumped whenever the layout or the model encoding changes.
    static let formatVersion: UInt32 = 5
    static let magic = Array("LEERSNAP".utf8)
    static let preambleLength = 28

    struct Header: Sendable {
        var toolVersion: String
        var owner: UInt32
        var startedAt: Int64
        var contentKey: String
        var folder: String
        var sources: [SourceFileRecord]
        var programmeCount: Int
        var newestModification: Int
        /// The head's sections in ``Section`` order: length and checksum of each.
        var sections: [(length: Int, checksum: UInt64)]
        var recordsLength: Int
        var totalLength: Int
        /// The length of the head: its sections together.
        var headLength: Int { sections.reduce(0) { $0 + $1.length } }
    }

    /// The head's sections, in file order.
    enum Section: Int, CaseIterable {
        case core, ids, index, digest
    }

    /// Whether snapshots opened from now on are mapped (tests turn it off to run the `pread` path).
    static let usesMapping = Atomic<Bool>(true)

    let header: Header
    private let fd: Int32
    /// The whole file mapped read-only, or `nil` where it could not be mapped (then every read
    /// is a `pread`). Cache files are replaced by rename, never rewritten in place, so a mapped
    /// file keeps its size; the command-line tool turns the bus error of a file truncated by
    /// another program while in use into a clean exit 74 (`ProcessLifetime`).
    private let mapping: UnsafeRawBufferPointer?
    private let headStart: Int
    private let recordsStart: Int
    /// The record table, where it lies in the core section (set by ``catalogue()``).
    private var records = RecordTable.empty
    private let damageState = Mutex<String?>(nil)
    /// Checksums being verified beside the work that reads their section (the planner
    /// digest's); ``damage`` waits for them.
    private let pendingChecks = DispatchGroup()

    /// The first damage found while decoding records or checking a section, if any; waits for
    /// the checks still running.
    var damage: String? {
        pendingChecks.wait()
        return damageState.withLock { $0 }
    }
    var programmeCount: Int { header.programmeCount }

    // MARK: Reading

    /// Opens `path` and reads its header: the file must be a regular file owned by this user,
    /// writable by no one else, of the current format and tool version, and whole.
    init(path: String) throws(SnapshotRejection) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw SnapshotRejection("cannot open: \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw SnapshotRejection("not a regular file")
        }
        guard info.st_uid == geteuid() else {
            close(fd)
            throw SnapshotRejection("written by another user (uid \(info.st_uid))")
        }
        guard info.st_mode & 0o022 == 0 else {
            close(fd)
            throw SnapshotRejection("writable by group or others (mode \(String(info.st_mode & 0o777, radix: 8)))")
        }
        self.fd = fd
        let preamble: [UInt8]
        do throws(SnapshotRejection) {
            preamble = try Self.pread(fd, offset: 0, count: Self.preambleLength)
        } catch {
            close(fd)
            throw error
        }
        func word(_ at: Int) -> UInt64 { preamble[at..<(at + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        let format = preamble[8..<12].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let headerLength = word(12), headerChecksum = word(20)
        do throws(SnapshotRejection) {
            guard Array(preamble[0..<8]) == Self.magic else { throw SnapshotRejection("not a Leerlijn snapshot") }
            guard format == Self.formatVersion else {
                throw SnapshotRejection(quiet: "snapshot format \(format), this Leerlijn reads format \(Self.formatVersion)")
            }
            guard headerLength <= UInt64(info.st_size) else { throw SnapshotRejection("truncated header") }
            let bytes = try Self.pread(fd, offset: Self.preambleLength, count: Int(headerLength))
            let header = try Self.withBytes(bytes) { raw throws(SnapshotRejection) -> Header in
                guard SnapshotChecksum.of(raw) == headerChecksum else { throw SnapshotRejection("header checksum mismatch") }
                var source = SnapshotSource(raw)
                return try Self.readHeader(&source)
            }
            guard header.toolVersion == LeerlijnVersion.string else {
                throw SnapshotRejection(quiet: "written by Leerlijn \(header.toolVersion), this is \(LeerlijnVersion.string)")
            }
            guard header.owner == geteuid() else { throw SnapshotRejection("written for uid \(header.owner)") }
            guard header.totalLength == Int(info.st_size) else {
                throw SnapshotRejection("\(info.st_size) bytes on disk, the header says \(header.totalLength) (truncated or extended)")
            }
            self.header = header
            headStart = Self.preambleLength + Int(headerLength)
            recordsStart = headStart + header.headLength
            guard recordsStart + header.recordsLength == header.totalLength else { throw SnapshotRejection("section lengths do not add up") }
        } catch {
            close(fd)
            throw error
        }
        let length = header.totalLength
        if length > 0, Self.usesMapping.load(ordering: .relaxed),
           let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED {
            mapping = UnsafeRawBufferPointer(start: base, count: length)
        } else {
            mapping = nil
        }
    }

    deinit {
        if let mapping { munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count) }
        close(fd)
    }

    /// `count` bytes at `offset` of the file: a view into the mapping, or a copy read with `pread`.
    private func region(offset: Int, count: Int) throws(SnapshotRejection) -> SnapshotRegion {
        guard offset >= 0, count >= 0, offset <= header.totalLength - count else {
            throw SnapshotRejection("bytes \(offset)..<\(offset + count) past the end")
        }
        if let mapping { return SnapshotRegion(UnsafeRawBufferPointer(rebasing: mapping[offset..<(offset + count)]), owner: self) }
        let copy = SnapshotRegion.Copy(count: count)
        try Self.pread(fd, offset: offset, into: copy.bytes)
        return SnapshotRegion(UnsafeRawBufferPointer(copy.bytes), owner: copy)
    }

    /// Reads the head's core (vocabulary, requirements, record table) and makes the catalogue;
    /// the other sections are read when first asked for.
    func catalogue() throws(SnapshotRejection) -> Catalogue {
        let core = try section(.core)
        defer { withExtendedLifetime(core) {} }
        return try { () throws(SnapshotRejection) -> Catalogue in
            var source = SnapshotSource(core.raw)
            let vocabulary = try SnapshotCodec.readVocabulary(&source)
            var requirements: [Requirement] = []
            for _ in 0..<(try source.count()) { requirements.append(try SnapshotCodec.readRequirement(&source)) }
            let offsets = try source.wordRun(), checksums = try source.wordRun()
            let table = RecordTable(core: core, offsetsAt: offsets.start, checksumsAt: checksums.start)
            guard source.isAtEnd, offsets.count == header.programmeCount + 1, checksums.count == header.programmeCount,
                  table.offset(0) == 0, table.offset(header.programmeCount) == header.recordsLength,
                  table.rises(count: offsets.count)
            else { throw SnapshotRejection("bad record table") }
            records = table
            let storage = ProgrammeStorage(snapshot: self)
            let count = header.programmeCount
            let index = Deferred { [self] in
                lazySection(.index, fallback: { CatalogueIndex(programmes: storage.all, vocabulary: vocabulary) }) { s, _ throws(SnapshotRejection) in
                    let index = try SnapshotCodec.readIndex(&s) { storage.all }
                    guard index.count == count else { throw SnapshotRejection("index of \(index.count) programmes, header says \(count)") }
                    return index
                }
            }
            let ids = Deferred { [self] in
                lazySection(.ids, fallback: { ProgrammeIDTable(storage.all.map(\.id)) }) { s, section throws(SnapshotRejection) in
                    try SnapshotCodec.readIDs(&s, section: section, count: count)
                }
            }
            // The digest's 10 MB (at 100,000 programmes) are checked on another core while the
            // planner works: its reader checks the counts and candidate lists, and an entry's
            // list positions are kept in range where they are read, so unchecked bytes cannot
            // make it fail; a plan from a damaged digest is never shown (`damage`).
            let digest = Deferred { [self, requirementCount = requirements.count] () -> PlannerDigest? in
                lazySection(.digest, checkBeside: true, fallback: { nil }) { s, section throws(SnapshotRejection) in
                    try SnapshotCodec.readDigest(&s, section: section, count: count, requirements: requirementCount)
                }
            }
            return Catalogue(storage: storage, requirements: requirements, vocabulary: vocabulary, index: index,
                             newest: Deferred { [newest = header.newestModification] in CalendarDate(daysSinceEpoch: newest) },
                             ids: ids, digest: digest)
        }()
    }

    /// Where a head section lies in the file.
    func byteRange(of section: Section) -> Range<Int> {
        let start = headStart + header.sections[..<section.rawValue].reduce(0) { $0 + $1.length }
        return start..<(start + header.sections[section.rawValue].length)
    }

    /// The bytes of one head section, checked against its checksum.
    private func section(_ section: Section) throws(SnapshotRejection) -> SnapshotRegion {
        let range = byteRange(of: section), sections = header.sections
        let bytes = try region(offset: range.lowerBound, count: range.count)
        guard SnapshotChecksum.of(bytes.raw) == sections[section.rawValue].checksum else {
            throw SnapshotRejection("\(section) section checksum mismatch")
        }
        return bytes
    }

    /// The bytes of one head section, handed out at once while their checksum is verified on
    /// another thread; a mismatch is recorded as damage (``damage`` waits for the verdict).
    private func sectionCheckedBeside(_ section: Section) throws(SnapshotRejection) -> SnapshotRegion {
        let range = byteRange(of: section), expected = header.sections[section.rawValue].checksum
        let bytes = try region(offset: range.lowerBound, count: range.count)
        pendingChecks.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self, bytes] in
            if SnapshotChecksum.of(bytes.raw) != expected {
                damageState.withLock { $0 = $0 ?? "\(section) section checksum mismatch" }
            }
            pendingChecks.leave()
        }
        return bytes
    }

    /// A head section read on first use with `read` (given the section's bytes too, which a
    /// value may keep instead of copying from them); when it is damaged the damage is recorded
    /// and `fallback` (computed from the records) stands in, so nothing shown depends on it.
    /// With `checkBeside`, `read` gets the bytes before their checksum is known (it must check
    /// whatever it relies on to stay in bounds), and a mismatch is only recorded.
    private func lazySection<T>(_ which: Section, checkBeside: Bool = false, fallback: () -> T,
                                _ read: (inout SnapshotSource, SnapshotRegion) throws(SnapshotRejection) -> T) -> T {
        do throws(SnapshotRejection) {
            let bytes = try checkBeside ? sectionCheckedBeside(which) : section(which)
            defer { withExtendedLifetime(bytes) {} }
            var source = SnapshotSource(bytes.raw)
            let value = try read(&source, bytes)
            guard source.isAtEnd else { throw SnapshotRejection("trailing bytes in the \(which) section") }
            return value
        } catch {
            // A section read beside its checksum that does not read whole is damaged: the
            // checksum's verdict (awaited first) names it, whichever finds it first.
            if checkBeside { pendingChecks.wait() }
            damageState.withLock { $0 = $0 ?? error.description }
            return fallback()
        }
    }

    /// Decodes programme `offset` (id order); on damage, records it and returns a placeholder
    /// that the caller never shows (it checks ``damage`` first).
    func programme(at offset: Int) -> Programme {
        do throws(SnapshotRejection) {
            guard offset >= 0, offset < header.programmeCount else { throw SnapshotRejection("no programme \(offset)") }
            let start = records.offset(offset), end = records.offset(offset + 1)
            let bytes = try region(offset: recordsStart + start, count: end - start)
            defer { withExtendedLifetime(bytes) {} }
            return try decode(bytes.raw, offset)
        } catch {
            return placeholder(error, offset)
        }
    }

    /// Writes the `catalogue.json` objects of the programmes at `offsets` (id order) as array
    /// elements of `json`, straight from their records (``ProgrammeRecordView``), each checked
    /// against its checksum where it lies. On damage, records it and stops: the caller checks
    /// ``damage`` before showing anything.
    func writeJSON<C: Collection>(offsets: C, into json: inout JSONStreamWriter) where C.Element == Int {
        for offset in offsets {
            do throws(SnapshotRejection) {
                guard offset >= 0, offset < header.programmeCount else { throw SnapshotRejection("no programme \(offset)") }
                let start = records.offset(offset), end = records.offset(offset + 1)
                let bytes = try region(offset: recordsStart + start, count: end - start), raw = bytes.raw
                defer { withExtendedLifetime(bytes) {} }
                guard SnapshotChecksum.of(raw) == records.checksum(offset) else {
                    throw SnapshotRejection("checksum mismatch in programme record \(offset)")
                }
                var source = SnapshotSource(raw)
                let view = try ProgrammeRecordView(&source)
                guard source.isAtEnd else { throw SnapshotRejection("trailing bytes in programme record \(offset)") }
                json.element()
                view.writeJSON(into: &json)
            } catch {
                damageState.withLock { $0 = $0 ?? error.description }
                return
            }
        }
    }

    /// Decodes every programme, reading the records in one pass.
    func allProgrammes() -> [Programme] {
        let bytes: SnapshotRegion
        do throws(SnapshotRejection) {
            bytes = try region(offset: recordsStart, count: header.recordsLength)
        } catch {
            return (0..<header.programmeCount).map { placeholder(error, $0) }
        }
        let count = header.programmeCount
        let parts = withExtendedLifetime(bytes) { () -> [[Programme]] in
            let raw = bytes.raw
            return ParallelParts.map(count: count, minimum: 1024) { range in
                range.map { offset in
                    let record = UnsafeRawBufferPointer(rebasing: raw[records.offset(offset)..<records.offset(offset + 1)])
                    do throws(SnapshotRejection) { return try decode(record, offset) } catch { return placeholder(error, offset) }
                }
            }
        }
        var all: [Programme] = []
        all.reserveCapacity(count)
        for part in parts { all.append(contentsOf: part) }
        return all
    }

    private func decode(_ raw: UnsafeRawBufferPointer, _ offset: Int) throws(SnapshotRejection) -> Programme {
        guard SnapshotChecksum.of(raw) == records.checksum(offset) else { throw SnapshotRejection("checksum mismatch in programme record \(offset)") }
        var source = SnapshotSource(raw)
        let programme = try SnapshotCodec.readProgramme(&source)
        guard source.isAtEnd else { throw SnapshotRejection("trailing bytes in programme record \(offset)") }
        return programme
    }

    private func placeholder(_ error: SnapshotRejection, _ offset: Int) -> Programme {
        damageState.withLock { $0 = $0 ?? error.description }
        let empty = LocalizedText(nl: "", en: "")
        return Programme(id: "", title: empty, summary: empty, kind: nil, providers: [], audiences: [], ageRange: nil,
                         educationLevels: [], sectors: [], roles: [], topics: [], formats: [], languages: [], accessibility: [],
                         peerLed: nil, evidence: EvidenceLevel(""), duration: nil, cost: nil, urls: [], status: .active,
                         validFrom: nil, validUntil: nil, recommendations: [], source: SourceReference(section: "", text: ""),
                         note: nil, lastModified: CalendarDate(daysSinceEpoch: 0))
    }

    /// `withUnsafeBytes` with a typed error.
    private static func withBytes<T>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(SnapshotRejection) -> T)
        throws(SnapshotRejection) -> T {
        let result: Result<T, SnapshotRejection> = bytes.withUnsafeBytes { raw in
            do throws(SnapshotRejection) { return .success(try body(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Fills `buffer` with the bytes at `offset`.
    private static func pread(_ fd: Int32, offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(SnapshotRejection) {
        var done = 0
        while done < buffer.count {
            let got = Glibc.pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            if got <= 0 {
                throw SnapshotRejection(got == 0 ? "truncated at byte \(offset + done)" : "read failed: \(String(cString: strerror(errno)))")
            }
            done += got
        }
    }

    private static func pread(_ fd: Int32, offset: Int, count: Int) throws(SnapshotRejection) -> [UInt8] {
        guard count >= 0 else { throw SnapshotRejection("negative length") }
        var failure: SnapshotRejection?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            var done = 0
            while done < count {
                let got = Glibc.pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failure = SnapshotRejection(got == 0 ? "truncated at byte \(offset + done)" : "read failed: \(String(cString: strerror(errno)))")
                    break
                }
                done += got
            }
            initialised = failure == nil ? count : 0
        }
        if let failure { throw failure }
        return bytes
    }

    // MARK: Header

    private static func readHeader(_ s: inout SnapshotSource) throws(SnapshotRejection) -> Header {
        let toolVersion = try s.string()
        let owner = try s.uint()
        let startedAt = try s.int()
        let contentKey = try s.string()
        let folder = try s.string()
        var sources: [SourceFileRecord] = []
        for _ in 0..<(try s.count()) {
            let path = try s.string()
            let stamp = FileStamp(device: try s.uint(), inode: try s.uint(), size: Int64(try s.int()),
                                  modified: Int64(try s.int()), changed: Int64(try s.int()))
            sources.append(SourceFileRecord(path: path, stamp: stamp, sha256: try s.string(), stampIsConclusive: try s.bool()))
        }
        let header = Header(toolVersion: toolVersion, owner: UInt32(truncatingIfNeeded: owner), startedAt: Int64(startedAt),
                            contentKey: contentKey, folder: folder, sources: sources, programmeCount: try s.natural(),
                            newestModification: try s.int(),
                            sections: try Section.allCases.map { _ throws(SnapshotRejection) in (try s.natural(), try s.word()) },
                            recordsLength: Int(try s.uint()), totalLength: Int(try s.uint()))
        guard s.isAtEnd, header.recordsLength >= 0, header.totalLength >= 0 else { throw SnapshotRejection("bad header") }
        return header
    }

    private static func writeHeader(_ h: Header, _ sink: inout SnapshotSink) {
        sink.string(h.toolVersion)
        sink.uint(UInt64(h.owner))
        sink.int(Int(h.startedAt))
        sink.string(h.contentKey)
        sink.string(h.folder)
        sink.count(h.sources.count)
        for file in h.sources {
            sink.string(file.path)
            sink.uint(file.stamp.device)
            sink.uint(file.stamp.inode)
            sink.int(Int(file.stamp.size))
            sink.int(Int(file.stamp.modified))
            sink.int(Int(file.stamp.changed))
            sink.string(file.sha256)
            sink.bool(file.stampIsConclusive)
        }
        sink.count(h.programmeCount)
        sink.int(h.newestModification)
        for section in h.sections {
            sink.count(section.length)
            sink.word(section.checksum)
        }
        sink.uint(UInt64(h.recordsLength))
        sink.uint(UInt64(h.totalLength))
    }

    // MARK: Writing

    /// The bytes of a snapshot of `catalogue`, in the chunks they are written in.
    /// - Parameter toolVersion: The version recorded (the tests write another to see it refused).
    static func encode(_ catalogue: Catalogue, sources: [SourceFileRecord], folder: String, startedAt: Int64,
                       contentKey: String, toolVersion: String = LeerlijnVersion.string) -> [[UInt8]] {
        var records = SnapshotSink()
        var offsets: [UInt64] = [0], checksums: [UInt64] = []
        let programmes = catalogue.programmes
        offsets.reserveCapacity(programmes.count + 1)
        checksums.reserveCapacity(programmes.count)
        for programme in programmes {
            let start = records.bytes.count
            SnapshotCodec.write(programme, &records)
            checksums.append(records.bytes.withUnsafeBytes { SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: $0[start...])) })
            offsets.append(UInt64(records.bytes.count))
        }
        var core = SnapshotSink(), ids = SnapshotSink(), index = SnapshotSink(), digest = SnapshotSink()
        SnapshotCodec.write(catalogue.vocabulary, &core)
        core.count(catalogue.requirements.count)
        for requirement in catalogue.requirements { SnapshotCodec.write(requirement, &core) }
        core.words(offsets)
        core.words(checksums)
        SnapshotCodec.write(catalogue.idTable, &ids)
        SnapshotCodec.write(catalogue.index, &index)
        SnapshotCodec.write(PlannerDigest(programmes: programmes, requirements: catalogue.requirements,
                                          vocabulary: catalogue.vocabulary), &digest)
        let head = Section.allCases.map { section in
            switch section {
            case .core: core.bytes
            case .ids: ids.bytes
            case .index: index.bytes
            case .digest: digest.bytes
            }
        }
        var header = Header(toolVersion: toolVersion, owner: geteuid(), startedAt: startedAt, contentKey: contentKey,
                            folder: folder, sources: sources, programmeCount: programmes.count,
                            newestModification: catalogue.newestModification.daysSinceEpoch,
                            sections: head.map { ($0.count, $0.withUnsafeBytes(SnapshotChecksum.of)) },
                            recordsLength: records.bytes.count, totalLength: 0)
        let (preamble, headerBytes) = framed(&header, bodyLength: header.headLength + records.bytes.count)
        return [preamble, headerBytes] + head + [records.bytes]
    }

    /// Writes this snapshot again to `path` with `sources` (new stamps for files whose content
    /// was hashed and found unchanged), so later uses need not hash them again. The content
    /// key is unchanged (the hashes are); the head and records are copied as they are.
    func rewrite(to path: String, sources: [SourceFileRecord]) throws(LeerlijnError) {
        var header = self.header
        header.sources = sources
        let body: [UInt8]
        do throws(SnapshotRejection) {
            body = try Self.pread(fd, offset: headStart, count: header.headLength + header.recordsLength)
        } catch {
            throw .io(path: path, reason: "cannot reread the snapshot: \(error)")
        }
        let (preamble, headerBytes) = Self.framed(&header, bodyLength: body.count)
        try AtomicFileWriter.write(to: path, mode: 0o600) { sink in
            try sink(preamble)
            try sink(headerBytes)
            try sink(body)
        }
    }

    /// The preamble and header bytes for a header followed by `bodyLength` bytes; sets the
    /// header's total length, which is in the header itself (encoded until its length is stable).
    private static func framed(_ header: inout Header, bodyLength: Int) -> (preamble: [UInt8], header: [UInt8]) {
        var headerSink = SnapshotSink()
        for _ in 0..<3 {
            headerSink = SnapshotSink()
            writeHeader(header, &headerSink)
            header.totalLength = preambleLength + headerSink.bytes.count + bodyLength
        }
        headerSink = SnapshotSink()
        writeHeader(header, &headerSink)
        return (preamble(header: headerSink.bytes), headerSink.bytes)
    }

    private static func preamble(header: [UInt8]) -> [UInt8] {
        var preamble = magic
        withUnsafeBytes(of: formatVersion.littleEndian) { preamble += $0 }
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { preamble += $0 }
        withUnsafeBytes(of: header.withUnsafeBytes(SnapshotChecksum.of).littleEndian) { preamble += $0 }
        return preamble
    }

    /// The content key: SHA-256 over the format and tool version, the embedded schema and every
    /// source file's path and content hash, in reading order.
    static func contentKey(sources: [SourceFileRecord]) -> String {
        var hasher = SHA256()
        hasher.update(Array("leerlijn-snapshot\u{0}\(formatVersion)\u{0}\(LeerlijnVersion.string)\u{0}".utf8))
        hasher.update(Array(SHA256.hex(PublishedSchema.catalogueXSD.bytes).utf8))
        for file in sources { hasher.update(Array("\u{0}\(file.path)\u{0}\(file.sha256)".utf8)) }
        return SHA256.hexString(hasher.finalize())
    }
}

/// Bytes of a snapshot that a value may keep (the planner digest's entries): a view into the
/// snapshot's mapping, which `owner` keeps alive, or a copy read with `pread` where the file
/// could not be mapped.
/// The record table where it lies in the core section: `count + 1` offsets of the records
/// (relative to the records' start, the last one their end), then `count` checksums, all
/// little-endian 64-bit words. Kept alive with the core's bytes (a view into the mapping, or
/// the `pread` copy).
private struct RecordTable {
    let core: SnapshotRegion
    let offsetsAt: Int
    let checksumsAt: Int

    /// Before the core is read: no records.
    static let empty = RecordTable(core: SnapshotRegion(UnsafeRawBufferPointer(start: nil, count: 0), owner: SnapshotRegion.Copy(count: 0)),
                                   offsetsAt: 0, checksumsAt: 0)

    /// Record `i`'s start (and `i - 1`'s end); at most 2^63, as a record table whose offsets
    /// do not rise to the records' length is refused.
    @inline(__always)
    func offset(_ i: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(littleEndian: core.raw.loadUnaligned(fromByteOffset: offsetsAt + 8 * i, as: UInt64.self)))
    }

    @inline(__always)
    func checksum(_ i: Int) -> UInt64 {
        UInt64(littleEndian: core.raw.loadUnaligned(fromByteOffset: checksumsAt + 8 * i, as: UInt64.self))
    }

    /// Whether the first `count` offsets rise strictly (each record is at least one byte).
    func rises(count: Int) -> Bool {
        var previous = UInt64(littleEndian: core.raw.loadUnaligned(fromByteOffset: offsetsAt, as: UInt64.self)), rising = true
        for i in 1..<max(count, 1) {
            let next = UInt64(littleEndian: core.raw.loadUnaligned(fromByteOffset: offsetsAt + 8 * i, as: UInt64.self))
            rising = rising && next > previous
            previous = next
        }
        return rising
    }
}

struct SnapshotRegion: @unchecked Sendable {
    /// A block of memory freed with its last user.
    final class Copy {
        let bytes: UnsafeMutableRawBufferPointer
        init(count: Int) {
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 8)
            bytes = UnsafeMutableRawBufferPointer(start: block.baseAddress, count: count)
        }
        deinit { bytes.baseAddress?.deallocate() }
    }

    let raw: UnsafeRawBufferPointer
    private let owner: AnyObject

    init(_ raw: UnsafeRawBufferPointer, owner: AnyObject) {
        self.raw = raw
        self.owner = owner
    }
}
