/// The controlled vocabularies with their Dutch and English labels.
public struct Vocabulary: Sendable, Hashable {
    /// One term of a vocabulary.
    public struct Term: Sendable, Hashable {
        /// The id used in data files.
        public var id: String
        /// The labels.
        public var label: LocalizedText
        /// The order for ranked vocabularies (evidence, strength), else the file order.
        public var rank: Int
        /// For an education level: its learner ages in the Dutch system (rule `education-level-ages`).
        public var ages: AgeRange? = nil
    }

    /// The id of the rule that gives a programme without stated ages the ages of its education levels.
    public static let educationLevelAgesRule = "education-level-ages"

    /// The learner ages that rule `education-level-ages` derives from `levels`: the smallest
    /// range holding the age bands of every level that has one; `nil` when none has.
    public func derivedAges(levels: [EducationLevel]) -> AgeRange? {
        var result: AgeRange?
        for level in levels {
            guard let band = term(level.rawValue, in: EducationLevel.vocabularyName)?.ages else { continue }
            result = result.map { AgeRange(min: Swift.min($0.min, band.min), max: Swift.max($0.max, band.max)) } ?? band
        }
        return result
    }

    /// Whether `id` names a rule of the vocabulary's `rule` list.
    public func hasRule(_ id: String) -> Bool { contains(id, in: "rule") }

    /// Terms per vocabulary name, in file order.
    public private(set) var lists: [String: [Term]]
    private var index: [String: [String: Term]]

    /// Creates a vocabulary from its lists.
    public init(lists: [String: [Term]]) {
        self.lists = lists
        var index: [String: [String: Term]] = [:]
        for (name, terms) in lists {
            var byID: [String: Term] = [:]
            for term in terms { byID[term.id] = term }
            index[name] = byID
        }
        self.index = index
    }

    /// The ids of one vocabulary, in file order.
    public func ids(_ name: String) -> [String] { lists[name]?.map(\.id) ?? [] }

    /// Whether `id` is a term of vocabulary `name`.
    public func contains(_ id: String, in name: String) -> Bool { index[name]?[id] != nil }

    /// The terms of vocabulary `name` by id, for many lookups in one list.
    func terms(in name: String) -> [String: Term]? { index[name] }

    /// The term `id` of vocabulary `name`.
    public func term(_ id: String, in name: String) -> Term? { index[name]?[id] }

    /// The label of a term in `language`, or the id itself when unknown.
    public func label<T: VocabularyTerm>(_ term: T, language: String = "nl") -> String {
        self.term(term.rawValue, in: T.vocabularyName)?.label.text(in: language) ?? term.rawValue
    }

    /// The rank of a term (0 when unknown).
    public func rank<T: VocabularyTerm>(_ term: T) -> Int {
        self.term(term.rawValue, in: T.vocabularyName)?.rank ?? 0
    }

    /// The ids of vocabulary `name` closest to `value` (edit distance), best first.
    public func suggestions(for value: String, in name: String, limit: Int = 3) -> [String] {
        EditDistance.nearest(to: value, among: ids(name), limit: limit)
    }
}
