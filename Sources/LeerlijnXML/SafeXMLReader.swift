internal import CLeerlijnXML2
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams untrusted XML through libxml2's push parser with SAX2 callbacks (the XSD validator
/// plugged into the same event stream), one record at a time.
///
/// A record is a child element of the document's root, delivered as an ``ElementNode`` when
/// its end tag has been read; the whole document is never held as a tree, so a 120 MB feed
/// streams in bounded memory without `XML_PARSE_HUGE`. Optional XSD validation runs while
/// reading. Hostile input is refused: any DOCTYPE (internal or external subset), files over
/// the size cap, malformed or namespace-malformed XML, and every external load.
public struct SafeXMLReader: Sendable {
    /// The largest file accepted, in bytes; checked before any parsing.
    public var maxBytes: Int
    /// The most diagnostics collected per document before the rest are dropped.
    public var maxDiagnostics: Int

    /// How much is handed to the parser at a time.
    static let chunkSize = 256 * 1024

    /// The default cap: 256 MiB.
    public static let defaultMaxBytes = 256 * 1024 * 1024

    /// Creates a reader with the given limits.
    public init(maxBytes: Int = SafeXMLReader.defaultMaxBytes, maxDiagnostics: Int = 1000) {
        self.maxBytes = maxBytes
        self.maxDiagnostics = maxDiagnostics
    }

    /// What a finished read found besides its records.
    public struct Summary: Sendable {
        /// The root element's local name.
        public var rootName: String
        /// The root element's namespace URI.
        public var rootNamespace: String
        /// Every diagnostic (errors and warnings) in order.
        public var diagnostics: [XMLDiagnostic]
        /// Whether the document was well-formed, free of DOCTYPEs and (when a schema was given) valid.
        public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Reads a file, validating against `schema` when given, handing each record to `record`.
    ///
    /// Records are delivered even when validation fails, so that callers can report their
    /// own, friendlier errors alongside libxml2's; reading stops at the first fatal error.
    /// - Parameters:
    ///   - path: The file to read.
    ///   - displayName: The name used in diagnostics (defaults to `path`).
    ///   - schema: An optional compiled schema to validate against while streaming.
    ///   - observe: Sees every chunk of bytes as it is read, before the parser does (the
    ///     catalogue snapshot hashes exactly the bytes that were parsed).
    ///   - record: Called for each child element of the root, in document order.
    /// - Returns: The root's name and every diagnostic.
    /// - Throws: Whatever `record` throws. I/O problems and limits are reported as diagnostics.
    public func read(file path: String, displayName: String? = nil, schema: XMLSchema? = nil,
                     observe: ((UnsafeRawBufferPointer) -> Void)? = nil,
                     record: (ElementNode) throws -> Void) rethrows -> Summary {
        try read(file: path, displayName: displayName, schema: schema, observe: observe, batches: nil, record: record)
    }

    /// Reads a file as ``read(file:displayName:schema:observe:record:)`` does, handing the
    /// records over in flat batches of `batchSize` (the last may be smaller), to be made into
    /// trees on another thread (``FlatRecords/trees()``).
    public func read(file path: String, displayName: String? = nil, schema: XMLSchema? = nil,
                     observe: ((UnsafeRawBufferPointer) -> Void)? = nil,
                     batchSize: Int, batch: (FlatRecords) -> Void) -> Summary {
        withoutActuallyEscaping(batch) { batch in
            read(file: path, displayName: displayName, schema: schema, observe: observe, batches: (batchSize, batch), record: { _ in })
        }
    }

    /// Reads XML held in memory in flat batches; otherwise as ``read(file:displayName:schema:observe:batchSize:batch:)``.
    public func read(bytes: [UInt8], displayName: String, schema: XMLSchema? = nil,
                     batchSize: Int, batch: (FlatRecords) -> Void) -> Summary {
        withoutActuallyEscaping(batch) { batch in
            read(bytes: bytes, displayName: displayName, schema: schema, batches: (batchSize, batch), record: { _ in })
        }
    }

    private func read(file path: String, displayName: String?, schema: XMLSchema?,
                      observe: ((UnsafeRawBufferPointer) -> Void)?, batches: (size: Int, deliver: (FlatRecords) -> Void)?,
                      record: (ElementNode) throws -> Void) rethrows -> Summary {
        LibXML2Runtime.ensureInitialised()
        let label = displayName ?? path
        let collector = DiagnosticCollector(file: label, limit: maxDiagnostics)
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever; the
        // fstat below refuses anything but a regular file before a byte is read.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            collector.append(XMLDiagnostic(file: label, line: 0, column: 0,
                                           message: "cannot open file: \(reason)", origin: "io"))
            return Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            collector.append(XMLDiagnostic(file: label, line: 0, column: 0,
                                           message: "not a regular file (a FIFO, socket, device or folder); refused",
                                           origin: "io"))
            return Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
        }
        guard Int(info.st_size) <= maxBytes else {
            collector.append(XMLDiagnostic(
                file: label, line: 0, column: 0,
                message: "file is \(info.st_size) bytes, over the limit of \(maxBytes) bytes", origin: "limit"))
            return Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
        }
        guard info.st_size > 0 else {
            collector.append(XMLDiagnostic(file: label, line: 1, column: 1,
                                           message: "the file is empty", origin: "parser"))
            return Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        var readError: String?
        let summary = try SAXRecordStream(collector: collector, schema: schema).run(next: {
            while true {
                let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { readError = String(cString: strerror(errno)) }
                if count > 0, let observe { observe(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<count])) }
                return (UnsafeRawBufferPointer(buffer), max(0, count))
            }
        }, batches: batches, record: record)
        if let readError {
            collector.append(XMLDiagnostic(file: label, line: 0, column: 0, message: "read failed: \(readError)", origin: "io"))
            return Summary(rootName: summary.rootName, rootNamespace: summary.rootNamespace, diagnostics: collector.diagnostics)
        }
        return summary
    }

    /// Reads XML held in memory; otherwise the same as ``read(file:displayName:schema:observe:record:)``.
    public func read(bytes: [UInt8], displayName: String, schema: XMLSchema? = nil,
                     record: (ElementNode) throws -> Void) rethrows -> Summary {
        try read(bytes: bytes, displayName: displayName, schema: schema, batches: nil, record: record)
    }

    private func read(bytes: [UInt8], displayName: String, schema: XMLSchema?,
                      batches: (size: Int, deliver: (FlatRecords) -> Void)?,
                      record: (ElementNode) throws -> Void) rethrows -> Summary {
        LibXML2Runtime.ensureInitialised()
        let collector = DiagnosticCollector(file: displayName, limit: maxDiagnostics)
        guard bytes.count <= maxBytes else {
            collector.append(XMLDiagnostic(
                file: displayName, line: 0, column: 0,
                message: "input is \(bytes.count) bytes, over the limit of \(maxBytes) bytes", origin: "limit"))
            return Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
        }
        guard !bytes.isEmpty else {
            collector.append(XMLDiagnostic(file: displayName, line: 1, column: 1,
                                           message: "the input is empty", origin: "parser"))
            return Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
        }
        return try bytes.withUnsafeBytes { all in
            var offset = 0
            return try SAXRecordStream(collector: collector, schema: schema).run(next: {
                let count = min(Self.chunkSize, all.count - offset)
                defer { offset += count }
                return (count > 0 ? UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)]) : nil, count)
            }, batches: batches, record: record)
        }
    }

    /// Validates a whole document against a schema and returns every diagnostic.
    public func validate(bytes: [UInt8], displayName: String, schema: XMLSchema) -> Summary {
        read(bytes: bytes, displayName: displayName, schema: schema) { _ in }
    }
}
