/// Which programmes can meet an obligation for one target, and how well they fit.
///
/// On top of the obligation's static fit (topics any/all, needs-audiences, accessibility,
/// peer-led; see ``PlannerIndex``) a candidate must: run in the period; address the target's
/// audience; be meant for the organisation's sector when it names sectors; train the
/// target's role when it names roles (staff only); fit the learners' ages; and, when the
/// profile lists languages, be offered in one of them (a programme that states no language
/// is kept and noted).
///
/// **Age fit** for a learner group: the window is the group's ages narrowed to the
/// obligation's `needs.learnerAges`. A programme whose age range covers the window fits best
/// (3), one that overlaps it fits (2); a programme without an age range cannot meet an
/// age-specific need unless one of its education levels is the group's level (1) — ages are
/// never derived from a level. For parents the same holds against the ages and levels of all
/// learner groups (2 by ages, 1 by level, 0 when the programme states neither). For staff,
/// fit is specificity: +2 when the programme names the target's role, +1 when it names the
/// organisation's sector — so a course made for prosecutors beats a generic service that
/// happens to share a topic.
extension PlanningContext {
    /// The fit of a programme for requirement `r` and target `t`, given its entry, or `nil` if
    /// it cannot meet it. The caller has checked that the programme runs in the period and fits
    /// the profile's languages (`available`, `languageFits`), once for all of an obligation's
    /// targets: the planner reads each entry once for all of them.
    ///
    /// A programme that shows every needed feature and a known delivery fits 8 better than one
    /// that would only be a candidate to verify, so the choice prefers coverage it can earn.
    @inline(__always)
    func fit(_ entry: PlannerIndex.ProgrammeEntry, requirement r: PlannerIndex.RequirementEntry, target t: Int) -> Int? {
        guard let base = baseFit(entry, requirement: r, target: t) else { return nil }
        let deliveryShown = (r.needsKinds == 0 && r.needsFormats == 0) || entry.deliveryKnown
        return base + (r.needsFeatures & entry.features == r.needsFeatures && deliveryShown ? 8 : 0)
    }

    @inline(__always)
    private func baseFit(_ entry: PlannerIndex.ProgrammeEntry, requirement r: PlannerIndex.RequirementEntry, target t: Int) -> Int? {
        let fact = facts[t]
        guard entry.audiences & fact.audience != 0 else { return nil }
        guard entry.sectors == 0 || entry.sectors & sectorBit != 0 else { return nil }
        switch fact.kind {
        case .staff:
            guard entry.roles == 0 || entry.roles & fact.role != 0 else { return nil }
            if let needs = r.needsAges, let ages = entry.ageRange, !ages.overlaps(needs) { return nil }
            return (entry.roles & fact.role != 0 ? 2 : 0) + (entry.sectors & sectorBit != 0 ? 1 : 0)
        case .learners:
            guard var window = fact.ages else { return nil }
            if let needs = r.needsAges {
                window = AgeRange(min: max(window.min, needs.min), max: min(window.max, needs.max))
            }
            if let ages = entry.ageRange {
                guard ages.overlaps(window) else { return nil }
                return ages.covers(window) ? 3 : 2
            }
            return entry.levels & fact.levels != 0 ? 1 : nil
        case .parents:
            if let ages = entry.ageRange {
                guard let groups = fact.ages, ages.overlaps(groups) else { return nil }
                return 2
            }
            if entry.levels != 0 { return entry.levels & fact.levels != 0 ? 1 : nil }
            return 0
        }
    }

    /// The first filter that left no programme for requirement `r` and target `t`.
    ///
    /// The filters run in a fixed order (topics and needs-audiences, accessibility, peer-led,
    /// availability, audience, sector, role, language, ages); each programme is followed as
    /// far as it gets, and the reason is the filter right after the furthest stage any
    /// programme reached — the same answer as filtering stage by stage, without building lists.
    /// Only the obligation's static candidates get past stage 2 (they are the programmes that
    /// pass topics, delivery, accessibility and peer-led), so when it has any, only they are
    /// followed; the scan stops once one reaches the last stage.
    func gapReason(requirement r: PlannerIndex.RequirementEntry, requirementIndex: Int, target t: Int) -> GapReason {
        let fact = facts[t], target = targets[t]
        func stage(_ p: Int) -> Int {
            let entry = index.programmes[p]
            var stage = 0
            let topicFit = r.allTopics ? (entry.topics & r.needsTopics) == r.needsTopics
                : (r.needsTopics == 0 || entry.topics & r.needsTopics != 0)
            if topicFit && (r.needsAudiences == 0 || entry.audiences & r.needsAudiences != 0) { stage = 1 }
            if stage == 1, !PlannerIndex.deliveryFits(entry, kinds: r.needsKinds, formats: r.needsFormats) { return 0 }
            if stage == 1, entry.accessibility & r.needsAccessibility == r.needsAccessibility { stage = 2 }
            if stage == 2, !r.needsPeerLed || entry.peerLed == true { stage = 3 }
            if stage == 3, available[p] { stage = 4 }
            if stage == 4, entry.audiences & fact.audience != 0 { stage = 5 }
            if stage == 5, entry.sectors == 0 || entry.sectors & sectorBit != 0 { stage = 6 }
            if stage == 6, fact.kind != .staff || entry.roles == 0 || entry.roles & fact.role != 0 { stage = 7 }
            if stage == 7, languageFits[p] { stage = 8 }
            return stage
        }
        var furthest = 0
        if r.candidates.isEmpty {
            for p in index.programmes.indices { furthest = max(furthest, stage(p)) }
        } else {
            for p in r.candidates {
                furthest = max(furthest, stage(p))
                if furthest == 8 { break }
            }
        }
        let requirement = index.catalogue.requirements[requirementIndex]
        if r.isOrganisational { return .organisationalMeasure }
        if furthest == 0, r.needsKinds != 0 || r.needsFormats != 0,
           index.programmes.contains(where: { entry in
               (r.allTopics ? (entry.topics & r.needsTopics) == r.needsTopics
                   : (r.needsTopics == 0 || entry.topics & r.needsTopics != 0))
                   && (r.needsAudiences == 0 || entry.audiences & r.needsAudiences != 0)
           }) {
            return .noDelivery(kinds: requirement.needs.kinds.map(\.rawValue), formats: requirement.needs.formats.map(\.rawValue))
        }
        switch furthest {
        case 0:
            return .noTopic(topics: requirement.needs.topics.map(\.rawValue), allTopics: r.allTopics,
                            audiences: requirement.needs.audiences.map(\.rawValue))
        case 1: return .noAccessibility(index.catalogue.requirements[requirementIndex].needs.accessibility.map(\.rawValue))
        case 2: return .noPeerLed
        case 3: return .notAvailable
        case 4: return .noAudience(target.audience.rawValue)
        case 5: return .noSector(profile.sector.rawValue)
        case 6: return .noRole(target.role?.rawValue ?? "")
        case 7: return .noLanguage(profile.languages)
        default:
            var window = target.ages.map(\.description) ?? ""
            if fact.kind == .learners, let ages = fact.ages, let needs = r.needsAges {
                window = AgeRange(min: max(ages.min, needs.min), max: min(ages.max, needs.max)).description
            }
            return .noAgeFit(ages: window, levels: target.levels.map(\.rawValue))
        }
    }
}
