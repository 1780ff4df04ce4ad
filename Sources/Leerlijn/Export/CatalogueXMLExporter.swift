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
        let provenance = programme.provenance
        writer.start("programme")
        writer.attribute("id", programme.id)
        localized("title", programme.title, provenance, into: &writer)
        localized("summary", programme.summary, provenance, into: &writer)
        if let kind = programme.kind { sourced("kind", kind.rawValue, provenance.basisOrStated("kind"), into: &writer) }
        list("provider", programme.providers, provenance, into: &writer)
        terms("audience", programme.audiences, provenance, into: &writer)
        if let ages = programme.ageRange {
            writer.start("ageRange")
            writer.attribute("min", String(ages.min))
            writer.attribute("max", String(ages.max))
            basis(provenance.basisOrStated("ageRange"), into: &writer)
            writer.end()
        }
        terms("educationLevel", programme.educationLevels, provenance, into: &writer)
        terms("sector", programme.sectors, provenance, into: &writer)
        terms("role", programme.roles, provenance, into: &writer)
        terms("topic", programme.topics, provenance, into: &writer)
        terms("format", programme.formats, provenance, into: &writer)
        list("language", programme.languages, provenance, into: &writer)
        terms("accessibility", programme.accessibility, provenance, into: &writer)
        terms("feature", programme.features, provenance, into: &writer)
        if let peerLed = programme.peerLed {
            sourced("peerLed", peerLed ? "true" : "false", provenance.basisOrStated("peerLed"), into: &writer)
        }
        sourced("evidence", programme.evidence.rawValue, provenance.basisOrStated("evidence"), into: &writer)
        if let duration = programme.duration { sourced("duration", duration, provenance.basisOrStated("duration"), into: &writer) }
        if let cost = programme.cost { sourced("cost", cost.rawValue, provenance.basisOrStated("cost"), into: &writer) }
        for url in programme.urls {
            writer.start("url")
            writer.attribute("kind", url.kind)
            basis(provenance.basisOrStated("url", url.url), into: &writer)
            writer.text(url.url)
            writer.end()
        }
        writer.start("status")
        writer.attribute("value", programme.status.id)
        if case .ended(let date, let year) = programme.status {
            if let date { writer.attribute("date", date.description) }
            if let year { writer.attribute("year", ExportText.year(year)) }
        }
        basis(provenance.basisOrStated("status"), into: &writer)
        writer.end()
        if let validFrom = programme.validFrom {
            sourced("validFrom", validFrom.description, provenance.basisOrStated("validFrom"), into: &writer)
        }
        if let validUntil = programme.validUntil {
            sourced("validUntil", validUntil.description, provenance.basisOrStated("validUntil"), into: &writer)
        }
        list("recommendation", programme.recommendations, provenance, into: &writer)
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
                if let ages = term.ages {
                    writer.attribute("minAge", String(ages.min))
                    writer.attribute("maxAge", String(ages.max))
                }
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

    private static func localized<W: XMLWriting>(_ name: String, _ text: LocalizedText, _ provenance: Provenance, into writer: inout W) {
        for (lang, value) in [("nl", text.nl), ("en", text.en)] {
            writer.start(name)
            writer.attribute("lang", lang)
            basis(provenance.basisOrStated(name, lang), into: &writer)
            writer.text(value)
            writer.end()
        }
    }

    /// `basis="…"`, and `rule="…"` for a derived value: the attributes the input format uses.
    static func basis<W: XMLWriting>(_ basis: Basis, into writer: inout W) {
        writer.attribute("basis", basis.id)
        if let rule = basis.rule { writer.attribute("rule", rule) }
    }

    private static func sourced<W: XMLWriting>(_ name: String, _ value: String, _ basis: Basis, into writer: inout W) {
        writer.start(name)
        Self.basis(basis, into: &writer)
        writer.text(value)
        writer.end()
    }

    private static func list<W: XMLWriting>(_ name: String, _ values: [String], _ provenance: Provenance, into writer: inout W) {
        for value in values { sourced(name, value, provenance.basisOrStated(name, value), into: &writer) }
    }

    private static func terms<T: VocabularyTerm, W: XMLWriting>(_ name: String, _ values: [T], _ provenance: Provenance,
                                                                into writer: inout W) {
        list(name, values.map(\.rawValue), provenance, into: &writer)
    }
}
