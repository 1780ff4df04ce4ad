internal import CLeerlijnXML2
import Dispatch
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Reading a large record file in two parts at once, each part parsed and XSD-validated by
/// libxml2 on a thread of its own.
///
/// The file is cut at the start of a line that begins a record (a child of the root) near the
/// middle. Part one is the bytes before the cut with the root's end tag added; part two is the
/// file's own bytes up to and including the root's start tag, a line break, and the bytes from
/// the cut on. Each part is a whole document that libxml2 parses and validates as it would the
/// file, so every check (well-formedness, the schema, the refusal of DTDs and entities) runs on
/// every byte. Part two's line numbers are moved by the lines it skipped, so records carry the
/// lines they have in the file.
///
/// This is sound only for a root that holds a repetition of one record element, with no
/// identity constraint or ID across records (then the file is valid exactly when both parts
/// are); the caller vouches for its schema. If the cut were not at a record's start (inside a
/// comment, a CDATA section or a nested element), part one would end inside that construct and
/// fail. So a part that reports anything at all — an error or a warning — makes the whole read
/// count as not done: the caller reads the file whole, which reports the problem with the
/// line and column it has there.
extension SafeXMLReader {
    /// The smallest file read in two parts: below it a second thread costs more than it saves.
    public static let splitThreshold = 8 << 20

    /// How far past the middle a record's start is looked for.
    static let splitWindow = 1 << 20

    /// Reads `path` in two parts at once (see the extension's comment), handing over each
    /// part's records in flat batches with the part's number (0, then 1 in document order);
    /// `batch` is called on both parts' threads at once, each part's batches in order.
    ///
    /// - Parameters:
    ///   - path: The record file.
    ///   - displayName: The name used in diagnostics (the path when nil).
    ///   - schema: The XSD both parts are validated against; each part compiles its own copy.
    ///   - batchSize: Records per batch.
    ///   - minimumSize: The smallest file to cut (tests cut small ones).
    ///   - batch: Takes the part's number and one batch of its records.
    /// - Returns: The summary, or nil when the file was not read in parts: it is smaller than
    ///   `minimumSize`, the machine has one core, it is not plainly UTF-8, no record starts
    ///   a line near its middle, it cannot be read, or a part reported anything. Batches already
    ///   handed over are then to be dropped, and the file read whole.
    public func readInParts(file path: String, displayName: String? = nil, schema: XMLSchema, batchSize: Int,
                            minimumSize: Int = SafeXMLReader.splitThreshold,
                            batch: @escaping @Sendable (_ part: Int, FlatRecords) -> Void) -> Summary? {
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2 else { return nil }
        LibXML2Runtime.ensureInitialised()
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size >= max(minimumSize, 2), size <= maxBytes else { return nil }
        guard let prefix = Self.readAt(fd, offset: 0, count: min(size, 64 * 1024)),
              let shape = SplitShape(prefix: prefix),
              let window = Self.readAt(fd, offset: size / 2, count: min(Self.splitWindow, size - size / 2)),
              let found = shape.recordLineStart(in: window) else { return nil }
        let cut = size / 2 + found
        guard cut > shape.headerEnd else { return nil }
        let label = displayName ?? path
        let header = Array(prefix[0..<shape.headerEnd])
        let closing = Array("</".utf8) + shape.rootName + Array(">".utf8)
        let schemaBytes = schema.source, schemaName = schema.name

        // Each part on a worker thread of its own, with a schema compiled for it (no libxml2
        // structure is shared); the calling thread waits. (On the calling thread, part one's
        // allocations would come from the process's main heap, and pay there for whatever the
        // caller freed before: glibc merges small freed blocks lazily, at the next large request.)
        let results = Mutex<[(summary: Summary, diagnostics: [XMLDiagnostic], failed: Bool)?]>([nil, nil])
        let done = DispatchGroup()
        let maxDiagnostics = self.maxDiagnostics
        let headerLines = header.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        for part in 0..<2 {
            DispatchQueue.global(qos: .userInitiated).async(group: done) {
                LibXML2Runtime.ensureInitialised()
                let failure = (Summary(rootName: "", rootNamespace: "", diagnostics: []), [XMLDiagnostic](), true)
                guard let ownSchema = try? XMLSchema(bytes: schemaBytes, name: schemaName) else {
                    results.withLock { $0[part] = failure }
                    return
                }
                let collector = DiagnosticCollector(file: label, limit: maxDiagnostics)
                var stream = SAXRecordStream(collector: collector, schema: ownSchema)
                let pieces: [Piece]
                if part == 0 {
                    pieces = [.file(from: 0, to: cut), .bytes(closing)]
                } else {
                    // Part two's first byte from the cut sits at line (header's line breaks + 2)
                    // there, at line (line breaks before the cut + 1) in the file.
                    guard let lines = Self.linesBefore(fd, cut) else {
                        results.withLock { $0[part] = failure }
                        return
                    }
                    stream.lineOffset = lines - headerLines - 1
                    pieces = [.bytes(header + [0x0A]), .file(from: cut, to: size)]
                }
                let (summary, failed) = Self.parse(fd, pieces: pieces, stream: stream, batchSize: batchSize) { batch(part, $0) }
                results.withLock { $0[part] = (summary, collector.diagnostics, failed) }
            }
        }
        done.wait()
        let parts = results.withLock { $0 }
        guard let first = parts[0], let second = parts[1], !first.failed, !second.failed, first.diagnostics.isEmpty,
              second.diagnostics.isEmpty else { return nil }
        let summary = first.summary
        return Summary(rootName: summary.rootName, rootNamespace: summary.rootNamespace, diagnostics: [])
    }

    private enum Piece {
        case bytes([UInt8])
        case file(from: Int, to: Int)
    }

    /// Parses the pieces in order; whether a read failed.
    private static func parse(_ fd: Int32, pieces: [Piece], stream: SAXRecordStream, batchSize: Int,
                              deliver: (FlatRecords) -> Void) -> (Summary, failed: Bool) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        var piece = 0, offset = 0, failed = false
        let summary = withoutActuallyEscaping(deliver) { deliver in stream.run(next: {
            while piece < pieces.count {
                switch pieces[piece] {
                case .bytes(let bytes):
                    let count = min(buffer.count, bytes.count - offset)
                    guard count > 0 else { piece += 1; offset = 0; continue }
                    bytes.withUnsafeBytes { source in
                        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
                    }
                    offset += count
                    return (UnsafeRawBufferPointer(buffer), count)
                case .file(let start, let end):
                    let want = min(buffer.count, end - start - offset)
                    guard want > 0 else { piece += 1; offset = 0; continue }
                    let count = pread(fd, buffer.baseAddress, want, off_t(start + offset))
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { failed = true; return (nil, 0) }
                    offset += count
                    return (UnsafeRawBufferPointer(buffer), count)
                }
            }
            return (nil, 0)
        }, batches: (batchSize, deliver), record: { _ in }) }
        return (summary, failed)
    }

    /// `count` bytes at `offset`, or nil when they cannot all be read.
    static func readAt(_ fd: Int32, offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { all in
                pread(fd, UnsafeMutableRawBufferPointer(rebasing: all[done...]).baseAddress, count - done, off_t(offset + done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }

    /// The line breaks (LF) before `end`; nil when a carriage return comes first (libxml2
    /// counts a lone CR differently) or the file cannot be read.
    static func linesBefore(_ fd: Int32, _ end: Int) -> Int? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var lines = 0, offset = 0
        while offset < end {
            let n = pread(fd, buffer.baseAddress, min(buffer.count, end - offset), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            if let base = bytes.baseAddress, memchr(base, 0x0D, n) != nil { return nil }
            var count = 0
            for byte in bytes where byte == 0x0A { count += 1 }
            lines += count
            offset += n
        }
        return lines
    }
}

/// What the start of a record file must look like to be cut: plain UTF-8, no DOCTYPE, a root
/// start tag, then (after white space, comments or processing instructions) a record's start tag.
struct SplitShape {
    /// The position after the root's start tag.
    let headerEnd: Int
    /// The root's qualified name, as written.
    let rootName: [UInt8]
    /// The first record's qualified name, as written.
    let recordName: [UInt8]

    init?(prefix bytes: [UInt8]) {
        var i = 0
        func at(_ literal: String) -> Bool {
            let pattern = Array(literal.utf8)
            return i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern)
        }
        func skip(past literal: String) -> Bool {
            let pattern = Array(literal.utf8)
            while i + pattern.count <= bytes.count {
                if bytes[i..<(i + pattern.count)].elementsEqual(pattern) { i += pattern.count; return true }
                i += 1
            }
            return false
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func isNameByte(_ b: UInt8) -> Bool { !isSpace(b) && b != UInt8(ascii: ">") && b != UInt8(ascii: "/") && b != UInt8(ascii: "=") }
        func skipMisc() -> Bool {
            while i < bytes.count {
                if isSpace(bytes[i]) { i += 1 } else if at("<!--") { guard skip(past: "-->") else { return false } }
                else if at("<?") { guard skip(past: "?>") else { return false } } else { return true }
            }
            return false
        }
        func name() -> [UInt8]? {
            let start = i
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            return i > start && i < bytes.count ? Array(bytes[start..<i]) : nil
        }
        if at("\u{FEFF}") { i += 3 }
        if at("<?xml") {
            let start = i
            guard skip(past: "?>") else { return nil }
            // Only UTF-8: the cut is found by bytes.
            let declaration = Array(String(decoding: bytes[start..<i], as: UTF8.self).lowercased().utf8)
            let key = Array("encoding".utf8)
            if let at = declaration.indices.first(where: { declaration[$0...].starts(with: key) }) {
                let rest = declaration[(at + key.count)...].drop { $0 == 0x20 || $0 == 0x3D || $0 == 0x22 || $0 == 0x27 }
                guard rest.starts(with: Array("utf-8".utf8)) || rest.starts(with: Array("utf8".utf8)) else { return nil }
            }
        } else if !at("<") {
            return nil
        }
        guard skipMisc(), at("<"), !at("<!"), !at("</") else { return nil }
        i += 1
        guard let root = name() else { return nil }
        // The root's attributes: a `>` inside a quoted value does not end the tag.
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                break
            }
            i += 1
        }
        guard i < bytes.count, bytes[i - 1] != UInt8(ascii: "/") else { return nil }
        i += 1
        headerEnd = i
        guard skipMisc(), at("<"), !at("<!"), !at("</"), !at("<?") else { return nil }
        i += 1
        guard let record = name() else { return nil }
        rootName = root
        recordName = record
    }

    /// The position in `window` just after a line break that is followed by white space and a
    /// record's start tag, or nil.
    func recordLineStart(in window: [UInt8]) -> Int? {
        var i = 0
        while let found = window[i...].firstIndex(of: 0x0A) {
            var j = found + 1
            while j < window.count, window[j] == 0x20 || window[j] == 0x09 { j += 1 }
            let end = j + 1 + recordName.count
            if end < window.count, window[j] == UInt8(ascii: "<"), window[(j + 1)..<end].elementsEqual(recordName) {
                let next = window[end]
                if next == 0x20 || next == 0x09 || next == 0x0A || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") {
                    return found + 1
                }
            }
            i = found + 1
        }
        return nil
    }
}
