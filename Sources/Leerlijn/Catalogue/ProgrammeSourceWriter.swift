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

    /// Appends one `<programme>` element.
    public static func write<W: XMLWriting>(_ p: Programme, into writer: inout W) {
        writer.start("programme", attributes: ["id": p.id])
        writer.element("title", p.title.nl, attributes: ["lang": "nl"])
        writer.element("title", p.title.en, attributes: ["lang": "en"])
        writer.element("summary", p.summary.nl, attributes: ["lang": "nl"])
        writer.element("summary", p.summary.en, attributes: ["lang": "en"])
        if let kind = p.kind { writer.element("kind", kind.rawValue) }
        for provider in p.providers { writer.element("provider", provider) }
        for audience in p.audiences { writer.element("audience", audience.rawValue) }
        if let range = p.ageRange {
            writer.start("ageRange", attributes: ["min": String(range.min), "max": String(range.max)])
            writer.end()
        }
        for level in p.educationLevels { writer.element("educationLevel", level.rawValue) }
        for sector in p.sectors { writer.element("sector", sector.rawValue) }
        for role in p.roles { writer.element("role", role.rawValue) }
        for topic in p.topics { writer.element("topic", topic.rawValue) }
        for format in p.formats { writer.element("format", format.rawValue) }
        for language in p.languages { writer.element("language", language) }
        for feature in p.accessibility { writer.element("accessibility", feature.rawValue) }
        if let peerLed = p.peerLed { writer.element("peerLed", peerLed ? "true" : "false") }
        writer.element("evidence", p.evidence.rawValue)
        if let duration = p.duration { writer.element("duration", duration) }
        if let cost = p.cost { writer.element("cost", cost.rawValue) }
        for url in p.urls { writer.element("url", url.url, attributes: ["kind": url.kind]) }
        writer.start("status", attributes: ["value": p.status.id])
        if case .ended(let date, let year) = p.status {
            if let date { writer.attribute("date", date.description) }
            if let year { writer.attribute("year", String(year)) }
        }
        writer.end()
        if let validFrom = p.validFrom { writer.element("validFrom", validFrom.description) }
        if let validUntil = p.validUntil { writer.element("validUntil", validUntil.description) }
        for ref in p.recommendations { writer.element("recommendation", ref) }
        writer.start("source", attributes: ["section": p.source.section])
        if let footnote = p.source.footnote { writer.attribute("footnote", String(footnote)) }
        writer.text(p.source.text)
        writer.end()
        if let note = p.note { writer.element("note", note) }
        writer.element("lastModified", p.lastModified.description)
        writer.end()
    }
}
