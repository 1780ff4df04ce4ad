/// Renders `catalogue.json`: `{"count": N, "programmes": [...], "version": 1, "vocabulary": {...}}`.
///
/// Streamed through a byte writer with keys emitted in sorted order and strings escaped by
/// ``JSONValue``, so no tree or dictionary is built per programme; the bytes are exactly those
/// of serialising ``document(_:catalogue:)`` as one ``JSONValue`` (a test checks). Lists are
/// always present; `ageRange`, `provider` (all providers joined with "; ") and `url` (the first
/// address) are always present and `null` when the reference gives none; so is `kind`; other
/// optional fields are left out when unknown. `basis` lists the basis of every value
/// (``Provenance/all``) and `ageRangeBasis` repeats the age range's as one token
/// (`stated`, `derived:education-level-ages`), `null` without ages. The shape is published as `catalogue.schema.json` (JSON Schema 2020-12).
public struct CatalogueJSONExporter: CatalogueRenderer {
    /// The format version, written as `version`.
    public static let formatVersion = 1

    /// `catalogue.json`.
    public var fileName: String { ExportFormat.json.fileName }

    /// Creates the exporter.
    public init() {}

    /// Renders the document, two-space indented, ending with a newline.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to publish, in order.
    ///   - catalogue: Supplies the vocabulary section.
    ///   - emit: Receives the UTF-8 bytes of `catalogue.json` in order, in chunks of about 1 MiB.
    /// - Throws: Whatever `emit` throws.
    public func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        try render(count: programmes.count, catalogue: catalogue, emit: emit) { range, first in
            Self.fragments(programmes[range], first: first)
        }
    }

    /// The same document for the programmes at `offsets` (id order, as
    /// ``CatalogueQuery/matchingOffsets(in:)`` gives them), in that order: a snapshot-backed
    /// catalogue writes each straight from its record, decoding no programme (the bytes are
    /// those of ``render(_:catalogue:emit:)`` on the decoded programmes; a test compares).
    /// Check ``Catalogue/snapshotDamage`` before showing the result, as for decoded programmes.
    public func render(offsets: [Int], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        try render(count: offsets.count, catalogue: catalogue, emit: emit) { range, first in
            ParallelParts.map(count: range.count, minimum: 128) { part in
                var writer = JSONStreamWriter(fragmentAt: 2, first: first && part.lowerBound == 0, reservingCapacity: part.count * 3300)
                let lower = range.lowerBound + part.lowerBound, upper = range.lowerBound + part.upperBound
                catalogue.storage.writeJSON(offsets: offsets[lower..<upper], into: &writer)
                return writer.takeBytes()
            }
        }
    }

    /// The document around `count` programmes whose elements `fragments` renders, a block at a time.
    private func render(count: Int, catalogue: Catalogue, emit: ([UInt8]) throws -> Void,
                        fragments: (Range<Int>, _ first: Bool) -> [[UInt8]]) rethrows {
        var json = JSONStreamWriter(reservingCapacity: min(Self.chunkSize + 65536, Self.capacity(for: count, perProgramme: 1900)))
        json.beginObject()
        json.key("count")
        json.int(count)
        json.key("programmes")
        json.beginArray()
        // Blocks of programmes rendered on every core, emitted in order: the same bytes as one
        // writer going through them one by one (a test compares with `document`).
        // Each fragment goes out as it is, never copied into the main buffer.
        var start = 0
        while start < count {
            let end = min(start + Self.blockSize, count)
            if !json.isEmpty { try emit(json.takeBytes()) }
            for fragment in fragments(start..<end, start == 0) where !fragment.isEmpty {
                try emit(fragment)
                json.markElementWritten()
            }
            start = end
        }
        json.endArray()
        json.key("version")
        json.int(Self.formatVersion)
        json.key("vocabulary")
        json.value(Self.value(of: catalogue.vocabulary))
        json.endObject()
        json.raw(0x0A)
        try emit(json.takeBytes())
    }

    /// How many programmes one parallel step renders.
    static let blockSize = 1024

    /// The programmes of `block` as elements of the `programmes` array (depth 2), in parts
    /// rendered side by side when the block is large enough to pay for the threads.
    static func fragments(_ block: ArraySlice<Programme>, first: Bool) -> [[UInt8]] {
        ParallelParts.map(count: block.count, minimum: 128) { range in
            var writer = JSONStreamWriter(fragmentAt: 2, first: first && range.lowerBound == 0, reservingCapacity: range.count * 3300)
            for programme in block[(block.startIndex + range.lowerBound)..<(block.startIndex + range.upperBound)] {
                writer.element()
                write(programme, into: &writer)
            }
            return writer.takeBytes()
        }
    }

    /// Streams one programme; keys in byte order, the same bytes as `value(of:)` serialised.
    static func write(_ programme: Programme, into json: inout JSONStreamWriter) {
        json.beginObject()
        json.key("accessibility")
        json.strings(programme.accessibility.lazy.map(\.rawValue))
        json.key("ageRange")
        if let ages = programme.ageRange {
            json.beginObject()
            json.key("max")
            json.int(ages.max)
            json.key("min")
            json.int(ages.min)
            json.endObject()
        } else {
            json.null()
        }
        json.key("ageRangeBasis")
        json.optional(programme.ageRangeBasis?.description)
        json.key("audiences")
        json.strings(programme.audiences.lazy.map(\.rawValue))
        json.key("basis")
        json.beginArray()
        for entry in programme.provenance.all {
            json.element()
            json.beginObject()
            json.member("basis", entry.basis.id)
            json.member("field", entry.field)
            if let rule = entry.basis.rule { json.member("rule", rule) }
            if !entry.value.isEmpty { json.member("value", entry.value) }
            json.endObject()
        }
        json.endArray()
        if let cost = programme.cost { json.member("cost", cost.rawValue) }
        if let duration = programme.duration { json.member("duration", duration) }
        json.key("educationLevels")
        json.strings(programme.educationLevels.lazy.map(\.rawValue))
        json.member("evidence", programme.evidence.rawValue)
        json.key("features")
        json.strings(programme.features.lazy.map(\.rawValue))
        json.key("formats")
        json.strings(programme.formats.lazy.map(\.rawValue))
        json.member("id", programme.id)
        json.key("kind")
        json.optional(programme.kind?.rawValue)
        json.key("languages")
        json.strings(programme.languages)
        json.key("lastModified")
        json.date(programme.lastModified)
        if let note = programme.note { json.member("note", note) }
        if let peerLed = programme.peerLed {
            json.key("peerLed")
            json.bool(peerLed)
        }
        json.key("provider")
        json.optional(programme.providers.isEmpty ? nil : programme.providers.joined(separator: "; "))
        json.key("providers")
        json.strings(programme.providers)
        json.key("recommendations")
        json.strings(programme.recommendations)
        json.key("roles")
        json.strings(programme.roles.lazy.map(\.rawValue))
        json.key("sectors")
        json.strings(programme.sectors.lazy.map(\.rawValue))
        json.key("source")
        json.beginObject()
        if let footnote = programme.source.footnote {
            json.key("footnote")
            json.int(footnote)
        }
        json.member("section", programme.source.section)
        json.member("text", programme.source.text)
        json.endObject()
        json.key("status")
        json.beginObject()
        if case .ended(let date, _) = programme.status, let date {
            json.key("date")
            json.date(date)
        }
        json.member("value", programme.status.id)
        if case .ended(_, let year) = programme.status, let year {
            json.key("year")
            json.int(year)
        }
        json.endObject()
        json.key("summary")
        localized(programme.summary, into: &json)
        json.key("title")
        localized(programme.title, into: &json)
        json.key("topics")
        json.strings(programme.topics.lazy.map(\.rawValue))
        json.key("url")
        json.optional(programme.urls.first?.url)
        json.key("urls")
        json.beginArray()
        for url in programme.urls {
            json.element()
            json.beginObject()
            json.member("kind", url.kind)
            json.member("url", url.url)
            json.endObject()
        }
        json.endArray()
        if let validFrom = programme.validFrom {
            json.key("validFrom")
            json.date(validFrom)
        }
        if let validUntil = programme.validUntil {
            json.key("validUntil")
            json.date(validUntil)
        }
        json.endObject()
    }

    private static func localized(_ text: LocalizedText, into json: inout JSONStreamWriter) {
        json.beginObject()
        json.member("en", text.en)
        json.member("nl", text.nl)
        json.endObject()
    }

    /// The whole document as one value (what ``render(_:catalogue:)`` streams).
    public static func document(_ programmes: [Programme], catalogue: Catalogue) -> JSONValue {
        [
            "count": .int(programmes.count),
            "programmes": .array(programmes.map(value(of:))),
            "version": .int(formatVersion),
            "vocabulary": value(of: catalogue.vocabulary),
        ]
    }

    /// One programme as a JSON object.
    public static func value(of programme: Programme) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(programme.id),
            "title": localized(programme.title),
            "summary": localized(programme.summary),
            "kind": .optional(programme.kind?.rawValue),
            "providers": .strings(programme.providers),
            "audiences": terms(programme.audiences),
            "educationLevels": terms(programme.educationLevels),
            "sectors": terms(programme.sectors),
            "roles": terms(programme.roles),
            "topics": terms(programme.topics),
            "formats": terms(programme.formats),
            "languages": .strings(programme.languages),
            "accessibility": terms(programme.accessibility),
            "features": terms(programme.features),
            "basis": basis(of: programme),
            "evidence": .string(programme.evidence.rawValue),
            "urls": .array(programme.urls.map { ["kind": .string($0.kind), "url": .string($0.url)] }),
            "status": status(programme.status),
            "recommendations": .strings(programme.recommendations),
            "source": source(programme.source),
            "lastModified": .string(programme.lastModified.description),
        ]
        object["ageRange"] = programme.ageRange.map { ["min": .int($0.min), "max": .int($0.max)] } ?? .null
        object["ageRangeBasis"] = .optional(programme.ageRangeBasis?.description)
        object["provider"] = provider(of: programme)
        object["url"] = .optional(programme.urls.first?.url)
        if let peerLed = programme.peerLed { object["peerLed"] = .bool(peerLed) }
        if let duration = programme.duration { object["duration"] = .string(duration) }
        if let cost = programme.cost { object["cost"] = .string(cost.rawValue) }
        if let validFrom = programme.validFrom { object["validFrom"] = .string(validFrom.description) }
        if let validUntil = programme.validUntil { object["validUntil"] = .string(validUntil.description) }
        if let note = programme.note { object["note"] = .string(note) }
        return .object(object)
    }

    /// The vocabulary: list name → terms in file order, each with id, rank and labels (and,
    /// for education levels, the ages rule `education-level-ages` gives them).
    public static func value(of vocabulary: Vocabulary) -> JSONValue {
        var lists: [String: JSONValue] = [:]
        for (name, terms) in vocabulary.lists {
            lists[name] = .array(terms.map { term in
                var object: [String: JSONValue] = ["id": .string(term.id), "rank": .int(max(0, term.rank)), "label": localized(term.label)]
                if let ages = term.ages {
                    object["minAge"] = .int(ages.min)
                    object["maxAge"] = .int(ages.max)
                }
                return .object(object)
            })
        }
        return .object(lists)
    }

    /// Every value's basis in ``Provenance/all`` order: `field`, `value` (list fields and
    /// titles/summaries only), `basis` and, for a derived value, `rule`.
    public static func basis(of programme: Programme) -> JSONValue {
        .array(programme.provenance.all.map { entry in
            var object: [String: JSONValue] = ["field": .string(entry.field), "basis": .string(entry.basis.id)]
            if !entry.value.isEmpty { object["value"] = .string(entry.value) }
            if let rule = entry.basis.rule { object["rule"] = .string(rule) }
            return .object(object)
        })
    }

    /// The providers as one display string ("A; B"), or `null` when the reference names none.
    static func provider(of programme: Programme) -> JSONValue {
        programme.providers.isEmpty ? .null : .string(programme.providers.joined(separator: "; "))
    }

    private static func localized(_ text: LocalizedText) -> JSONValue {
        ["nl": .string(text.nl), "en": .string(text.en)]
    }

    private static func terms<T: VocabularyTerm>(_ values: [T]) -> JSONValue {
        .array(values.map { .string($0.rawValue) })
    }

    private static func status(_ status: ProgrammeStatus) -> JSONValue {
        var object: [String: JSONValue] = ["value": .string(status.id)]
        if case .ended(let date, let year) = status {
            if let date { object["date"] = .string(date.description) }
            if let year { object["year"] = .int(year) }
        }
        return .object(object)
    }

    private static func source(_ source: SourceReference) -> JSONValue {
        var object: [String: JSONValue] = ["section": .string(source.section), "text": .string(source.text)]
        if let footnote = source.footnote { object["footnote"] = .int(footnote) }
        return .object(object)
    }
}
