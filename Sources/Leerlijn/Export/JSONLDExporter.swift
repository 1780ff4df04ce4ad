/// Renders `catalogue.jsonld`: the programmes as a schema.org `@graph`.
///
/// Lesson methods and courses become `Course`, everything else `LearningResource`. Node ids are
/// the feed's URNs (`urn:leerlijn:programme:ID`). Vocabulary terms are graph nodes of their own,
/// written once after the programmes and referenced by `@id` (`urn:leerlijn:vocabulary:topic:
/// online-safety`): topics, kinds and education levels as `DefinedTerm`, audiences as
/// `EducationalAudience` with `educationalRole`; names and descriptions carry both languages as
/// language-tagged values. `isAccessibleForFree` appears only when the cost is known,
/// `typicalAgeRange` only when the ages are. Every value has a basis: a derived one is listed
/// under `derivedValue` with its field and rule (a `DefinedTerm` of the `rule` vocabulary whose
/// name states it), a rendered title or summary under `renderedValue` (and still published as
/// the name); both are defined in the document's `@context` under ``namespace``.
public struct JSONLDExporter: CatalogueRenderer {
    /// Kinds published as schema.org `Course`.
    public static let courseKinds: Set<String> = ["course", "lesson-method"]

    /// The node id of a vocabulary term.
    public static func termID(_ vocabularyName: String, _ id: String) -> String {
        AtomFeedExporter.scheme(vocabularyName) + ":" + id
    }

    /// `catalogue.jsonld`.
    public var fileName: String { ExportFormat.jsonld.fileName }

    /// Creates the exporter.
    public init() {}

    /// Renders the graph, two-space indented, ending with a newline.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to publish, in order.
    ///   - catalogue: Supplies the vocabulary labels.
    ///   - emit: Receives the UTF-8 bytes of `catalogue.jsonld` in order, in chunks of about 1 MiB.
    /// - Throws: Whatever `emit` throws.
    public func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        var json = JSONStreamWriter(reservingCapacity: min(Self.chunkSize + 65536, Self.capacity(for: programmes.count, perProgramme: 2300)))
        json.beginObject()
        json.key("@context")
        json.value(Self.context)
        json.key("@graph")
        json.beginArray()
        for programme in programmes {
            json.element()
            json.value(Self.node(for: programme))
            if json.count >= Self.chunkSize { try emit(json.takeBytes()) }
        }
        for term in Self.termNodes(for: programmes, vocabulary: catalogue.vocabulary) {
            json.element()
            json.value(term)
        }
        json.endArray()
        json.endObject()
        json.raw(0x0A)
        try emit(json.takeBytes())
    }

    /// The whole document as one value (what ``render(_:catalogue:)`` streams).
    public static func document(_ programmes: [Programme], catalogue: Catalogue) -> JSONValue {
        ["@context": context,
         "@graph": .array(programmes.map(node(for:)) + termNodes(for: programmes, vocabulary: catalogue.vocabulary))]
    }

    /// One programme as a schema.org node.
    public static func node(for programme: Programme) -> JSONValue {
        let isCourse = courseKinds.contains(programme.kind?.rawValue ?? "")
        var node: [String: JSONValue] = [
            "@type": .string(isCourse ? "Course" : "LearningResource"),
            "@id": .string(AtomFeedExporter.entryID(programme.id)),
            "identifier": .string(programme.id),
            "name": tagged(programme.title),
            "description": tagged(programme.summary),
            "audience": .array(programme.audiences.map(reference)),
            "about": .array(programme.topics.map(reference)),
            "teaches": .array(programme.topics.map(reference)),
            "dateModified": .string(programme.lastModified.description),
            "creativeWorkStatus": .string(programme.status.id == "active" ? "Active" : "Ended"),
        ]
        if let kind = programme.kind { node["learningResourceType"] = reference(kind) }
        if let ages = programme.ageRange { node["typicalAgeRange"] = .string(ExportText.ages(ages)) }
        let entries = programme.provenance.all
        let derived = entries.filter { $0.basis.rule != nil }
        if !derived.isEmpty { node["derivedValue"] = .array(derived.map(basisNode)) }
        let rendered = entries.filter { $0.basis == .rendered }
        if !rendered.isEmpty { node["renderedValue"] = .array(rendered.map(basisNode)) }
        if !programme.educationLevels.isEmpty { node["educationalLevel"] = .array(programme.educationLevels.map(reference)) }
        if !programme.providers.isEmpty {
            node["provider"] = .array(programme.providers.map { ["@type": "Organization", "name": .string($0)] })
        }
        if !programme.languages.isEmpty { node["inLanguage"] = .strings(programme.languages) }
        if let url = ExportText.primaryURL(of: programme) { node["url"] = .string(url) }
        switch programme.cost?.rawValue {
        case "free"?: node["isAccessibleForFree"] = true
        case "paid"?: node["isAccessibleForFree"] = false
        default: break
        }
        if let duration = programme.duration { node["timeRequired"] = .string(duration) }
        if let validUntil = programme.validUntil { node["expires"] = .string(validUntil.description) }
        return .object(node)
    }

    /// The term nodes the programmes refer to, by vocabulary (audience, educationLevel, kind,
    /// topic) and in vocabulary order.
    public static func termNodes(for programmes: [Programme], vocabulary: Vocabulary) -> [JSONValue] {
        var used: [String: Set<String>] = [:]
        for programme in programmes {
            used[Audience.vocabularyName, default: []].formUnion(programme.audiences.map(\.rawValue))
            used[EducationLevel.vocabularyName, default: []].formUnion(programme.educationLevels.map(\.rawValue))
            if let kind = programme.kind { used[ProgrammeKind.vocabularyName, default: []].insert(kind.rawValue) }
            used[Topic.vocabularyName, default: []].formUnion(programme.topics.map(\.rawValue))
            used["rule", default: []].formUnion(programme.provenance.all.compactMap(\.basis.rule))
        }
        var nodes: [JSONValue] = []
        for name in used.keys.sorted() {
            let ids = used[name] ?? []
            for term in vocabulary.lists[name] ?? [] where ids.contains(term.id) {
                let id = JSONValue.string(termID(name, term.id))
                if name == Audience.vocabularyName {
                    nodes.append(["@id": id, "@type": "EducationalAudience", "educationalRole": .string(term.id),
                                  "audienceType": tagged(term.label)])
                } else {
                    nodes.append(["@id": id, "@type": "DefinedTerm", "termCode": .string(term.id), "name": tagged(term.label),
                                  "inDefinedTermSet": ["@id": .string(AtomFeedExporter.scheme(name))]])
                }
            }
        }
        return nodes
    }

    /// The Leerlijn namespace of the basis properties.
    public static let namespace = "urn:leerlijn:terms#"

    /// schema.org, plus the Leerlijn terms that mark a value's basis: `derivedValue` (field,
    /// value within the field, and the rule, a node of the `rule` vocabulary) and
    /// `renderedValue` (a title or summary that is our rendering). Values without either
    /// are stated by the factsheet.
    public static let context: JSONValue = [
        "https://schema.org",
        [
            "leerlijn": .string(namespace),
            "derivedValue": ["@id": "leerlijn:derivedValue", "@container": "@set"],
            "renderedValue": ["@id": "leerlijn:renderedValue", "@container": "@set"],
            "basisField": "leerlijn:field",
            "basisValue": "leerlijn:value",
            "basisRule": ["@id": "leerlijn:rule", "@type": "@id"],
        ],
    ]

    private static func basisNode(_ entry: Provenance.Entry) -> JSONValue {
        var node: [String: JSONValue] = ["basisField": .string(entry.field)]
        if !entry.value.isEmpty { node["basisValue"] = .string(entry.value) }
        if let rule = entry.basis.rule { node["basisRule"] = .string(termID("rule", rule)) }
        return .object(node)
    }

    private static func reference<T: VocabularyTerm>(_ term: T) -> JSONValue {
        ["@id": .string(termID(T.vocabularyName, term.rawValue))]
    }

    private static func tagged(_ text: LocalizedText) -> JSONValue {
        [["@language": "nl", "@value": .string(text.nl)], ["@language": "en", "@value": .string(text.en)]]
    }
}
