/// One profile's facts in the shape the hot path needs: target masks, the sector bit, which
/// programmes run in the period and speak the profile's languages.
struct PlanningContext {
    struct TargetFacts {
        enum Kind { case staff, learners, parents }
        let kind: Kind
        let audience: UInt64
        let role: UInt64
        let levels: UInt64
        let ages: AgeRange?
    }

    let index: PlannerIndex
    let profile: OrganisationProfile
    let targets: [PlanTarget]
    let facts: [TargetFacts]
    let sectorBit: UInt64
    let specialNeeds: UInt64
    /// Per programme: active and inside its dates at some time in the period.
    let available: [Bool]
    /// Per programme: not excluded by the profile's languages (no stated languages passes).
    let languageFits: [Bool]

    init(index: PlannerIndex, profile: OrganisationProfile) {
        self.index = index
        self.profile = profile
        let targets = PlanTarget.targets(of: profile)
        self.targets = targets
        let masks = index.masks
        facts = targets.map { target in
            let kind: TargetFacts.Kind
            switch target.kind {
            case .staff: kind = .staff
            case .learners: kind = .learners
            case .parents: kind = .parents
            }
            return TargetFacts(kind: kind, audience: masks.bit(target.audience), role: target.role.map { masks.bit($0) } ?? 0,
                               levels: masks.mask(target.levels), ages: target.ages)
        }
        sectorBit = masks.bit(profile.sector)
        specialNeeds = masks.mask(profile.specialNeeds)
        let firstDay = profile.periodStart.daysSinceEpoch, lastDay = profile.periodEnd.daysSinceEpoch
        available = index.programmes.map { $0.isAvailable(fromDay: firstDay, toDay: lastDay) }
        let languages = profile.languages
        let setFits = index.languageSets.map { stated in
            languages.isEmpty || stated.isEmpty || stated.contains { languages.contains($0) }
        }
        languageFits = index.programmes.map { setFits[$0.languageSet] }
    }

    /// Whether some learner group's ages overlap `ages`.
    func hasLearners(overlapping ages: AgeRange) -> Bool {
        profile.learnerGroups.contains { $0.size > 0 && $0.ages.overlaps(ages) }
    }
}
