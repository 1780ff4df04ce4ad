/// The loaded, validated catalogue: programmes, obligations and vocabulary, indexed once.
///
/// A `Catalogue` is an immutable value; queries and the planner read it and never change it.
/// Programmes and requirements are sorted by id, so everything derived from it is stable.
///
/// A catalogue comes from the XML (``CatalogueLoader``) or from a compiled snapshot of it
/// (``CatalogueSnapshotCache``). A snapshot-backed catalogue decodes a programme only when it
/// is asked for (``programme(at:)``): a query reads the stored indexes and decodes its
/// matches; ``programmes`` decodes all of them, once.
public struct Catalogue: Sendable {
    /// Every programme, sorted by id (for a snapshot-backed catalogue: all decoded on first use).
    public var programmes: [Programme] { storage.all }
    /// Every obligation, sorted by id.
    public let requirements: [Requirement]
    /// The controlled vocabularies.
    public let vocabulary: Vocabulary
    /// The query indexes, built on first use (`validate` and `export` never build them).
    public var index: CatalogueIndex { deferredIndex.value }
    /// The number of programmes.
    public var programmeCount: Int { storage.count }
    /// The newest `lastModified` of any programme or requirement (1970-01-01 for none).
    public var newestModification: CalendarDate { deferredNewest.value }

    let storage: ProgrammeStorage
    private let deferredIndex: Deferred<CatalogueIndex>
    private let deferredNewest: Deferred<CalendarDate>
    private let deferredIDTable: Deferred<ProgrammeIDTable>
    private let deferredIDs: Deferred<[String]>
    /// The planner's digest stored with the catalogue (a snapshot's), or `nil`: the planner
    /// then computes it from the programmes.
    let storedDigest: Deferred<PlannerDigest?>

    /// Builds a catalogue and its indexes. Callers have validated the entries.
    public init(programmes: [Programme], requirements: [Requirement], vocabulary: Vocabulary) {
        var sorted = programmes
        // Already in id order when the loader made them: no sort, no copy.
        if !sorted.indices.dropFirst().allSatisfy({ sorted[$0 - 1].id < sorted[$0].id }) { sorted.sort { $0.id < $1.id } }
        let ordered = sorted
        let requirements = requirements.sorted { $0.id < $1.id }
        self.init(storage: ProgrammeStorage(ordered), requirements: requirements, vocabulary: vocabulary,
                  index: Deferred { CatalogueIndex(programmes: ordered, vocabulary: vocabulary) },
                  newest: Deferred {
                      (ordered.map(\.lastModified) + requirements.map(\.lastModified)).max() ?? CalendarDate(daysSinceEpoch: 0)
                  },
                  ids: Deferred { ProgrammeIDTable(ordered.map(\.id)) },
                  digest: Deferred { nil })
    }

    /// A catalogue over `storage` with given (stored or deferred) indexes.
    init(storage: ProgrammeStorage, requirements: [Requirement], vocabulary: Vocabulary,
         index: Deferred<CatalogueIndex>, newest: Deferred<CalendarDate>, ids: Deferred<ProgrammeIDTable>,
         digest: Deferred<PlannerDigest?>) {
        self.storage = storage
        self.requirements = requirements
        self.vocabulary = vocabulary
        self.deferredIndex = index
        self.deferredNewest = newest
        self.deferredIDTable = ids
        self.deferredIDs = Deferred { ids.value.all }
        self.storedDigest = digest
    }

    /// The programme at `offset` in id order, decoded now if the catalogue is snapshot-backed.
    public func programme(at offset: Int) -> Programme { storage.programme(at: offset) }

    /// The programmes at `offsets` (id order), in that order; a snapshot-backed catalogue
    /// decodes them on every core.
    public func programmes(at offsets: [Int]) -> [Programme] { storage.programmes(at: offsets) }

    /// Every programme id, sorted.
    public var programmeIDs: [String] { deferredIDs.value }

    /// The programme ids in id order, without making a string of each until asked.
    var idTable: ProgrammeIDTable { deferredIDTable.value }

    /// The position (id order) of the programme with this id.
    public func position(of id: String) -> Int? { idTable.position(of: id) }

    /// The programme with this id (a snapshot-backed catalogue decodes only this one).
    public func programme(id: String) -> Programme? {
        position(of: id).map(programme(at:))
    }

    /// The requirement with this id.
    public func requirement(id: String) -> Requirement? {
        requirements.first { $0.id == id }
    }

    /// Whether this catalogue was read from a snapshot and a programme record in it turned out
    /// damaged when decoded: nothing derived from it may be shown (the CLI reloads the XML).
    public var snapshotDamage: String? { storage.damage }
}

/// Where a catalogue's programmes live: decoded in memory, or records in a snapshot.
final class ProgrammeStorage: Sendable {
    private let decoded: [Programme]?
    private let snapshot: CatalogueSnapshot?
    private let deferredAll: Deferred<[Programme]>

    init(_ programmes: [Programme]) {
        decoded = programmes
        snapshot = nil
        deferredAll = Deferred { programmes }
    }

    init(snapshot: CatalogueSnapshot) {
        decoded = nil
        self.snapshot = snapshot
        deferredAll = Deferred { snapshot.allProgrammes() }
    }

    var count: Int { decoded?.count ?? snapshot?.programmeCount ?? 0 }

    var all: [Programme] { decoded ?? deferredAll.value }

    func programme(at offset: Int) -> Programme {
        if let decoded { return decoded[offset] }
        return snapshot!.programme(at: offset)
    }

    var damage: String? { snapshot?.damage }

    /// Whether the programmes are records in a snapshot, not yet decoded.
    var isSnapshotBacked: Bool { snapshot != nil && decoded == nil }

    /// The `catalogue.json` objects of the programmes at `offsets`, as array elements of
    /// `json`: straight from the snapshot's records when there is one, else from the programmes.
    func writeJSON<C: Collection>(offsets: C, into json: inout JSONStreamWriter) where C.Element == Int {
        if let snapshot, decoded == nil {
            snapshot.writeJSON(offsets: offsets, into: &json)
            return
        }
        for offset in offsets {
            json.element()
            CatalogueJSONExporter.write(programme(at: offset), into: &json)
        }
    }

    func programmes(at offsets: [Int]) -> [Programme] {
        guard let snapshot, decoded == nil else { return offsets.map(programme(at:)) }
        return ParallelParts.map(count: offsets.count, minimum: 256) { range in
            offsets[range].map(snapshot.programme(at:))
        }.flatMap { $0 }
    }
}
