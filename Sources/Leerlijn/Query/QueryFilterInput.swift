/// Query filters as a user typed them, before validation.
///
/// The command line collects these strings; ``resolve(vocabulary:)`` turns them into a
/// ``CatalogueQuery`` or a usage error (exit 64) that says what is valid and, for
/// vocabulary values, suggests the nearest ids. List options accept repeats and commas.
public struct QueryFilterInput: Sendable, Hashable {
    public var age: String?
    public var ages: String?
    /// `--stated-ages-only`: age filters ignore derived ages.
    public var statedAgesOnly = false
    public var audiences: [String] = []
    public var sectors: [String] = []
    public var roles: [String] = []
    public var topics: [String] = []
    public var allTopics = false
    public var languages: [String] = []
    public var formats: [String] = []
    public var educationLevels: [String] = []
    public var providers: [String] = []
    public var recommendations: [String] = []
    public var accessibility: [String] = []
    public var peerLed = false
    public var minimumEvidence: String?
    public var includeEnded = false
    public var asOf: String?
    public var text: String?

    /// Empty input: every active programme.
    public init() {}

    /// Validates the input against the catalogue's vocabularies.
    ///
    /// - Throws: ``LeerlijnError/usage(_:)`` naming the option, the value and what is valid.
    public func resolve(vocabulary: Vocabulary) throws(LeerlijnError) -> CatalogueQuery {
        var query = CatalogueQuery()
        if let age { query.age = try Self.age(age, option: "--age") }
        if let ages { query.ages = try Self.ageSpan(ages) }
        if statedAgesOnly {
            guard age != nil || ages != nil else {
                throw .usage("--stated-ages-only: give --age or --ages; it restricts them to ages the factsheet states")
            }
            query.statedAgesOnly = true
        }
        query.audiences = try Self.terms(audiences, option: "--audience", vocabulary: vocabulary)
        query.sectors = try Self.terms(sectors, option: "--sector", vocabulary: vocabulary)
        query.roles = try Self.terms(roles, option: "--role", vocabulary: vocabulary)
        query.topics = try Self.terms(topics, option: "--topic", vocabulary: vocabulary)
        query.allTopics = allTopics
        query.formats = try Self.terms(formats, option: "--format", vocabulary: vocabulary)
        query.educationLevels = try Self.terms(educationLevels, option: "--level", vocabulary: vocabulary)
        query.accessibility = try Self.terms(accessibility, option: "--accessibility", vocabulary: vocabulary)
        query.languages = try Self.split(languages).map { tag throws(LeerlijnError) -> String in
            guard Self.isLanguageTag(tag) else {
                throw .usage("--language: '\(tag)' is not a BCP 47 language tag (e.g. nl, en, tr, ar)")
            }
            return tag.lowercased()
        }
        query.providers = Self.split(providers)
        query.recommendations = try Self.split(recommendations).map { ref throws(LeerlijnError) -> String in
            let upper = ref.uppercased()
            guard Self.isRecommendation(upper) else {
                throw .usage("--recommendation: '\(ref)' is not a Lanzarote recommendation id (e.g. VIII-2, X-4, III-16)")
            }
            return upper
        }
        query.peerLedOnly = peerLed
        if let minimumEvidence {
            let levels: [EvidenceLevel] = try Self.terms([minimumEvidence], option: "--min-evidence", vocabulary: vocabulary)
            query.minimumEvidence = levels.first
        }
        query.includeEnded = includeEnded
        if let asOf {
            guard let date = CalendarDate(iso: asOf) else {
                throw .usage("--as-of: '\(asOf)' is not a date; use YYYY-MM-DD (e.g. 2026-09-01)")
            }
            query.asOf = date
        }
        if let text {
            guard !TextFolding.tokens(text).isEmpty else {
                throw .usage("--text: '\(text)' has no words to search for")
            }
            query.text = text
        }
        return query
    }

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    static func age(_ raw: String, option: String) throws(LeerlijnError) -> Int {
        let value = raw.trimmingWhitespace()
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !value.isEmpty, value.count <= 3,
              let age = Int(value), (0...25).contains(age) else {
            throw .usage("\(option): '\(raw)' is not a learner age; give a whole number of years from 0 to 25")
        }
        return age
    }

    static func ageSpan(_ raw: String) throws(LeerlijnError) -> AgeRange {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw .usage("--ages: '\(raw)' is not an age span; use A-B with whole years from 0 to 25 (e.g. 4-12)")
        }
        let low = try age(parts[0], option: "--ages"), high = try age(parts[1], option: "--ages")
        guard low <= high else {
            throw .usage("--ages: '\(raw)' is inverted; the first age must not exceed the second (e.g. \(high)-\(low))")
        }
        return AgeRange(min: low, max: high)
    }

    static func terms<T: VocabularyTerm>(_ raw: [String], option: String, vocabulary: Vocabulary) throws(LeerlijnError) -> [T] {
        var result: [T] = []
        for value in split(raw) {
            let id = value.lowercased()
            guard vocabulary.contains(id, in: T.vocabularyName) else {
                let nearest = vocabulary.suggestions(for: id, in: T.vocabularyName)
                throw .usage("\(option): unknown \(T.vocabularyName) '\(value)'; did you mean "
                             + nearest.map { "'\($0)'" }.joined(separator: ", ")
                             + "? Valid values: \(vocabulary.ids(T.vocabularyName).joined(separator: ", "))")
            }
            if !result.contains(T(id)) { result.append(T(id)) }
        }
        return result
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) }
        }
    }

    static func isRecommendation(_ ref: String) -> Bool {
        let parts = ref.split(separator: "-", omittingEmptySubsequences: false)
        let chapters: Set<Substring> = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
        guard parts.count == 2, chapters.contains(parts[0]), (1...2).contains(parts[1].count) else { return false }
        return parts[1].utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
