/// The loaded, validated catalogue: programmes, obligations and vocabulary, indexed once.
///
/// A `Catalogue` is an immutable value; queries and the planner read it and never change it.
/// Programmes and requirements are sorted by id, so everything derived from it is stable.
public struct Catalogue: Sendable {
    /// Every programme, sorted by id.
    public let programmes: [Programme]
    /// Every obligation, sorted by id.
    public let requirements: [Requirement]
    /// The controlled vocabularies.
    public let vocabulary: Vocabulary
    /// The query indexes, built on first use (`validate` and `export` never build them).
    public var index: CatalogueIndex { deferredIndex.value }
    private let deferredIndex: Deferred<CatalogueIndex>
    private let deferredPositions: Deferred<[String: Int]>

    /// Builds a catalogue and its indexes. Callers have validated the entries.
    public init(programmes: [Programme], requirements: [Requirement], vocabulary: Vocabulary) {
        var sorted = programmes
        // Already in id order when the loader made them: no sort, no copy.
        if !sorted.indices.dropFirst().allSatisfy({ sorted[$0 - 1].id < sorted[$0].id }) { sorted.sort { $0.id < $1.id } }
        let ordered = sorted
        self.programmes = ordered
        self.requirements = requirements.sorted { $0.id < $1.id }
        self.vocabulary = vocabulary
        self.deferredPositions = Deferred {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(ordered.count)
            for (offset, programme) in ordered.enumerated() { positions[programme.id] = offset }
            return positions
        }
        self.deferredIndex = Deferred { CatalogueIndex(programmes: ordered, vocabulary: vocabulary) }
    }

    /// The programme with this id.
    public func programme(id: String) -> Programme? {
        deferredPositions.value[id].map { programmes[$0] }
    }

    /// The requirement with this id.
    public func requirement(id: String) -> Requirement? {
        requirements.first { $0.id == id }
    }
}
