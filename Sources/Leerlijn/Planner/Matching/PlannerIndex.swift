/// The catalogue, pre-digested for planning: masks per programme and obligation, and each
/// obligation's static candidate list (topic, needs-audience, accessibility and peer-led
/// fit do not depend on the organisation), built once and shared by every plan.
public struct PlannerIndex: Sendable {
    /// Plain-data facts of one programme (no strings or arrays, so reading one costs no
    /// reference counting on the hot path; dates as day numbers, so comparing them is one
    /// integer comparison).
    struct ProgrammeEntry: Sendable, Equatable {
        let audiences: UInt64
        let sectors: UInt64
        let roles: UInt64
        let topics: UInt64
        let accessibility: UInt64
        let levels: UInt64
        let kind: UInt64
        let formats: UInt64
        let features: UInt64
        /// Whether the catalogue states its kind or a format (else delivery is unknown: to verify).
        let deliveryKnown: Bool
        let ageRange: AgeRange?
        let peerLed: Bool?
        let evidenceRank: Int
        let isActive: Bool
        /// ``validFrom`` and ``validUntil`` as days since 1970-01-01.
        let validFromDay: Int?
        let validUntilDay: Int?
        /// Its stated languages: a position in ``PlannerDigest/languageSets``.
        let languageSet: Int
        /// The recommendations it is named for: a position in ``PlannerDigest/recommendationSets``.
        let recommendationSet: Int

        init(audiences: UInt64, sectors: UInt64, roles: UInt64, topics: UInt64, accessibility: UInt64, levels: UInt64,
             kind: UInt64, formats: UInt64, features: UInt64, deliveryKnown: Bool, ageRange: AgeRange?, peerLed: Bool?,
             evidenceRank: Int, isActive: Bool, validFromDay: Int?, validUntilDay: Int?, languageSet: Int, recommendationSet: Int) {
            self.audiences = audiences
            self.sectors = sectors
            self.roles = roles
            self.topics = topics
            self.accessibility = accessibility
            self.levels = levels
            self.kind = kind
            self.formats = formats
            self.features = features
            self.deliveryKnown = deliveryKnown
            self.ageRange = ageRange
            self.peerLed = peerLed
            self.evidenceRank = evidenceRank
            self.isActive = isActive
            self.validFromDay = validFromDay
            self.validUntilDay = validUntilDay
            self.languageSet = languageSet
            self.recommendationSet = recommendationSet
        }

        /// The first day it runs, when the catalogue states one.
        var validFrom: CalendarDate? { validFromDay.map(CalendarDate.init(daysSinceEpoch:)) }
        /// The last day it runs, when the catalogue states one.
        var validUntil: CalendarDate? { validUntilDay.map(CalendarDate.init(daysSinceEpoch:)) }

        /// Whether it runs on `date` (any date when `nil`), as ``Programme/isAvailable(on:)``.
        func isAvailable(on date: CalendarDate?) -> Bool {
            guard let date else { return isActive }
            let day = date.daysSinceEpoch
            return isAvailable(fromDay: day, toDay: day)
        }

        /// Whether it runs at some time in `start...end`.
        func isAvailable(from start: CalendarDate, to end: CalendarDate) -> Bool {
            isAvailable(fromDay: start.daysSinceEpoch, toDay: end.daysSinceEpoch)
        }

        /// Whether it runs at some time in `start...end` (days since 1970-01-01).
        func isAvailable(fromDay start: Int, toDay end: Int) -> Bool {
            guard isActive else { return false }
            if let validFromDay, validFromDay > end { return false }
            if let validUntilDay, validUntilDay < start { return false }
            return true
        }
    }

    /// One obligation's masks and static candidates (its strings live in parallel arrays).
    struct RequirementEntry: Sendable {
        let strengthRank: Int
        let weight: Int
        let appliesSectors: UInt64
        let appliesRoles: UInt64
        let appliesAudiences: UInt64
        let appliesAges: AgeRange?
        let needsAudiences: UInt64
        let needsTopics: UInt64
        let allTopics: Bool
        let needsAges: AgeRange?
        let needsAccessibility: UInt64
        let needsPeerLed: Bool
        /// Delivery: kinds and formats that qualify (both 0: any).
        let needsKinds: UInt64
        let needsFormats: UInt64
        /// An organisational measure: never met by a programme.
        let isOrganisational: Bool
        /// Features a programme must show (see ``Feature``).
        let needsFeatures: UInt64
        /// Whether it binds an organisation or its staff (else it is context).
        let isPlanTarget: Bool
        let validFrom: CalendarDate?
        let validUntil: CalendarDate?
        /// Programmes meeting topics, needs-audiences, accessibility and peer-led, sorted by id.
        let candidates: [Int]
        /// Whether it binds (law, require, request): these get the completion pass.
        var isBinding: Bool { strengthRank <= 2 }
    }

    /// The catalogue indexed.
    public let catalogue: Catalogue
    let programmes: ProgrammeEntries
    let requirements: [RequirementEntry]
    let masks: VocabularyMask
    let staffAudiences: UInt64
    let childrenBit: UInt64
    let parentsBit: UInt64
    let programmeIDs: ProgrammeIDTable
    let languageSets: [[String]]
    let recommendationSets: [[String]]
    let requirementIDs: [String]
    let requirementStrengths: [Strength]
    let requirementRecommendations: [[String]]

    /// Indexes `catalogue`; cost is linear in its size and paid once (a snapshot-backed
    /// catalogue brings its programmes' digest, so no programme is decoded here).
    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        let masks = VocabularyMask(vocabulary: catalogue.vocabulary)
        self.masks = masks
        let vocabulary = catalogue.vocabulary
        let digest = catalogue.storedDigest.value
            ?? PlannerDigest(programmes: catalogue.programmes, requirements: catalogue.requirements, vocabulary: vocabulary)
        let programmes = digest.entries
        self.programmes = programmes
        languageSets = digest.languageSets
        recommendationSets = digest.recommendationSets
        let maxRank = vocabulary.lists[Strength.vocabularyName]?.map(\.rank).max() ?? 4
        requirements = zip(catalogue.requirements, digest.candidates).map { r, candidates in
            let needsAudiences = masks.mask(r.needs.audiences), topics = masks.mask(r.needs.topics)
            let accessibility = masks.mask(r.needs.accessibility), peerLed = r.needs.peerLed == true
            let kinds = masks.mask(r.needs.kinds), formats = masks.mask(r.needs.formats)
            let rank = vocabulary.rank(r.strength)
            var weight = 1
            // Bounded (Limits.vocabularyRank), so the weight cannot overflow whatever the ranks.
            for _ in 0..<min(Limits.vocabularyRank.range.upperBound, max(0, maxRank - rank)) { weight *= 4 }
            return RequirementEntry(
                strengthRank: rank, weight: weight,
                appliesSectors: masks.mask(r.appliesTo.sectors), appliesRoles: masks.mask(r.appliesTo.roles),
                appliesAudiences: masks.mask(r.appliesTo.audiences), appliesAges: r.appliesTo.learnerAges?.closed,
                needsAudiences: needsAudiences, needsTopics: topics, allTopics: r.needs.allTopics,
                needsAges: r.needs.learnerAges?.closed, needsAccessibility: accessibility, needsPeerLed: peerLed,
                needsKinds: kinds, needsFormats: formats, isOrganisational: r.needs.isOrganisational,
                needsFeatures: masks.mask(r.needs.features), isPlanTarget: r.isPlanTarget,
                validFrom: r.validFrom, validUntil: r.validUntil,
                candidates: candidates)
        }
        staffAudiences = masks.bit(Audience("professionals")) | masks.bit(Audience("volunteers"))
        childrenBit = masks.bit(Audience("children"))
        parentsBit = masks.bit(Audience("parents"))
        programmeIDs = catalogue.idTable
        requirementIDs = catalogue.requirements.map(\.id)
        requirementStrengths = catalogue.requirements.map(\.strength)
        requirementRecommendations = catalogue.requirements.map(\.recommendations)
    }

    /// The programmes (positions, ascending) that meet `r`'s topics, needs-audiences, delivery,
    /// accessibility and peer-led needs: its static candidates, whatever the organisation.
    static func candidates(of r: Requirement, among programmes: ProgrammeEntries, masks: VocabularyMask) -> [Int] {
        guard !r.needs.isOrganisational else { return [] }
        let needsAudiences = masks.mask(r.needs.audiences), topics = masks.mask(r.needs.topics)
        let accessibility = masks.mask(r.needs.accessibility), peerLed = r.needs.peerLed == true
        let kinds = masks.mask(r.needs.kinds), formats = masks.mask(r.needs.formats)
        return programmes.indices.filter { index in
            let p = programmes[index]
            let topicFit = r.needs.allTopics ? (p.topics & topics) == topics : (topics == 0 || p.topics & topics != 0)
            return topicFit && (needsAudiences == 0 || p.audiences & needsAudiences != 0)
                && deliveryFits(p, kinds: kinds, formats: formats)
                && (p.accessibility & accessibility) == accessibility && (!peerLed || p.peerLed == true)
        }
    }

    /// Whether a programme's kind or one of its formats is among those an obligation accepts.
    ///
    /// A programme whose kind and formats are both unknown passes: it stays a candidate, to verify.
    static func deliveryFits(_ p: ProgrammeEntry, kinds: UInt64, formats: UInt64) -> Bool {
        (kinds == 0 && formats == 0) || !p.deliveryKnown || p.kind & kinds != 0 || p.formats & formats != 0
    }

    /// What programme `p` lacks evidence for to meet requirement `r`: needed features it does
    /// not show, and delivery when the requirement restricts it and the programme's is unknown.
    func missingEvidence(programme p: Int, requirement r: Int) -> [String] {
        let entry = programmes[p], requirement = requirements[r]
        var missing: [String] = []
        if (requirement.needsKinds != 0 || requirement.needsFormats != 0) && !entry.deliveryKnown {
            missing.append("delivery: the catalogue states neither its kind nor a format")
        }
        if requirement.needsFeatures & entry.features != requirement.needsFeatures {
            for feature in catalogue.requirements[r].needs.features where masks.bit(feature) & entry.features == 0 {
                missing.append("feature \(feature.rawValue): " + catalogue.vocabulary.label(feature, language: "en"))
            }
        }
        return missing
    }

    /// The strength weight of requirement number `index`: 4 to the power of its distance
    /// from the weakest strength (law 256, require 64, request 16, agreement 4, invite 1).
    func weight(_ index: Int) -> Int { requirements[index].weight }
}
