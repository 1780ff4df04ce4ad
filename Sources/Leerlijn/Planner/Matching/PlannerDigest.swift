/// The per-programme facts the planner reads, in plain data: one ``PlannerIndex/ProgrammeEntry``
/// per programme (masks, ages, dates, ranks), the distinct language and recommendation lists
/// the entries point into, and each obligation's static candidates.
///
/// It depends only on the catalogue (programmes, requirements, vocabulary), never on a profile,
/// so a snapshot stores it and a warm `plan` reads it instead of decoding every programme.
struct PlannerDigest: Sendable, Equatable {
    let entries: [PlannerIndex.ProgrammeEntry]
    /// Distinct stated language lists; `entries[p].languageSet` is a position in it.
    let languageSets: [[String]]
    /// Distinct lists of recommendations a programme is named for; `entries[p].recommendationSet`.
    let recommendationSets: [[String]]
    /// Per requirement (id order): the programmes meeting its static needs, ascending
    /// (``PlannerIndex/candidates(of:among:masks:)``).
    let candidates: [[Int]]

    init(entries: [PlannerIndex.ProgrammeEntry], languageSets: [[String]], recommendationSets: [[String]],
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
        entries = programmes.map { p in
            PlannerIndex.ProgrammeEntry(
                audiences: masks.mask(p.audiences), sectors: masks.mask(p.sectors), roles: masks.mask(p.roles),
                topics: masks.mask(p.topics), accessibility: masks.mask(p.accessibility), levels: masks.mask(p.educationLevels),
                kind: masks.mask(p.kind.map { [$0] } ?? []), formats: masks.mask(p.formats),
                features: masks.mask(p.features), deliveryKnown: p.kind != nil || !p.formats.isEmpty,
                ageRange: p.ageRange, peerLed: p.peerLed, evidenceRank: vocabulary.rank(p.evidence),
                isActive: p.status == .active, validFrom: p.validFrom, validUntil: p.validUntil,
                languageSet: position(p.languages, &languageSets, &languagePositions),
                recommendationSet: position(p.recommendations, &recommendationSets, &recommendationPositions))
        }
        self.languageSets = languageSets
        self.recommendationSets = recommendationSets
        candidates = requirements.map { [entries] in PlannerIndex.candidates(of: $0, among: entries, masks: masks) }
    }
}
