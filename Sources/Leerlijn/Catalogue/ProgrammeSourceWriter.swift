import LeerlijnXML

/// Writes programmes in the catalogue's own source format (`Catalog/programmes/*.xml`),
/// valid against `catalogue.xsd`, through the one XML writer.
///
/// Used for synthetic feeds (benchmarks, scale tests) and anything that must round-trip
/// through ``CatalogueLoader``.
public enum ProgrammeSourceWriter {
    /// The namespace of the catalogue format.
    public static let namespace = "urn:leerlijn:catalogue:1"

    /// A complete `<programmes>` document.
    public static func document(_ programmes: [Programme]) -> [UInt8] {
        var writer = XMLByteWriter(reservingCapacity: programmes.count * 1400 + 256)
        return document(programmes, using: &writer)
    }

    /// The same document through any writer (the benchmark passes libxml2's `xmlTextWriter`).
    public static func document<W: XMLWriting>(_ programmes: [Programme], using writer: inout W) -> [UInt8] {
        writer.start("programmes", attributes: ["xmlns": namespace])
        for programme in programmes { write(programme, into: &writer) }
        return writer.finish()
    }

    /// Appends one `<programme>` element, every value with its basis from the programme's
    /// provenance (`stated` where none is recorded, as for entries built in code).
    public static func write<W: XMLWriting>(_ p: Programme, into writer: inout W) {
        let provenance = p.provenance
        writer.start("programme", attributes: ["id": p.id])
        for (name, text) in [("title", p.title), ("summary", p.summary)] {
            for (lang, value) in [("nl", text.nl), ("en", text.en)] {
                writer.start(name, attributes: ["lang": lang])
                basis(provenance.basisOrStated(name, lang), into: &writer)
                writer.text(value)
                writer.end()
            }
        }
        if let kind = p.kind { sourced("kind", kind.rawValue, provenance, into: &writer) }
        list("provider", p.providers, provenance, into: &writer)
        list("audience", p.audiences.map(\.rawValue), provenance, into: &writer)
        if let range = p.ageRange {
            writer.start("ageRange", attributes: ["min": String(range.min), "max": String(range.max)])
            basis(provenance.basisOrStated("ageRange"), into: &writer)
            writer.end()
        }
        list("educationLevel", p.educationLevels.map(\.rawValue), provenance, into: &writer)
        list("sector", p.sectors.map(\.rawValue), provenance, into: &writer)
        list("role", p.roles.map(\.rawValue), provenance, into: &writer)
        list("topic", p.topics.map(\.rawValue), provenance, into: &writer)
        list("format", p.formats.map(\.rawValue), provenance, into: &writer)
        list("language", p.languages, provenance, into: &writer)
        list("accessibility", p.accessibility.map(\.rawValue), provenance, into: &writer)
        list("feature", p.features.map(\.rawValue), provenance, into: &writer)
        if let peerLed = p.peerLed { sourced("peerLed", peerLed ? "true" : "false", provenance, into: &writer) }
        sourced("evidence", p.evidence.rawValue, provenance, into: &writer)
        if let duration = p.duration { sourced("duration", duration, provenance, into: &writer) }
        if let cost = p.cost { sourced("cost", cost.rawValue, provenance, into: &writer) }
        for url in p.urls {
            writer.start("url", attributes: ["kind": url.kind])
            basis(provenance.basisOrStated("url", url.url), into: &writer)
            writer.text(url.url)
            writer.end()
        }
        writer.start("status", attributes: ["value": p.status.id])
        if case .ended(let date, let year) = p.status {
            if let date { writer.attribute("date", date.description) }
            if let year { writer.attribute("year", String(year)) }
        }
        basis(provenance.basisOrStated("status"), into: &writer)
        writer.end()
        if let validFrom = p.validFrom { sourced("validFrom", validFrom.description, provenance, into: &writer) }
        if let validUntil = p.validUntil { sourced("validUntil", validUntil.description, provenance, into: &writer) }
        list("recommendation", p.recommendations, provenance, into: &writer)
        writer.start("source", attributes: ["section": p.source.section])
        if let footnote = p.source.footnote { writer.attribute("footnote", String(footnote)) }
        writer.text(p.source.text)
        writer.end()
        if let note = p.note { writer.element("note", note) }
        writer.element("lastModified", p.lastModified.description)
        writer.end()
    }

    private static func basis<W: XMLWriting>(_ basis: Basis, into writer: inout W) {
        writer.attribute("basis", basis.id)
        if let rule = basis.rule { writer.attribute("rule", rule) }
    }

    /// A single-valued field: its basis is keyed by the field alone.
    private static func sourced<W: XMLWriting>(_ name: String, _ value: String, _ provenance: Provenance, into writer: inout W) {
        writer.start(name)
        basis(provenance.basisOrStated(name), into: &writer)
        writer.text(value)
        writer.end()
    }

    /// A list field: its basis is kept per value.
    private static func list<W: XMLWriting>(_ name: String, _ values: [String], _ provenance: Provenance, into writer: inout W) {
        for value in values {
            writer.start(name)
            basis(provenance.basisOrStated(name, value), into: &writer)
            writer.text(value)
            writer.end()
        }
    }
}
