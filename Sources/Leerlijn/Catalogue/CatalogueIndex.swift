/// Query indexes over a catalogue's programmes, built once when the catalogue is made.
///
/// Programmes are indexed by their *position in Dutch title order* (folded title, then id), so
/// iterating a result bitset yields results already in the default order: no sort per query.
/// Per-field bitsets (audience, sector, role, topic, …), 26 age bitsets (0–25) for the age
/// interval filter, evidence thresholds, and an inverted text index with sorted tokens for
/// prefix search.
public struct CatalogueIndex: Sendable {
    /// The fields with a bitset per value.
    public enum Field: String, Sendable, CaseIterable {
        case audience, sector, role, topic, language, format, educationLevel, provider, recommendation, accessibility
    }

    /// Number of programmes indexed.
    public let count: Int
    /// `order[position]` is the index into `Catalogue.programmes` of the programme at that
    /// position in Dutch title order.
    public let order: [Int]
    /// Bitsets per field and value (providers and languages folded to lower case).
    let fields: [Field: [String: Bitset]]
    /// Programmes whose age range contains each age 0…25.
    let ageSets: [Bitset]
    /// Active programmes.
    let active: Bitset
    /// Peer-led programmes.
    let peerLed: Bitset
    /// `evidenceAtLeast[r]`: programmes whose evidence rank is at least `r`.
    let evidenceAtLeast: [Bitset]
    /// Positions whose programme has validity dates, with the dates as day numbers.
    let validity: [(position: Int, from: Int, until: Int)]
    /// The text index, built when a text query first asks for it.
    var text: TextIndex { deferredText.value }
    private let deferredText: Deferred<TextIndex>

    init(programmes: [Programme], vocabulary: Vocabulary) {
        count = programmes.count
        let keys = programmes.map { TextFolding.fold($0.title.nl) }
        let order = programmes.indices.sorted { (keys[$0], programmes[$0].id) < (keys[$1], programmes[$1].id) }
        self.order = order
        let total = programmes.count
        var table: [Field: [String: Bitset]] = [:]
        for field in Field.allCases { table[field] = [:] }
        var ageSets = [Bitset](repeating: Bitset(count: count), count: 26)
        var active = Bitset(count: count), peerLed = Bitset(count: count)
        let maxRank = (vocabulary.lists["evidence"] ?? []).map(\.rank).max() ?? 0
        var evidenceAtLeast = [Bitset](repeating: Bitset(count: count), count: maxRank + 1)
        var validity: [(Int, Int, Int)] = []
        func add(_ field: Field, _ value: String, _ position: Int) {
            table[field, default: [:]][value, default: Bitset(count: total)].insert(position)
        }
        for (position, index) in order.enumerated() {
            let programme = programmes[index]
            for value in programme.audiences { add(.audience, value.rawValue, position) }
            for value in programme.sectors { add(.sector, value.rawValue, position) }
            for value in programme.roles { add(.role, value.rawValue, position) }
            for value in programme.topics { add(.topic, value.rawValue, position) }
            for value in programme.languages { add(.language, value.lowercased(), position) }
            for value in programme.formats { add(.format, value.rawValue, position) }
            for value in programme.educationLevels { add(.educationLevel, value.rawValue, position) }
            for value in programme.providers { add(.provider, TextFolding.fold(value), position) }
            for value in programme.recommendations { add(.recommendation, value, position) }
            for value in programme.accessibility { add(.accessibility, value.rawValue, position) }
            if let range = programme.ageRange {
                let lowest = max(0, range.min), highest = min(25, range.max)
                if lowest <= highest { for age in lowest...highest { ageSets[age].insert(position) } }
            }
            if case .active = programme.status { active.insert(position) }
            if programme.peerLed == true { peerLed.insert(position) }
            let rank = min(vocabulary.rank(programme.evidence), maxRank)
            for threshold in 0...rank { evidenceAtLeast[threshold].insert(position) }
            if programme.validFrom != nil || programme.validUntil != nil {
                validity.append((position, programme.validFrom?.daysSinceEpoch ?? Int.min,
                                 programme.validUntil?.daysSinceEpoch ?? Int.max))
            }
        }
        self.fields = table
        self.ageSets = ageSets
        self.active = active
        self.peerLed = peerLed
        self.evidenceAtLeast = evidenceAtLeast
        self.validity = validity
        self.deferredText = Deferred { TextIndex(programmes: order.map { programmes[$0] }) }
    }

    /// An index read back from a snapshot.
    init(count: Int, order: [Int], fields: [Field: [String: Bitset]], ageSets: [Bitset], active: Bitset, peerLed: Bitset,
         evidenceAtLeast: [Bitset], validity: [(position: Int, from: Int, until: Int)], text: Deferred<TextIndex>) {
        self.count = count
        self.order = order
        self.fields = fields
        self.ageSets = ageSets
        self.active = active
        self.peerLed = peerLed
        self.evidenceAtLeast = evidenceAtLeast
        self.validity = validity
        self.deferredText = text
    }

    /// The bitset of `value` in `field`, or an empty set for an unknown value.
    func set(_ field: Field, _ value: String) -> Bitset {
        fields[field]?[value] ?? Bitset(count: count)
    }
}
