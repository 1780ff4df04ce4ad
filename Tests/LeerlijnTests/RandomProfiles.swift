import Leerlijn

/// Random organisation profiles for the planner's property tests: one of the example profiles
/// (so every sector they cover is reached) with its period, calendar, constraints, headcounts and
/// learner groups redrawn. Profile `number` of `seed` is always the same.
enum RandomProfiles {
    /// The example profiles of `Catalog/profiles/`, loaded once.
    static let examples: Result<[OrganisationProfile], any Error> = Result {
        try PlannerFixtures.exampleFiles.map(PlannerFixtures.profile)
    }

    static func profile(number: Int, seed: UInt64) throws -> OrganisationProfile {
        let examples = try Self.examples.get()
        var random = TestRandom(seed: seed &+ UInt64(truncatingIfNeeded: number) &* 0x2545_F491_4F6C_DD1D)
        var profile = random.element(of: examples)
        profile.id = "random-\(number)"
        let firstDay = CalendarDate(year: 2026, month: 1, day: 1)?.daysSinceEpoch ?? 20_454
        profile.periodStart = CalendarDate(daysSinceEpoch: firstDay + random.int(in: 0...600))
        profile.periodEnd = profile.periodStart.adding(days: random.int(in: 300...399))
        profile.completedTrainings = profile.completedTrainings.filter { $0.date < profile.periodStart }
        profile.roles = profile.roles.map { var role = $0; role.headcount = random.int(in: 1...60); return role }
        profile.learnerGroups = profile.learnerGroups.filter { _ in !random.chance(25) }
            .map { var group = $0; group.size = random.int(in: 5...40); return group }
        profile.blackouts = (0..<random.int(in: 0...3)).map { index in
            let start = profile.periodStart.adding(days: random.int(in: 0...280))
            return BlackoutPeriod(name: "break \(index)", start: start, end: start.adding(days: random.int(in: 0...13)))
        }
        var weekdays = (1...7).filter { _ in random.chance(50) }
        if weekdays.isEmpty { weekdays = [3] }
        let sessionHours = random.int(in: 1...3)
        profile.constraints = SchedulingConstraints(
            allowedWeekdays: weekdays, maxSessionsPerWeek: random.int(in: 1...5), sessionCapacity: random.int(in: 8...37),
            hoursPerDay: sessionHours * random.int(in: 1...3), sessionHours: sessionHours)
        return profile
    }
}
