/// Which obligations bind an organisation, and whom within it.
///
/// Rules, in order:
/// - **Dates.** An obligation whose `validUntil` is before the period's start, or whose
///   `validFrom` is after its end, does not apply (it is listed as excluded, with the date).
///   One that ends or starts inside the period applies, with a warning naming the date.
/// - **Sector.** An empty `appliesTo.sectors` means any sector; otherwise the profile's sector
///   must be listed.
/// - **Roles.** When `appliesTo.roles` is not empty, it binds exactly the staff holding one of
///   those roles (roles are more specific than audiences, so the audience is not checked).
/// - **Audiences.** Otherwise it binds the targets whose audience is in `appliesTo.audiences`;
///   when that is empty, those in `needs.audiences` (so an obligation that needs parents'
///   material binds a school's parents); when both are empty, the staff (an obligation on the
///   organisation is met through its people).
/// - **Learner ages.** With `appliesTo.learnerAges`, a learner group is bound when its ages
///   overlap; staff and parents when some learner group's ages overlap. A learner group whose
///   ages miss `needs.learnerAges` is not bound: nothing could meet the obligation for it.
/// - **Accessibility.** An obligation that needs accessibility features (VIII-4: material
///   suitable for children with disabilities) binds only an organisation whose profile
///   declares one of them as a special need.
extension PlanningContext {
    enum DateStatus {
        case applies(warning: String?)
        case excluded(String)
    }

    func dateStatus(_ r: PlannerIndex.RequirementEntry) -> DateStatus {
        let start = profile.periodStart, end = profile.periodEnd
        if let until = r.validUntil, until < start {
            return .excluded("expired on \(until), before the period starts on \(start)")
        }
        if let from = r.validFrom, from > end {
            return .excluded("in force from \(from), after the period ends on \(end)")
        }
        var warnings: [String] = []
        if let from = r.validFrom, from > start { warnings.append("in force from \(from), inside the plan period") }
        if let until = r.validUntil, until < end {
            warnings.append("expires on \(until), inside the plan period; sessions that serve only obligations ending then are planned before that date")
        }
        return .applies(warning: warnings.isEmpty ? nil : warnings.joined(separator: "; "))
    }

    func sectorApplies(_ r: PlannerIndex.RequirementEntry) -> Bool {
        r.appliesSectors == 0 || r.appliesSectors & sectorBit != 0
    }

    func binds(_ r: PlannerIndex.RequirementEntry, target t: Int) -> Bool {
        let fact = facts[t]
        if r.needsAccessibility != 0, r.needsAccessibility & specialNeeds == 0 { return false }
        if r.appliesRoles != 0 {
            guard fact.kind == .staff, r.appliesRoles & fact.role != 0 else { return false }
        } else {
            let bound = r.appliesAudiences != 0 ? r.appliesAudiences
                : (r.needsAudiences != 0 ? r.needsAudiences : index.staffAudiences)
            guard bound & fact.audience != 0 else { return false }
        }
        if let ages = r.appliesAges {
            if fact.kind == .learners {
                guard let groupAges = fact.ages, groupAges.overlaps(ages) else { return false }
            } else if !hasLearners(overlapping: ages) {
                return false
            }
        }
        if fact.kind == .learners, let needs = r.needsAges, let groupAges = fact.ages, !groupAges.overlaps(needs) {
            return false
        }
        return true
    }
}
