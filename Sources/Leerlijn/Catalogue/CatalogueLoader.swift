import Foundation
import LeerlijnXML

/// Loads a catalogue folder, validates every file, checks across files, and reports all errors.
///
/// Layout: `vocabulary.xml`, `programmes/**/*.xml`, `requirements/**/*.xml`. Files are read in
/// sorted order, streamed through libxml2 with the embedded XSD; each record is decoded into
/// the model with friendly checks; then ids are checked across files. Either the whole
/// catalogue loads or a ``LeerlijnError/invalidData(_:)`` lists every problem.
public struct CatalogueLoader: Sendable {
    /// The per-file size cap, in bytes.
    public var maxFileBytes: Int

    /// Creates a loader.
    public init(maxFileBytes: Int = SafeXMLReader.defaultMaxBytes) {
        self.maxFileBytes = maxFileBytes
    }

    /// Loads and validates the catalogue folder at `directory`.
    ///
    /// - Parameter directory: The catalogue folder (e.g. `Catalog`).
    /// - Returns: The catalogue.
    /// - Throws: ``LeerlijnError/missingInput(path:reason:)`` when the folder or its vocabulary
    ///   is missing, ``LeerlijnError/invalidData(_:)`` with every problem otherwise.
    public func load(directory: String) throws(LeerlijnError) -> Catalogue {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingInput(path: directory, reason: "no catalogue folder here")
        }
        let vocabularyPath = (directory as NSString).appendingPathComponent("vocabulary.xml")
        guard FileManager.default.fileExists(atPath: vocabularyPath) else {
            throw .missingInput(path: vocabularyPath, reason: "the catalogue has no vocabulary.xml")
        }
        let schema = try Self.compiledSchema()
        var session = LoadSession(reader: SafeXMLReader(maxBytes: maxFileBytes), schema: schema)
        guard let vocabulary = session.readVocabulary(path: vocabularyPath) else {
            throw .invalidData(session.diagnostics.sorted())
        }
        for folder in ["programmes", "requirements"] {
            let path = (directory as NSString).appendingPathComponent(folder)
            for file in Self.xmlFiles(under: path) {
                session.readEntries(path: file, expectedRoot: folder, vocabulary: vocabulary)
            }
        }
        session.checkAcrossFiles()
        let errors = session.diagnostics.filter { !$0.isWarning }
        guard errors.isEmpty else { throw .invalidData(session.diagnostics.sorted()) }
        return Catalogue(programmes: session.programmes.map(\.value),
                         requirements: session.requirements.map(\.value), vocabulary: vocabulary)
    }

    /// Loads a single programmes file (a partner's feed) against the vocabulary of `catalogue`.
    ///
    /// - Throws: ``LeerlijnError/invalidData(_:)`` with every problem.
    public func loadProgrammes(file: String, vocabulary: Vocabulary) throws(LeerlijnError) -> [Programme] {
        guard FileManager.default.fileExists(atPath: file) else {
            throw .missingInput(path: file, reason: "no such file")
        }
        var session = LoadSession(reader: SafeXMLReader(maxBytes: maxFileBytes), schema: try Self.compiledSchema())
        session.readEntries(path: file, expectedRoot: "programmes", vocabulary: vocabulary)
        session.checkAcrossFiles()
        guard !session.diagnostics.contains(where: { !$0.isWarning }) else {
            throw .invalidData(session.diagnostics.sorted())
        }
        return session.programmes.map(\.value)
    }

    /// Decodes programmes or requirements held in memory, with every check of a file load.
    ///
    /// - Parameters:
    ///   - bytes: A `<programmes>` or `<requirements>` document.
    ///   - label: The name used in diagnostics.
    ///   - vocabulary: The vocabulary to check values against.
    /// - Returns: The entries found.
    /// - Throws: ``LeerlijnError/invalidData(_:)`` with every problem.
    public func loadEntries(bytes: [UInt8], label: String, vocabulary: Vocabulary)
        throws(LeerlijnError) -> (programmes: [Programme], requirements: [Requirement]) {
        var session = LoadSession(reader: SafeXMLReader(maxBytes: maxFileBytes), schema: try Self.compiledSchema())
        session.readEntries(bytes: bytes, label: label, expectedRoot: "*", vocabulary: vocabulary)
        session.checkAcrossFiles()
        guard !session.diagnostics.contains(where: { !$0.isWarning }) else {
            throw .invalidData(session.diagnostics.sorted())
        }
        return (session.programmes.map(\.value), session.requirements.map(\.value))
    }

    /// The embedded catalogue XSD, compiled.
    static func compiledSchema() throws(LeerlijnError) -> XMLSchema {
        do {
            return try XMLSchema(bytes: PublishedSchema.catalogueXSD.bytes, name: "catalogue.xsd")
        } catch let failure as XMLReadFailure {
            throw .invalidData(failure.diagnostics.map(Diagnostic.init))
        } catch {
            throw .invalidData([Diagnostic(file: "catalogue.xsd", message: "\(error)")])
        }
    }

    /// Every `*.xml` file below `path`, sorted, skipping hidden files; none when it is absent.
    static func xmlFiles(under path: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasSuffix(".xml"), !name.hasPrefix(".") else { continue }
            files.append((path as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }
}
