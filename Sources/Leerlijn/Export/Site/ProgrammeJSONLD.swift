/// The schema.org JSON-LD embedded in a programme's page.
///
/// The node is the one `catalogue.jsonld` publishes (``JSONLDExporter/node(for:)``: bases
/// marked the same way under `derivedValue`/`renderedValue`), made self-contained for
/// harvesters that read one page at a time:
/// - with a base URL, `@id` is the address of the programme's Dutch page (the `x-default`) on
///   both language pages, so a harvester that reads both merges them into one programme, and
///   `url` is the page's own address (the Dutch or the English page); without a base URL the
///   `urn:leerlijn:programme:` id stays and no `url` is written. The programme's own website,
///   when it has one, becomes `sameAs`. `name` and `description` carry both languages on both
///   pages;
/// - a course or lesson method is typed `["Course", "LearningResource"]`, so portals that only
///   place one of the two keep it;
/// - audiences are inline `EducationalAudience` objects with `educationalRole`, topics
///   (`about`, `teaches`), education levels and the kind inline `DefinedTerm`s with their
///   `inDefinedTermSet` (a `DefinedTermSet` of the vocabulary), the provider an `Organization`.
///
/// Nothing is added that the catalogue does not hold.
enum ProgrammeJSONLD {
    /// The document for `programme`'s page.
    static func document(for programme: Programme, vocabulary: Vocabulary, site: SiteAddress,
                         language: SiteLanguage = .nl) -> JSONValue {
        guard case .object(var node) = JSONLDExporter.node(for: programme) else { return .null }
        if JSONLDExporter.courseKinds.contains(programme.kind?.rawValue ?? "") {
            node["@type"] = ["Course", "LearningResource"]
        }
        if let website = node.removeValue(forKey: "url") { node["sameAs"] = website }
        if let id = site.absolute(SiteLanguage.nl.programmePage(programme.id)),
           let page = site.absolute(language.programmePage(programme.id)) {
            node["@id"] = .string(id)
            node["url"] = .string(page)
        }
        node["audience"] = .array(programme.audiences.map { audience($0.rawValue, vocabulary) })
        node["about"] = .array(programme.topics.map { term(Topic.vocabularyName, $0.rawValue, vocabulary) })
        node["teaches"] = node["about"]
        if let kind = programme.kind {
            node["learningResourceType"] = term(ProgrammeKind.vocabularyName, kind.rawValue, vocabulary)
        }
        if !programme.educationLevels.isEmpty {
            node["educationalLevel"] = .array(programme.educationLevels.map {
                term(EducationLevel.vocabularyName, $0.rawValue, vocabulary)
            })
        }
        node["@context"] = JSONLDExporter.context
        return .object(node)
    }

    /// The index page's `ItemList`: every programme's page in the page's language, in catalogue
    /// order (relative to the index page without a base URL).
    static func itemList(_ programmes: [Programme], site: SiteAddress, language: SiteLanguage = .nl) -> JSONValue {
        var list: [String: JSONValue] = [
            "@context": "https://schema.org",
            "@type": "ItemList",
            "name": [["@language": .string(language.code), "@value": .string(language.text.catalogueHeading)]],
            "numberOfItems": .int(programmes.count),
            "itemListElement": .array(programmes.enumerated().map { offset, programme in
                let path = SiteAddress.programmePage(programme.id)
                return ["@type": "ListItem", "position": .int(offset + 1),
                        "url": .string(site.absolute(language.folder + path) ?? path),
                        "name": .string(programme.title.text(in: language.code))]
            }),
        ]
        if let home = site.absolute(language.indexPage) { list["@id"] = .string(home) }
        return .object(list)
    }

    private static func audience(_ id: String, _ vocabulary: Vocabulary) -> JSONValue {
        var node: [String: JSONValue] = ["@type": "EducationalAudience", "educationalRole": .string(id)]
        if let label = vocabulary.term(id, in: Audience.vocabularyName)?.label { node["audienceType"] = tagged(label) }
        return .object(node)
    }

    private static func term(_ list: String, _ id: String, _ vocabulary: Vocabulary) -> JSONValue {
        var node: [String: JSONValue] = [
            "@type": "DefinedTerm", "@id": .string(JSONLDExporter.termID(list, id)), "termCode": .string(id),
            "inDefinedTermSet": ["@type": "DefinedTermSet", "@id": .string(AtomFeedExporter.scheme(list)),
                                 "name": .string(list)],
        ]
        if let label = vocabulary.term(id, in: list)?.label { node["name"] = tagged(label) }
        return .object(node)
    }

    private static func tagged(_ text: LocalizedText) -> JSONValue {
        [["@language": "nl", "@value": .string(text.nl)], ["@language": "en", "@value": .string(text.en)]]
    }

    /// The document's bytes for a `<script type="application/ld+json">` block: `<`, `>` and `&`
    /// (which occur only inside strings) escaped as `\u003c`, `\u003e`, `\u0026`, and the
    /// noncharacters U+FFFE/U+FFFF as `\ufffd`, so the block can never end the script element
    /// and the page stays well-formed XML.
    static func scriptBytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        let bytes = value.serialized(pretty: true)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0xEF, index + 1 < bytes.count, bytes[index] == 0xBF, bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF {
                output.append(contentsOf: Array("\\ufffd".utf8))
                index += 2
                continue
            }
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: Array("\\u003c".utf8))
            case UInt8(ascii: ">"): output.append(contentsOf: Array("\\u003e".utf8))
            case UInt8(ascii: "&"): output.append(contentsOf: Array("\\u0026".utf8))
            default: output.append(byte)
            }
        }
        return output
    }
}
