/// The snapshot encoding of the model: every field of every programme, requirement and
/// vocabulary term, so that a catalogue read back from a snapshot equals the one loaded from
/// the XML (the tests compare them value by value).
enum SnapshotCodec {
    // MARK: Shared pieces

    static func write(_ text: LocalizedText, _ sink: inout SnapshotSink) {
        sink.string(text.nl)
        sink.string(text.en)
    }

    static func readText(_ source: inout SnapshotSource) throws(SnapshotRejection) -> LocalizedText {
        LocalizedText(nl: try source.string(), en: try source.string())
    }

    static func write<T: VocabularyTerm>(_ terms: [T], _ sink: inout SnapshotSink) {
        sink.count(terms.count)
        for term in terms { sink.string(term.rawValue) }
    }

    static func readTerms<T: VocabularyTerm>(_ source: inout SnapshotSource) throws(SnapshotRejection) -> [T] {
        try source.strings().map { T($0) }
    }

    static func write(_ date: CalendarDate, _ sink: inout SnapshotSink) { sink.int(date.daysSinceEpoch) }

    static func readDate(_ source: inout SnapshotSource) throws(SnapshotRejection) -> CalendarDate {
        let days = try source.int()
        // Years 0001–9999: anything else is damage, not a date the loader can produce.
        guard (-719_162...2_932_896).contains(days) else { throw SnapshotRejection("date out of range: day \(days)") }
        return CalendarDate(daysSinceEpoch: days)
    }

    static func write(_ provenance: Provenance, _ sink: inout SnapshotSink) {
        let entries = provenance.all
        sink.count(entries.count)
        for entry in entries {
            sink.string(entry.field)
            sink.string(entry.value)
            switch entry.basis {
            case .stated: sink.uint(0)
            case .derived(let rule):
                sink.uint(1)
                sink.string(rule)
            case .rendered: sink.uint(2)
            }
        }
    }

    static func readProvenance(_ source: inout SnapshotSource) throws(SnapshotRejection) -> Provenance {
        var provenance = Provenance()
        for _ in 0..<(try source.count()) {
            let field = try source.string(), value = try source.string()
            let basis: Basis
            switch try source.uint() {
            case 0: basis = .stated
            case 1: basis = .derived(rule: try source.string())
            case 2: basis = .rendered
            case let other: throw SnapshotRejection("bad basis tag \(other)")
            }
            provenance.set(basis, field: field, value: value)
        }
        return provenance
    }

    static func write(_ source: SourceReference, _ sink: inout SnapshotSink) {
        sink.string(source.section)
        sink.optional(source.footnote) { $0.int($1) }
        sink.string(source.text)
    }

    static func readSource(_ source: inout SnapshotSource) throws(SnapshotRejection) -> SourceReference {
        SourceReference(section: try source.string(), footnote: try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.int() },
                        text: try source.string())
    }

    static func write(_ range: AgeRange, _ sink: inout SnapshotSink) {
        sink.int(range.min)
        sink.int(range.max)
    }

    static func readAgeRange(_ source: inout SnapshotSource) throws(SnapshotRejection) -> AgeRange {
        AgeRange(min: try source.int(), max: try source.int())
    }

    static func write(_ range: OpenAgeRange, _ sink: inout SnapshotSink) {
        sink.optional(range.min) { $0.int($1) }
        sink.optional(range.max) { $0.int($1) }
    }

    static func readOpenAgeRange(_ source: inout SnapshotSource) throws(SnapshotRejection) -> OpenAgeRange {
        OpenAgeRange(min: try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.int() },
                     max: try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.int() })
    }

    static func write(_ value: Bool?, _ sink: inout SnapshotSink) { sink.optional(value) { $0.bool($1) } }

    static func readOptionalBool(_ source: inout SnapshotSource) throws(SnapshotRejection) -> Bool? {
        try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.bool() }
    }

    static func readOptionalString(_ source: inout SnapshotSource) throws(SnapshotRejection) -> String? {
        try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.string() }
    }

    static func readOptionalDate(_ source: inout SnapshotSource) throws(SnapshotRejection) -> CalendarDate? {
        try source.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try readDate(&s) }
    }

    // MARK: Programme

    static func write(_ p: Programme, _ sink: inout SnapshotSink) {
        sink.string(p.id)
        write(p.title, &sink)
        write(p.summary, &sink)
        sink.optional(p.kind) { $0.string($1.rawValue) }
        sink.strings(p.providers)
        write(p.audiences, &sink)
        sink.optional(p.ageRange) { write($1, &$0) }
        write(p.educationLevels, &sink)
        write(p.sectors, &sink)
        write(p.roles, &sink)
        write(p.topics, &sink)
        write(p.formats, &sink)
        sink.strings(p.languages)
        write(p.accessibility, &sink)
        write(p.features, &sink)
        write(p.peerLed, &sink)
        sink.string(p.evidence.rawValue)
        sink.optional(p.duration) { $0.string($1) }
        sink.optional(p.cost) { $0.string($1.rawValue) }
        sink.count(p.urls.count)
        for url in p.urls {
            sink.string(url.kind)
            sink.string(url.url)
        }
        switch p.status {
        case .active: sink.uint(0)
        case .ended(let date, let year):
            sink.uint(1)
            sink.optional(date) { write($1, &$0) }
            sink.optional(year) { $0.int($1) }
        }
        sink.optional(p.validFrom) { write($1, &$0) }
        sink.optional(p.validUntil) { write($1, &$0) }
        sink.strings(p.recommendations)
        write(p.source, &sink)
        sink.optional(p.note) { $0.string($1) }
        write(p.lastModified, &sink)
        write(p.provenance, &sink)
    }

    static func readProgramme(_ s: inout SnapshotSource) throws(SnapshotRejection) -> Programme {
        let id = try s.string()
        let title = try readText(&s), summary = try readText(&s)
        let kind = try readOptionalString(&s).map { ProgrammeKind($0) }
        let providers = try s.strings()
        let audiences: [Audience] = try readTerms(&s)
        let ageRange = try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try readAgeRange(&s) }
        let levels: [EducationLevel] = try readTerms(&s)
        let sectors: [Sector] = try readTerms(&s)
        let roles: [Role] = try readTerms(&s)
        let topics: [Topic] = try readTerms(&s)
        let formats: [DeliveryFormat] = try readTerms(&s)
        let languages = try s.strings()
        let accessibility: [AccessibilityFeature] = try readTerms(&s)
        let features: [Feature] = try readTerms(&s)
        let peerLed = try readOptionalBool(&s)
        let evidence = EvidenceLevel(try s.string())
        let duration = try readOptionalString(&s)
        let cost = try readOptionalString(&s).map { Cost($0) }
        var urls: [ProgrammeURL] = []
        for _ in 0..<(try s.count()) { urls.append(ProgrammeURL(kind: try s.string(), url: try s.string())) }
        let status: ProgrammeStatus
        switch try s.uint() {
        case 0: status = .active
        case 1:
            status = .ended(date: try readOptionalDate(&s),
                            year: try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try s.int() })
        case let other: throw SnapshotRejection("bad status tag \(other)")
        }
        let validFrom = try readOptionalDate(&s), validUntil = try readOptionalDate(&s)
        let recommendations = try s.strings()
        let source = try readSource(&s)
        let note = try readOptionalString(&s)
        let lastModified = try readDate(&s)
        let provenance = try readProvenance(&s)
        return Programme(id: id, title: title, summary: summary, kind: kind, providers: providers, audiences: audiences,
                         ageRange: ageRange, educationLevels: levels, sectors: sectors, roles: roles, topics: topics,
                         formats: formats, languages: languages, accessibility: accessibility, features: features,
                         peerLed: peerLed, evidence: evidence, duration: duration, cost: cost, urls: urls, status: status,
                         validFrom: validFrom, validUntil: validUntil, recommendations: recommendations, source: source,
                         note: note, lastModified: lastModified, provenance: provenance)
    }

    // MARK: Requirement

    static func write(_ r: Requirement, _ sink: inout SnapshotSink) {
        sink.string(r.id)
        write(r.title, &sink)
        write(r.summary, &sink)
        sink.string(r.strength.rawValue)
        sink.string(r.binds.rawValue)
        sink.strings(r.recommendations)
        write(r.appliesTo.sectors, &sink)
        write(r.appliesTo.roles, &sink)
        write(r.appliesTo.audiences, &sink)
        sink.optional(r.appliesTo.learnerAges) { write($1, &$0) }
        write(r.needs.audiences, &sink)
        write(r.needs.topics, &sink)
        sink.bool(r.needs.allTopics)
        sink.optional(r.needs.learnerAges) { write($1, &$0) }
        write(r.needs.accessibility, &sink)
        write(r.needs.peerLed, &sink)
        write(r.needs.kinds, &sink)
        write(r.needs.formats, &sink)
        sink.bool(r.needs.isOrganisational)
        write(r.needs.features, &sink)
        sink.optional(r.validFrom) { write($1, &$0) }
        sink.optional(r.validUntil) { write($1, &$0) }
        write(r.source, &sink)
        sink.optional(r.note) { $0.string($1) }
        write(r.lastModified, &sink)
        write(r.provenance, &sink)
    }

    static func readRequirement(_ s: inout SnapshotSource) throws(SnapshotRejection) -> Requirement {
        let id = try s.string()
        let title = try readText(&s), summary = try readText(&s)
        let strength = Strength(try s.string()), binds = Binds(try s.string())
        let recommendations = try s.strings()
        let appliesTo = Requirement.Applicability(
            sectors: try readTerms(&s), roles: try readTerms(&s), audiences: try readTerms(&s),
            learnerAges: try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try readOpenAgeRange(&s) })
        let needs = Requirement.Needs(
            audiences: try readTerms(&s), topics: try readTerms(&s), allTopics: try s.bool(),
            learnerAges: try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try readOpenAgeRange(&s) },
            accessibility: try readTerms(&s), peerLed: try readOptionalBool(&s), kinds: try readTerms(&s),
            formats: try readTerms(&s), isOrganisational: try s.bool(), features: try readTerms(&s))
        let validFrom = try readOptionalDate(&s), validUntil = try readOptionalDate(&s)
        return Requirement(id: id, title: title, summary: summary, strength: strength, binds: binds,
                           recommendations: recommendations, appliesTo: appliesTo, needs: needs, validFrom: validFrom,
                           validUntil: validUntil, source: try readSource(&s), note: try readOptionalString(&s),
                           lastModified: try readDate(&s), provenance: try readProvenance(&s))
    }

    // MARK: Vocabulary

    static func write(_ vocabulary: Vocabulary, _ sink: inout SnapshotSink) {
        let names = vocabulary.lists.keys.sorted()
        sink.count(names.count)
        for name in names {
            sink.string(name)
            let terms = vocabulary.lists[name] ?? []
            sink.count(terms.count)
            for term in terms {
                sink.string(term.id)
                write(term.label, &sink)
                sink.int(term.rank)
                sink.optional(term.ages) { write($1, &$0) }
            }
        }
    }

    static func readVocabulary(_ s: inout SnapshotSource) throws(SnapshotRejection) -> Vocabulary {
        var lists: [String: [Vocabulary.Term]] = [:]
        for _ in 0..<(try s.count()) {
            let name = try s.string()
            var terms: [Vocabulary.Term] = []
            for _ in 0..<(try s.count()) {
                terms.append(Vocabulary.Term(id: try s.string(), label: try readText(&s), rank: try s.int(),
                                             ages: try s.optional { (s: inout SnapshotSource) throws(SnapshotRejection) in try readAgeRange(&s) }))
            }
            lists[name] = terms
        }
        return Vocabulary(lists: lists)
    }

    // MARK: Query index

    static func write(_ index: CatalogueIndex, _ sink: inout SnapshotSink) {
        sink.count(index.count)
        for position in index.order { sink.count(position) }
        for field in CatalogueIndex.Field.allCases {
            let sets = index.fields[field] ?? [:]
            sink.count(sets.count)
            for (value, set) in sets.sorted(by: { $0.key < $1.key }) {
                sink.string(value)
                sink.words(set.words)
            }
        }
        func set(_ bitset: Bitset) { sink.words(bitset.words) }
        sink.count(index.ageSets.count)
        index.ageSets.forEach(set)
        set(index.active)
        set(index.peerLed)
        sink.count(index.evidenceAtLeast.count)
        index.evidenceAtLeast.forEach(set)
        sink.count(index.validity.count)
        for entry in index.validity {
            sink.count(entry.position)
            sink.int(entry.from)
            sink.int(entry.until)
        }
    }

    /// Reads an index; the text index is built from `programmes` when a text query first asks.
    static func readIndex(_ s: inout SnapshotSource, programmes: @escaping @Sendable () -> [Programme])
        throws(SnapshotRejection) -> CatalogueIndex {
        let count = try s.natural()
        var order: [Int] = []
        order.reserveCapacity(count)
        var seen = Bitset(count: count)
        for _ in 0..<count {
            let position = try s.natural()
            guard position < count, !seen.contains(position) else { throw SnapshotRejection("bad index order entry \(position)") }
            seen.insert(position)
            order.append(position)
        }
        let wordCount = (count + 63) / 64
        func set() throws(SnapshotRejection) -> Bitset {
            let words = try s.words()
            guard words.count == wordCount else { throw SnapshotRejection("bitset of \(words.count) words, expected \(wordCount)") }
            return Bitset(words: words, count: count)
        }
        var fields: [CatalogueIndex.Field: [String: Bitset]] = [:]
        for field in CatalogueIndex.Field.allCases {
            var sets: [String: Bitset] = [:]
            for _ in 0..<(try s.count()) {
                let value = try s.string()
                sets[value] = try set()
            }
            fields[field] = sets
        }
        var ageSets: [Bitset] = []
        for _ in 0..<(try s.count()) { ageSets.append(try set()) }
        guard ageSets.count == 26 else { throw SnapshotRejection("\(ageSets.count) age sets, expected 26") }
        let active = try set(), peerLed = try set()
        var evidence: [Bitset] = []
        for _ in 0..<(try s.count()) { evidence.append(try set()) }
        var validity: [(position: Int, from: Int, until: Int)] = []
        for _ in 0..<(try s.count()) {
            let position = try s.natural()
            guard position < count else { throw SnapshotRejection("bad validity position \(position)") }
            validity.append((position, try s.int(), try s.int()))
        }
        return CatalogueIndex(count: count, order: order, fields: fields, ageSets: ageSets, active: active, peerLed: peerLed,
                              evidenceAtLeast: evidence, validity: validity,
                              text: Deferred { [order] in
                                  let all = programmes()
                                  return TextIndex(programmes: order.map { all[$0] })
                              })
    }
}
