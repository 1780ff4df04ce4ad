/// Bit positions of vocabulary terms, so that set tests on the planner's hot path are
/// single `UInt64` operations.
///
/// Each vocabulary gets its terms' file order as bit positions; the controlled vocabularies
/// hold at most 17 terms. A term past position 63 would share bit 63 (matching would then be
/// too permissive for such terms); the catalogue's vocabularies are far below that.
struct VocabularyMask: Sendable {
    private var positions: [String: [String: Int]] = [:]

    init(vocabulary: Vocabulary) {
        for (name, terms) in vocabulary.lists {
            var map: [String: Int] = [:]
            for (offset, term) in terms.enumerated() { map[term.id] = min(offset, 63) }
            positions[name] = map
        }
    }

    /// The mask of one term (0 when unknown).
    func bit<T: VocabularyTerm>(_ term: T) -> UInt64 {
        guard let position = positions[T.vocabularyName]?[term.rawValue] else { return 0 }
        return 1 << UInt64(position)
    }

    /// The mask of several terms.
    func mask<T: VocabularyTerm>(_ terms: [T]) -> UInt64 {
        terms.reduce(0) { $0 | bit($1) }
    }
}
