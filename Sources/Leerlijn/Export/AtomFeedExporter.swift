import LeerlijnXML

/// Renders `feed.atom`: an RFC 4287 feed with ended programmes as RFC 6721 tombstones.
///
/// Ids are URNs (`urn:leerlijn:feed:catalogue`, `urn:leerlijn:programme:ID`) and links are
/// relative to the feed's own folder, so the feed invents no domain; an entry links to the
/// programme's own web address when it has one. Every `updated` comes from the data: an entry's
/// is its `lastModified`, the feed's is the newest of them — never the wall clock. Categories
/// carry a scheme per vocabulary (`urn:leerlijn:vocabulary:audience`, …) and the learners' age
/// range and age bands. Ended programmes appear as `at:deleted-entry` whose `when` is the end
/// date, or the record's `lastModified` when the end date is unknown.
public struct AtomFeedExporter: CatalogueRenderer {
    /// The Atom namespace.
    public static let atomNamespace = "http://www.w3.org/2005/Atom"
    /// The RFC 6721 tombstones namespace.
    public static let tombstonesNamespace = "http://purl.org/atompub/tombstones/1.0"
    /// The feed's id.
    public static let feedID = "urn:leerlijn:feed:catalogue"
    /// The scheme of the age-band categories.
    public static let ageBandScheme = "urn:leerlijn:age-band"
    /// The scheme of the exact age-range category.
    public static let ageRangeScheme = "urn:leerlijn:age-range"
    /// The age bands used as categories: a programme gets every band its age range overlaps.
    public static let ageBands: [AgeRange] = [
        AgeRange(min: 0, max: 3), AgeRange(min: 4, max: 7), AgeRange(min: 8, max: 11),
        AgeRange(min: 12, max: 15), AgeRange(min: 16, max: 18), AgeRange(min: 19, max: 25),
    ]

    /// The entry id of a programme.
    public static func entryID(_ programmeID: String) -> String { "urn:leerlijn:programme:" + programmeID }

    /// The category scheme of a vocabulary.
    public static func scheme(_ vocabularyName: String) -> String { "urn:leerlijn:vocabulary:" + vocabularyName }

    /// `feed.atom`.
    public var fileName: String { ExportFormat.atom.fileName }
    /// The page the feed's `alternate` link points to (relative), when one is published.
    public var alternatePage: String?

    /// Creates the exporter.
    ///
    /// - Parameter alternatePage: The relative address of the HTML page, or `nil` for none.
    public init(alternatePage: String? = ExportFormat.html.fileName) {
        self.alternatePage = alternatePage
    }

    /// Renders the feed.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to publish; ended ones become tombstones.
    ///   - catalogue: Supplies category labels and, for an empty selection, the feed date.
    ///   - emit: Receives the UTF-8 bytes of `feed.atom` in order, in chunks of about 1 MiB.
    /// - Throws: Whatever `emit` throws.
    public func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        var writer = XMLByteWriter(reservingCapacity: min(Self.chunkSize + 65536, Self.capacity(for: programmes.count, perProgramme: 2560)))
        writer.start("feed")
        writer.attribute("xmlns", Self.atomNamespace)
        writer.attribute("xmlns:at", Self.tombstonesNamespace)
        writer.attribute("xml:lang", "nl")
        writer.element("id", Self.feedID)
        writer.element("title", "Leerlijn: programma's en trainingen over seksuele uitbuiting en seksueel misbruik van kinderen")
        writer.element("subtitle", "Bron: factsheet van het Lanzarote-comité over Nederland (Raad van Europa)")
        writer.element("updated", ExportText.timestamp(ExportText.newestModification(of: programmes, catalogue: catalogue)))
        writer.start("author")
        writer.element("name", "Leerlijn")
        writer.end()
        writer.element("generator", "Leerlijn", attributes: ["version": LeerlijnVersion.string])
        writer.start("link", attributes: ["rel": "self", "type": "application/atom+xml", "href": fileName])
        writer.end()
        if let alternatePage {
            writer.start("link", attributes: ["rel": "alternate", "type": "text/html", "href": alternatePage])
            writer.end()
        }
        for programme in programmes {
            if case .ended = programme.status {
                writeTombstone(programme, into: &writer)
            } else {
                writeEntry(programme, catalogue: catalogue, into: &writer)
            }
            if writer.bytes.count >= Self.chunkSize { try emit(writer.takeBytes()) }
        }
        try emit(writer.finish())
    }

    private func writeEntry(_ programme: Programme, catalogue: Catalogue, into writer: inout XMLByteWriter) {
        writer.start("entry")
        writer.element("id", Self.entryID(programme.id))
        writer.element("title", programme.title.nl, attributes: ["type": "text"])
        writer.element("updated", ExportText.timestamp(programme.lastModified))
        for provider in programme.providers {
            writer.start("author")
            writer.element("name", provider)
            writer.end()
        }
        if let url = ExportText.primaryURL(of: programme) {
            writer.start("link", attributes: ["rel": "alternate", "type": "text/html"])
            writer.attribute("href", url)
            writer.end()
        } else if let alternatePage {
            writer.start("link", attributes: ["rel": "alternate", "type": "text/html"])
            writer.attribute("href", alternatePage + "#" + HTMLPageExporter.rowID(programme.id))
            writer.end()
        }
        let vocabulary = catalogue.vocabulary
        for audience in programme.audiences { category(audience, vocabulary, into: &writer) }
        for topic in programme.topics { category(topic, vocabulary, into: &writer) }
        for sector in programme.sectors { category(sector, vocabulary, into: &writer) }
        if let ages = programme.ageRange {
            writer.start("category")
            writer.attribute("term", ExportText.ages(ages))
            writer.attribute("scheme", Self.ageRangeScheme)
            writer.attribute("label", "\(ages.min)–\(ages.max) jaar")
            writer.end()
            for band in Self.ageBands where band.overlaps(ages) {
                writer.start("category")
                writer.attribute("term", ExportText.ages(band))
                writer.attribute("scheme", Self.ageBandScheme)
                writer.attribute("label", "\(band.min)–\(band.max) jaar")
                writer.end()
            }
        }
        writer.element("summary", programme.summary.nl, attributes: ["type": "text"])
        writer.element("content", programme.title.en + "\n\n" + programme.summary.en,
                       attributes: ["type": "text", "xml:lang": "en"])
        writer.end()
    }

    private func category<T: VocabularyTerm>(_ term: T, _ vocabulary: Vocabulary, into writer: inout XMLByteWriter) {
        writer.start("category")
        writer.attribute("term", term.rawValue)
        writer.attribute("scheme", Self.scheme(T.vocabularyName))
        writer.attribute("label", vocabulary.label(term, language: "nl"))
        writer.end()
    }

    private func writeTombstone(_ programme: Programme, into writer: inout XMLByteWriter) {
        writer.start("at:deleted-entry")
        writer.attribute("ref", Self.entryID(programme.id))
        writer.attribute("when", ExportText.timestamp(ExportText.endDate(of: programme)))
        var ended = "Beëindigd"
        if case .ended(let date, let year) = programme.status {
            if let date { ended += " op \(date)" } else if let year { ended += " in \(year)" }
        }
        writer.element("at:comment", ended + ": " + programme.title.nl)
        writer.end()
    }
}
