/// A programme record of a snapshot read in place: where each field's bytes are, so that its
/// `catalogue.json` object can be written straight from them, with no ``Programme``, string or
/// array made on the way.
///
/// ``writeJSON(into:)`` gives exactly the bytes of ``CatalogueJSONExporter``'s writer on the
/// programme ``SnapshotCodec/readProgramme(_:)`` decodes from the same record (a test compares
/// every bundled programme and random ones); the record is parsed with the same checks, so a
/// record the decoder rejects is rejected here too.
struct ProgrammeRecordView {
    /// A list of length-prefixed strings: where its count is.
    struct StringList: Sequence {
        let base: UnsafeRawBufferPointer
        let start: Int
        let end: Int

        func makeIterator() -> Iterator {
            var source = SnapshotSource(base, from: start, to: end)
            let count = (try? source.count()) ?? 0
            return Iterator(source: source, remaining: count)
        }

        struct Iterator: IteratorProtocol {
            var source: SnapshotSource
            var remaining: Int

            mutating func next() -> UnsafeRawBufferPointer? {
                guard remaining > 0, let bytes = try? source.utf8() else { return nil }
                remaining -= 1
                return bytes
            }
        }

        var first: UnsafeRawBufferPointer? {
            var iterator = makeIterator()
            return iterator.next()
        }

        var isEmpty: Bool { first == nil }
    }

    private let base: UnsafeRawBufferPointer
    private let end: Int
    private var id = UnsafeRawBufferPointer(start: nil, count: 0)
    private var title = (nl: UnsafeRawBufferPointer(start: nil, count: 0), en: UnsafeRawBufferPointer(start: nil, count: 0))
    private var summary = (nl: UnsafeRawBufferPointer(start: nil, count: 0), en: UnsafeRawBufferPointer(start: nil, count: 0))
    private var kind: UnsafeRawBufferPointer?
    private var providers: StringList
    private var audiences: StringList
    private var ageRange: (min: Int, max: Int)?
    private var levels: StringList
    private var sectors: StringList
    private var roles: StringList
    private var topics: StringList
    private var formats: StringList
    private var languages: StringList
    private var accessibility: StringList
    private var features: StringList
    private var peerLed: Bool?
    private var evidence = UnsafeRawBufferPointer(start: nil, count: 0)
    private var duration: UnsafeRawBufferPointer?
    private var cost: UnsafeRawBufferPointer?
    /// Where the URL pairs' count is.
    private var urlsStart = 0
    /// The first URL's address (`url`).
    private var firstURL: UnsafeRawBufferPointer?
    private var ended = false
    private var endedDate: CalendarDate?
    private var endedYear: Int?
    private var validFrom: CalendarDate?
    private var validUntil: CalendarDate?
    private var recommendations: StringList
    private var section = UnsafeRawBufferPointer(start: nil, count: 0)
    private var footnote: Int?
    private var sourceText = UnsafeRawBufferPointer(start: nil, count: 0)
    private var note: UnsafeRawBufferPointer?
    private var lastModified = CalendarDate(daysSinceEpoch: 0)
    /// Where the provenance entries' count is.
    private var provenanceStart = 0
    /// The basis recorded for the age range (field `ageRange`, no value), as its tag and rule.
    private var ageRangeBasis: (tag: UInt64, rule: UnsafeRawBufferPointer)?

    /// Parses the whole record in `source` (which must end with it), with the decoder's checks.
    init(_ source: inout SnapshotSource) throws(SnapshotRejection) {
        base = source.base
        end = source.end
        func list(_ s: inout SnapshotSource) throws(SnapshotRejection) -> StringList {
            let start = s.offset
            for _ in 0..<(try s.count()) { _ = try s.utf8() }
            return StringList(base: s.base, start: start, end: s.end)
        }
        func optionalBytes(_ s: inout SnapshotSource) throws(SnapshotRejection) -> UnsafeRawBufferPointer? {
            try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.utf8() }
        }
        func optionalDate(_ s: inout SnapshotSource) throws(SnapshotRejection) -> CalendarDate? {
            try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try SnapshotCodec.readDate(&s) }
        }
        id = try source.utf8()
        title = (try source.utf8(), try source.utf8())
        summary = (try source.utf8(), try source.utf8())
        kind = try optionalBytes(&source)
        providers = try list(&source)
        audiences = try list(&source)
        ageRange = try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in (try s.int(), try s.int()) }
        levels = try list(&source)
        sectors = try list(&source)
        roles = try list(&source)
        topics = try list(&source)
        formats = try list(&source)
        languages = try list(&source)
        accessibility = try list(&source)
        features = try list(&source)
        peerLed = try SnapshotCodec.readOptionalBool(&source)
        evidence = try source.utf8()
        duration = try optionalBytes(&source)
        cost = try optionalBytes(&source)
        urlsStart = source.offset
        for _ in 0..<(try source.count()) {
            _ = try source.utf8()
            let url = try source.utf8()
            if firstURL == nil { firstURL = url }
        }
        switch try source.uint() {
        case 0: ended = false
        case 1:
            ended = true
            endedDate = try optionalDate(&source)
            endedYear = try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.int() }
        case let other: throw SnapshotRejection("bad status tag \(other)")
        }
        validFrom = try optionalDate(&source)
        validUntil = try optionalDate(&source)
        recommendations = try list(&source)
        section = try source.utf8()
        footnote = try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.int() }
        sourceText = try source.utf8()
        note = try optionalBytes(&source)
        lastModified = try SnapshotCodec.readDate(&source)
        provenanceStart = source.offset
        for _ in 0..<(try source.count()) {
            let field = try source.utf8(), value = try source.utf8()
            let tag = try source.uint()
            var rule = UnsafeRawBufferPointer(start: nil, count: 0)
            switch tag {
            case 0, 2: break
            case 1: rule = try source.utf8()
            case let other: throw SnapshotRejection("bad basis tag \(other)")
            }
            // The last entry for a field and value wins, as in `Provenance.set`.
            if value.isEmpty, Self.equals(field, "ageRange") { ageRangeBasis = (tag, rule) }
        }
    }

    private static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The programme's `catalogue.json` object (``CatalogueJSONExporter``'s key order and rules).
    func writeJSON(into json: inout JSONStreamWriter) {
        json.beginObject()
        json.key("accessibility")
        strings(accessibility, &json)
        json.key("ageRange")
        if let ageRange {
            json.beginObject()
            json.key("max")
            json.int(ageRange.max)
            json.key("min")
            json.int(ageRange.min)
            json.endObject()
        } else {
            json.null()
        }
        json.key("ageRangeBasis")
        if ageRange != nil, let basis = ageRangeBasis {
            switch basis.tag {
            case 0: json.string(utf8: Self.bytes("stated"))
            case 1: json.joinedString([Self.bytes("derived"), basis.rule], separator: ":")
            default: json.string(utf8: Self.bytes("rendered"))
            }
        } else {
            json.null()
        }
        json.key("audiences")
        strings(audiences, &json)
        json.key("basis")
        writeBasis(into: &json)
        if let cost { member("cost", cost, &json) }
        if let duration { member("duration", duration, &json) }
        json.key("educationLevels")
        strings(levels, &json)
        member("evidence", evidence, &json)
        json.key("features")
        strings(features, &json)
        json.key("formats")
        strings(formats, &json)
        member("id", id, &json)
        json.key("kind")
        if let kind { json.string(utf8: kind) } else { json.null() }
        json.key("languages")
        strings(languages, &json)
        json.key("lastModified")
        json.date(lastModified)
        if let note { member("note", note, &json) }
        if let peerLed {
            json.key("peerLed")
            json.bool(peerLed)
        }
        json.key("provider")
        if providers.isEmpty { json.null() } else { json.joinedString(providers, separator: "; ") }
        json.key("providers")
        strings(providers, &json)
        json.key("recommendations")
        strings(recommendations, &json)
        json.key("roles")
        strings(roles, &json)
        json.key("sectors")
        strings(sectors, &json)
        json.key("source")
        json.beginObject()
        if let footnote {
            json.key("footnote")
            json.int(footnote)
        }
        member("section", section, &json)
        member("text", sourceText, &json)
        json.endObject()
        json.key("status")
        json.beginObject()
        if ended, let endedDate {
            json.key("date")
            json.date(endedDate)
        }
        member("value", Self.bytes(ended ? "ended" : "active"), &json)
        if ended, let endedYear {
            json.key("year")
            json.int(endedYear)
        }
        json.endObject()
        json.key("summary")
        localized(summary, &json)
        json.key("title")
        localized(title, &json)
        json.key("topics")
        strings(topics, &json)
        json.key("url")
        if let firstURL { json.string(utf8: firstURL) } else { json.null() }
        json.key("urls")
        json.beginArray()
        var urls = SnapshotSource(base, from: urlsStart, to: end)
        for _ in 0..<((try? urls.count()) ?? 0) {
            guard let kind = try? urls.utf8(), let url = try? urls.utf8() else { break }
            json.element()
            json.beginObject()
            member("kind", kind, &json)
            member("url", url, &json)
            json.endObject()
        }
        json.endArray()
        if let validFrom {
            json.key("validFrom")
            json.date(validFrom)
        }
        if let validUntil {
            json.key("validUntil")
            json.date(validUntil)
        }
        json.endObject()
    }

    /// `basis`: every provenance entry in stored (sorted) order.
    private func writeBasis(into json: inout JSONStreamWriter) {
        var source = SnapshotSource(base, from: provenanceStart, to: end)
        let count = (try? source.count()) ?? 0
        json.beginArray()
        for _ in 0..<count {
            guard let field = try? source.utf8(), let value = try? source.utf8(), let tag = try? source.uint() else { break }
            let rule = tag == 1 ? try? source.utf8() : nil
            json.element()
            json.beginObject()
            member("basis", Self.bytes(tag == 0 ? "stated" : tag == 1 ? "derived" : "rendered"), &json)
            member("field", field, &json)
            if let rule { member("rule", rule, &json) }
            if !value.isEmpty { member("value", value, &json) }
            json.endObject()
        }
        json.endArray()
    }

    private static func bytes(_ text: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    private func member(_ name: StaticString, _ value: UnsafeRawBufferPointer, _ json: inout JSONStreamWriter) {
        json.key(name)
        json.string(utf8: value)
    }

    private func strings(_ list: StringList, _ json: inout JSONStreamWriter) {
        json.beginArray()
        for value in list {
            json.element()
            json.string(utf8: value)
        }
        json.endArray()
    }

    private func localized(_ text: (nl: UnsafeRawBufferPointer, en: UnsafeRawBufferPointer), _ json: inout JSONStreamWriter) {
        json.beginObject()
        member("en", text.en, &json)
        member("nl", text.nl, &json)
        json.endObject()
    }
}

extension SnapshotSource {
    /// A length-prefixed string's UTF-8 bytes, in place.
    mutating func utf8() throws(SnapshotRejection) -> UnsafeRawBufferPointer {
        let length = try count()
        let start = offset
        offset += length
        return UnsafeRawBufferPointer(rebasing: base[start..<(start + length)])
    }
}
