/// Someone an obligation can bind within an organisation: a staff role, a learner group, or
/// the parents of the organisation's learners.
///
/// Vacant roles and empty groups make no target. Parents exist when the profile has learner
/// groups; their ages and levels are those of all learner groups, so that parents' material
/// fits the school's learners.
public struct PlanTarget: Sendable, Hashable {
    /// What the target is.
    public enum Kind: Sendable, Hashable {
        /// Staff holding a role.
        case staff(Role)
        /// A learner group, by its position in the profile.
        case learners(Int)
        /// The parents of the learners.
        case parents
    }

    /// A slug, unique within the plan: `role-teacher`, `group-groep-1`, `parents`.
    public var id: String
    /// A display label: the role id, the group's name, or `parents`.
    public var label: String
    /// What it is.
    public var kind: Kind
    /// The audience it belongs to (`professionals`, `volunteers`, `children`, `parents`).
    public var audience: Audience
    /// How many people it counts (for parents: one per learner).
    public var headcount: Int
    /// The learners' ages (learner groups and parents).
    public var ages: AgeRange?
    /// The learners' education levels (learner groups and parents).
    public var levels: [EducationLevel]

    /// The role, for staff.
    public var role: Role? {
        if case .staff(let role) = kind { return role }
        return nil
    }

    /// Whether this is a learner group.
    public var isLearners: Bool {
        if case .learners = kind { return true }
        return false
    }

    /// The targets of a profile, in the order sessions are scheduled: staff (so they are
    /// trained before they teach), learner groups, parents.
    public static func targets(of profile: OrganisationProfile) -> [PlanTarget] {
        var targets: [PlanTarget] = []
        targets.reserveCapacity(profile.roles.count + profile.learnerGroups.count + 1)
        for staff in profile.roles where staff.headcount > 0 {
            targets.append(PlanTarget(id: "role-" + staff.role.rawValue, label: staff.role.rawValue, kind: .staff(staff.role),
                                      audience: staff.audience, headcount: staff.headcount, ages: nil, levels: []))
        }
        var learners = 0, youngest = Int.max, oldest = Int.min
        var levels: [EducationLevel] = []
        for (offset, group) in profile.learnerGroups.enumerated() where group.size > 0 {
            let groupLevels = group.level.map { [$0] } ?? []
            targets.append(PlanTarget(id: "group-" + group.id, label: group.name, kind: .learners(offset),
                                      audience: Audience("children"), headcount: group.size, ages: group.ages,
                                      levels: groupLevels))
            learners += group.size
            youngest = min(youngest, group.ages.min)
            oldest = max(oldest, group.ages.max)
            for level in groupLevels where !levels.contains(level) { levels.append(level) }
        }
        if learners > 0 {
            targets.append(PlanTarget(id: "parents", label: "parents", kind: .parents, audience: Audience("parents"),
                                      headcount: learners, ages: AgeRange(min: youngest, max: oldest), levels: levels))
        }
        return targets
    }
}
