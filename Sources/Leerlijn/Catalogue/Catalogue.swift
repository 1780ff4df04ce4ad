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
    /// The query indexes, built once.
    public let index: CatalogueIndex
    private let programmePositions: [String: Int]

    /// Builds a catalogue and its indexes. Callers have validated the entries.
    public init(programmes: [Programme], requirements: [Requirement], vocabulary: Vocabulary) {
        self.programmes = programmes.sorted { $0.id < $1.id }
        self.requirements = requirements.sorted { $0.id < $1.id }
        self.vocabulary = vocabulary
        var positions: [String: Int] = [:]
        for (offset, programme) in self.programmes.enumerated() { positions[programme.id] = offset }
        self.programmePositions = positions
        self.index = CatalogueIndex(programmes: self.programmes, vocabulary: vocabulary)
    }

    /// The programme with this id.
    public func programme(id: String) -> Programme? {
        programmePositions[id].map { programmes[$0] }
    }

    /// The requirement with this id.
    public func requirement(id: String) -> Requirement? {
        requirements.first { $0.id == id }
    }
}
