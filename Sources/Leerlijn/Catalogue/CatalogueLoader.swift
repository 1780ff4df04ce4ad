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
        try load(directory: directory, recorder: nil)
    }

    /// The files a load of `directory` reads, in reading order: `vocabulary.xml`, then every
    /// `*.xml` under `programmes/`, then under `requirements/`, each part sorted.
    static func sourceFiles(directory: String) throws(LeerlijnError) -> (vocabulary: String, parts: [(folder: String, files: [String])]) {
        try InputFile.requireFolder(directory, what: "catalogue folder")
        let vocabularyPath = (directory as NSString).appendingPathComponent("vocabulary.xml")
        do {
            try InputFile.requireRegular(vocabularyPath, what: "vocabulary")
        } catch .missingInput(let path, let reason) where reason.hasPrefix("no such") {
            throw .missingInput(path: path, reason: "the catalogue has no vocabulary.xml")
        }
        // Every part is listed before anything is parsed: a missing or unreadable folder, or a
        // FIFO named *.xml, is an error naming the path, never an empty catalogue.
        var parts: [(folder: String, files: [String])] = []
        for folder in ["programmes", "requirements"] {
            let path = (directory as NSString).appendingPathComponent(folder)
            try InputFile.requireFolder(path, what: "\(folder) folder of the catalogue")
            parts.append((folder, try InputFile.files(under: path, suffixes: [".xml"])))
        }
        return (vocabularyPath, parts)
    }

    /// Loads `directory`, hashing every file as it is parsed when `recorder` is given.
    func load(directory: String, recorder: SourceRecorder?) throws(LeerlijnError) -> Catalogue {
        let (session, vocabulary) = try read(directory: directory, recorder: recorder, inspect: nil)
        return Catalogue(programmes: session.programmes.map(\.value),
                         requirements: session.requirements.map(\.value), vocabulary: vocabulary)
    }

    /// What ``validate(directory:inspect:)`` keeps of a valid catalogue.
    public struct Validation: Sendable {
        /// The vocabulary.
        public var vocabulary: Vocabulary
        /// Every obligation, sorted by id.
        public var requirements: [Requirement]
        /// Every programme id, sorted.
        public var programmeIDs: [String]
    }

    /// Runs every check of ``load(directory:)`` without keeping the programmes: each one goes
    /// to `inspect`, with the vocabulary, as it is decoded (on the decoding thread, in document
    /// order) and only its id is kept, so memory does not grow with the catalogue.
    ///
    /// - Throws: As ``load(directory:)``.
    public func validate(directory: String, inspect: @escaping @Sendable (Programme, Vocabulary) -> Void)
        throws(LeerlijnError) -> Validation {
        let (session, vocabulary) = try read(directory: directory, recorder: nil, inspect: inspect)
        return Validation(vocabulary: vocabulary, requirements: session.requirements.map(\.value).sorted { $0.id < $1.id },
                          programmeIDs: session.inspectedProgrammes.map(\.id).sorted())
    }

    /// Reads and checks every file; throws every problem.
    private func read(directory: String, recorder: SourceRecorder?, inspect: (@Sendable (Programme, Vocabulary) -> Void)?)
        throws(LeerlijnError) -> (LoadSession, Vocabulary) {
        let (vocabularyPath, parts) = try Self.sourceFiles(directory: directory)
        let schema = try Self.compiledSchema()
        var session = LoadSession(reader: SafeXMLReader(maxBytes: maxFileBytes), schema: schema)
        session.recorder = recorder
        guard let vocabulary = session.readVocabulary(path: vocabularyPath) else {
            throw .invalidData(session.diagnostics.sorted())
        }
        if let inspect { session.inspect = { inspect($0, vocabulary) } }
        for (folder, files) in parts {
            for file in files {
                session.readEntries(path: file, expectedRoot: folder, vocabulary: vocabulary)
            }
        }
        session.checkAcrossFiles()
        let errors = session.diagnostics.filter { !$0.isWarning }
        guard errors.isEmpty else { throw .invalidData(session.diagnostics.sorted()) }
        let programmeCount = session.programmes.count + session.inspectedProgrammes.count
        for (folder, count) in [("programmes", programmeCount), ("requirements", session.requirements.count)]
            where count == 0 {
            let path = (directory as NSString).appendingPathComponent(folder)
            throw .invalidData([Diagnostic(file: path, field: folder, value: "0",
                                           message: "the catalogue has no \(folder): \(path) holds no entry in any *.xml file")])
        }
        return (session, vocabulary)
    }

    /// Loads a single programmes file (a partner's feed) against the vocabulary of `catalogue`.
    ///
    /// - Throws: ``LeerlijnError/invalidData(_:)`` with every problem.
    public func loadProgrammes(file: String, vocabulary: Vocabulary) throws(LeerlijnError) -> [Programme] {
        try InputFile.requireRegular(file, what: "file")
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
}
