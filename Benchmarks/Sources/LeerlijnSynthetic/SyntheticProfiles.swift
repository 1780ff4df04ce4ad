import Leerlijn

/// Deterministic synthetic organisation profiles for benchmarks and property tests.
///
/// Profile `n` of seed `s` is always the same: a kind drawn from the catalogue's sectors,
/// staff roles with headcounts, learner groups for schools and childcare (one age each,
/// never overlapping), a one-year period starting in 2026 or 2027, a few blackouts, and
/// constraints that can always place at least one session a week.
public enum SyntheticProfiles {
    private static let templates: [(ProfileKind, String, [String], ClosedRange<Int>?)] = [
        (.primarySchool, "education", ["teacher", "school-leader", "care-coordinator"], 4...12),
        (.secondarySchool, "education", ["teacher", "school-leader", "care-coordinator"], 12...18),
        (.specialEducationSchool, "education", ["teacher", "care-coordinator"], 4...13),
        (.childcareCentre, "childcare", ["childcare-worker", "employer"], 0...4),
        (.sportsClub, "sport", ["coach", "club-board-member", "confidential-adviser"], nil),
        (.hospital, "healthcare", ["healthcare-worker", "social-worker"], nil),
        (.prosecutionOffice, "justice", ["prosecutor"], nil),
        (.policeUnit, "law-enforcement", ["police-officer"], nil),
        (.youthCare, "youth-care", ["youth-care-worker", "social-worker"], nil),
        (.helpline, "helplines", ["helpline-worker"], nil),
    ]

    /// Profile number `number` for `seed`.
    public static func profile(number: Int, seed: UInt64) -> OrganisationProfile {
        var random = SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: number) &* 0x2545_F491_4F6C_DD1D)
        let (kind, sector, roleIDs, ages) = templates[Int(random.next() % UInt64(templates.count))]
        let volunteers = kind == .sportsClub
        let roles = roleIDs.map {
            StaffRole(role: Role($0), headcount: Int.random(in: 1...60, using: &random),
                      audience: Audience(volunteers ? "volunteers" : "professionals"))
        }
        var groups: [LearnerGroup] = []
        if let ages {
            for age in ages where random.next() % 4 != 0 {
                groups.append(LearnerGroup(id: "g\(age)", name: "Group \(age)", ages: AgeRange(min: age, max: age),
                                           size: Int.random(in: 5...40, using: &random)))
            }
            if kind == .specialEducationSchool {
                groups = groups.map { var group = $0; group.level = EducationLevel("special-education"); return group }
            } else if let level = kind.defaultEducationLevel {
                groups = groups.map { var group = $0; group.level = level; return group }
            }
        }
        let startDay = CalendarDate(year: 2026, month: 1, day: 1).map(\.daysSinceEpoch) ?? 20_454
        let start = CalendarDate(daysSinceEpoch: startDay + Int(random.next() % 600))
        let end = start.adding(days: 300 + Int(random.next() % 100))
        var blackouts: [BlackoutPeriod] = []
        for index in 0..<Int(random.next() % 4) {
            let from = start.adding(days: Int(random.next() % 280))
            blackouts.append(BlackoutPeriod(name: "break \(index)", start: from, end: from.adding(days: Int(random.next() % 14))))
        }
        var weekdays = (1...7).filter { _ in random.next() % 2 == 0 }
        if weekdays.isEmpty { weekdays = [3] }
        let sessionHours = 1 + Int(random.next() % 3)
        let constraints = SchedulingConstraints(
            allowedWeekdays: weekdays, maxSessionsPerWeek: 1 + Int(random.next() % 5),
            sessionCapacity: 8 + Int(random.next() % 30), hoursPerDay: sessionHours * (1 + Int(random.next() % 3)),
            sessionHours: sessionHours)
        return OrganisationProfile(
            id: "synthetic-\(number)", name: "Synthetic \(number)", kind: kind, sector: Sector(sector), roles: roles,
            learnerGroups: groups, specialNeeds: kind == .specialEducationSchool ? [AccessibilityFeature("special-needs")] : [],
            languages: random.next() % 2 == 0 ? ["nl"] : [], periodStart: start, periodEnd: end, blackouts: blackouts,
            constraints: constraints)
    }
}
