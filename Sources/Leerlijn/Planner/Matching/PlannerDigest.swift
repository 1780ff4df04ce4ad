/// The per-programme facts the planner reads, in plain data: one ``PlannerIndex/ProgrammeEntry``
/// per programme (masks, ages, dates, ranks), the distinct language and recommendation lists
/// the entries point into, and each obligation's static candidates.
///
/// It depends only on the catalogue (programmes, requirements, vocabulary), never on a profile,
/// so a snapshot stores it and a warm `plan` reads it instead of decoding every programme.
struct PlannerDigest: Sendable, Equatable {
    let entries: ProgrammeEntries
    /// Distinct stated language lists; `entries[p].languageSet` is a position in it.
    let languageSets: [[String]]
    /// Distinct lists of recommendations a programme is named for; `entries[p].recommendationSet`.
    let recommendationSets: [[String]]
    /// Per requirement (id order): the programmes meeting its static needs, ascending
    /// (``PlannerIndex/candidates(of:among:masks:)``).
    let candidates: [[Int]]

    init(entries: ProgrammeEntries, languageSets: [[String]], recommendationSets: [[String]],
         candidates: [[Int]]) {
        self.entries = entries
        self.languageSets = languageSets
        self.recommendationSets = recommendationSets
        self.candidates = candidates
    }

    /// Digests `programmes` and `requirements` (both in id order) with the bit positions of `vocabulary`.
    init(programmes: [Programme], requirements: [Requirement], vocabulary: Vocabulary) {
        let masks = VocabularyMask(vocabulary: vocabulary)
        var languageSets: [[String]] = [], languagePositions: [[String]: Int] = [:]
        var recommendationSets: [[String]] = [], recommendationPositions: [[String]: Int] = [:]
        func position(_ list: [String], _ sets: inout [[String]], _ positions: inout [[String]: Int]) -> Int {
            if let known = positions[list] { return known }
            sets.append(list)
            positions[list] = sets.count - 1
            return sets.count - 1
        }
        let entries = ProgrammeEntries(programmes.map { p in
            PlannerIndex.ProgrammeEntry(
                audiences: masks.mask(p.audiences), sectors: masks.mask(p.sectors), roles: masks.mask(p.roles),
                topics: masks.mask(p.topics), accessibility: masks.mask(p.accessibility), levels: masks.mask(p.educationLevels),
                kind: masks.mask(p.kind.map { [$0] } ?? []), formats: masks.mask(p.formats),
                features: masks.mask(p.features), deliveryKnown: p.kind != nil || !p.formats.isEmpty,
                ageRange: p.ageRange, peerLed: p.peerLed, evidenceRank: vocabulary.rank(p.evidence),
                isActive: p.status == .active, validFromDay: p.validFrom?.daysSinceEpoch, validUntilDay: p.validUntil?.daysSinceEpoch,
                languageSet: position(p.languages, &languageSets, &languagePositions),
                recommendationSet: position(p.recommendations, &recommendationSets, &recommendationPositions))
        })
        self.entries = entries
        self.languageSets = languageSets
        self.recommendationSets = recommendationSets
        candidates = requirements.map { [entries] in PlannerIndex.candidates(of: $0, among: entries, masks: masks) }
    }
}

/// The digest's programme entries: computed ones in an array, or a stored digest's fixed-width
/// entries left in the snapshot section's bytes and read field by field when asked for, so a
/// warm plan makes no array of 100,000 entries (``SnapshotCodec/digestEntry(_:at:)``).
struct ProgrammeEntries: RandomAccessCollection, @unchecked Sendable, Equatable {
    private let values: [PlannerIndex.ProgrammeEntry]
    /// Keeps `raw`'s memory alive (read-only, so sharing it between threads is safe).
    private let stored: SnapshotRegion?
    private let raw: UnsafeRawBufferPointer?
    private let start: Int
    let count: Int
    /// The number of language and recommendation lists entries may point to (stored entries).
    private let languageSets: Int, recommendationSets: Int

    /// Computed entries.
    init(_ values: [PlannerIndex.ProgrammeEntry]) {
        self.values = values
        stored = nil
        raw = nil
        start = 0
        count = values.count
        languageSets = 0
        recommendationSets = 0
    }

    /// `count` stored entries from byte `start` of `bytes` (the reader checked that they fit),
    /// pointing into `languageSets` and `recommendationSets` lists (both non-empty when
    /// `count` is not 0).
    init(stored bytes: SnapshotRegion, start: Int, count: Int, languageSets: Int, recommendationSets: Int) {
        values = []
        stored = bytes
        raw = bytes.raw
        self.start = start
        self.count = count
        self.languageSets = languageSets
        self.recommendationSets = recommendationSets
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// Inlined, so that a caller reading one field loads only that field.
    @inline(__always)
    subscript(position: Int) -> PlannerIndex.ProgrammeEntry {
        guard let raw else { return values[position] }
        // Array's own contract, made explicit because the bytes are read unchecked: positions
        // come from the planner's loops over 0..<count and from candidate lists the reader
        // bounds-checked, never from input.
        precondition(position >= 0 && position < count, "programme entry out of range")
        return SnapshotCodec.digestEntry(raw, at: start + position * SnapshotCodec.digestEntryBytes,
                                         languageSets: languageSets, recommendationSets: recommendationSets)
    }

    static func == (lhs: ProgrammeEntries, rhs: ProgrammeEntries) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
