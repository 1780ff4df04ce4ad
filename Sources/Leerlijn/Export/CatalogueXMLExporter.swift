import LeerlijnXML

/// Renders `catalogue.xml` in the export format `urn:leerlijn:export:1`.
///
/// The document validates against the published `catalogue.xsd`
/// (`Catalog/schema/export-catalogue.xsd`): every exported programme with the fields the
/// source gives, in the catalogue format's element order, followed by the whole vocabulary
/// so that consumers can label ids in Dutch and English. Written through `XMLByteWriter` (LeerlijnXML),
/// which replaces characters illegal in XML 1.0 with U+FFFD.
public struct CatalogueXMLExporter: CatalogueRenderer {
    /// The export format's namespace.
    public static let namespace = "urn:leerlijn:export:1"
    /// The export format's version, written as the root's `version` attribute.
    public static let formatVersion = 1

    /// `catalogue.xml`.
    public var fileName: String { ExportFormat.xml.fileName }

    /// Creates the exporter.
    public init() {}

    /// Renders the document.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to publish, in order.
    ///   - catalogue: Supplies the vocabulary section.
    ///   - emit: Receives the UTF-8 bytes of `catalogue.xml` in order, in chunks of about 1 MiB.
    /// - Throws: Whatever `emit` throws.
    public func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        var writer = XMLByteWriter(reservingCapacity: min(Self.chunkSize + 65536, Self.capacity(for: programmes.count, perProgramme: 2048)))
        Self.writeRoot(count: programmes.count, into: &writer)
        for programme in programmes {
            Self.write(programme, into: &writer)
            if writer.bytes.count >= Self.chunkSize { try emit(writer.takeBytes()) }
        }
        Self.write(catalogue.vocabulary, into: &writer)
        try emit(writer.finish())
    }

    /// The same document through any writer; the benchmark passes libxml2's `xmlTextWriter`.
    public func render<W: XMLWriting>(_ programmes: [Programme], catalogue: Catalogue, using writer: inout W) -> [UInt8] {
        Self.writeRoot(count: programmes.count, into: &writer)
        for programme in programmes { Self.write(programme, into: &writer) }
        Self.write(catalogue.vocabulary, into: &writer)
        return writer.finish()
    }

    static func writeRoot<W: XMLWriting>(count: Int, into writer: inout W) {
        writer.start("catalogue")
        writer.attribute("xmlns", Self.namespace)
        writer.attribute("version", String(Self.formatVersion))
        writer.attribute("count", String(count))
    }

    static func write<W: XMLWriting>(_ programme: Programme, into writer: inout W) {
        writer.start("programme")
        writer.attribute("id", programme.id)
        localized("title", programme.title, into: &writer)
        localized("summary", programme.summary, into: &writer)
        if let kind = programme.kind { writer.element("kind", kind.rawValue) }
        for provider in programme.providers { writer.element("provider", provider) }
        terms("audience", programme.audiences, into: &writer)
        if let ages = programme.ageRange {
            writer.start("ageRange")
            writer.attribute("min", String(ages.min))
            writer.attribute("max", String(ages.max))
            writer.end()
        }
        terms("educationLevel", programme.educationLevels, into: &writer)
        terms("sector", programme.sectors, into: &writer)
        terms("role", programme.roles, into: &writer)
        terms("topic", programme.topics, into: &writer)
        terms("format", programme.formats, into: &writer)
        for language in programme.languages { writer.element("language", language) }
        terms("accessibility", programme.accessibility, into: &writer)
        if let peerLed = programme.peerLed { writer.element("peerLed", peerLed ? "true" : "false") }
        writer.element("evidence", programme.evidence.rawValue)
        if let duration = programme.duration { writer.element("duration", duration) }
        if let cost = programme.cost { writer.element("cost", cost.rawValue) }
        for url in programme.urls {
            writer.start("url")
            writer.attribute("kind", url.kind)
            writer.text(url.url)
            writer.end()
        }
        writer.start("status")
        writer.attribute("value", programme.status.id)
        if case .ended(let date, let year) = programme.status {
            if let date { writer.attribute("date", date.description) }
            if let year { writer.attribute("year", ExportText.year(year)) }
        }
        writer.end()
        if let validFrom = programme.validFrom { writer.element("validFrom", validFrom.description) }
        if let validUntil = programme.validUntil { writer.element("validUntil", validUntil.description) }
        for recommendation in programme.recommendations { writer.element("recommendation", recommendation) }
        writer.start("source")
        writer.attribute("section", programme.source.section)
        if let footnote = programme.source.footnote { writer.attribute("footnote", String(footnote)) }
        writer.text(programme.source.text)
        writer.end()
        if let note = programme.note { writer.element("note", note) }
        writer.element("lastModified", programme.lastModified.description)
        writer.end()
    }

    static func write<W: XMLWriting>(_ vocabulary: Vocabulary, into writer: inout W) {
        writer.start("vocabulary")
        for name in vocabulary.lists.keys.sorted() {
            writer.start("terms")
            writer.attribute("name", name)
            for term in vocabulary.lists[name] ?? [] {
                writer.start("term")
                writer.attribute("id", term.id)
                writer.attribute("rank", String(max(0, term.rank)))
                localized("label", term.label, into: &writer)
                writer.end()
            }
            writer.end()
        }
        writer.end()
    }

    private static func localized<W: XMLWriting>(_ name: String, _ text: LocalizedText, into writer: inout W) {
        writer.element(name, text.nl, attributes: ["lang": "nl"])
        writer.element(name, text.en, attributes: ["lang": "en"])
    }

    private static func terms<T: VocabularyTerm, W: XMLWriting>(_ name: String, _ values: [T], into writer: inout W) {
        for value in values { writer.element(name, value.rawValue) }
    }
}
