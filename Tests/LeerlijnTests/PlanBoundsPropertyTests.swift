import Foundation
import Leerlijn
import PropertyBased
import Testing

/// For every accepted profile, however extreme its numbers, the plan stays within the bounds
/// that `Limits` states — measured by counts (sessions, entries, bytes), never by clocks.
@Suite("Plan bounds: extreme accepted profiles give bounded plans")
struct PlanBoundsPropertyTests {
    /// A profile with every number drawn up to (and sometimes at) its limit.
    static func extremeProfile(seed: Int, headcount: Int, capacity: Int, weekly: Int) -> OrganisationProfile {
        var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ range: ClosedRange<Int>) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return range.lowerBound + Int(state % UInt64(range.upperBound - range.lowerBound + 1))
        }
        let roles = ["teacher", "school-leader", "care-coordinator", "confidential-adviser", "coach"].shuffledPrefix(next(1...5), next)
            .map { StaffRole(role: Role($0), headcount: next(0...1) == 0 ? headcount : next(Limits.headcount.range)) }
        let groups = (4...12).filter { _ in next(0...1) == 1 }.map {
            LearnerGroup(id: "g\($0)", name: "Group \($0)", ages: AgeRange(min: $0, max: $0), size: next(Limits.groupSize.range))
        }
        let start = CalendarDate(year: 2026, month: 1, day: 1) ?? CalendarDate(daysSinceEpoch: 20_454)
        let end = start.adding(days: next(0...Limits.periodDays.range.upperBound))
        let sessionHours = next(1...4)
        let completed = (0..<next(0...3)).map { _ in
            CompletedTraining(programmeID: "meldcode-toolkit", role: nil, date: start.adding(days: -next(0...400)),
                              refreshMonths: next(0...1) == 0 ? Limits.refreshMonths.range.upperBound : next(Limits.refreshMonths.range))
        }
        return OrganisationProfile(
            id: "extreme-\(seed)", name: "Extreme \(seed)", kind: .primarySchool, sector: Sector("education"),
            roles: roles, learnerGroups: groups, periodStart: start, periodEnd: end,
            blackouts: [], constraints: SchedulingConstraints(
                allowedWeekdays: Array(1...next(1...7)), maxSessionsPerWeek: weekly, sessionCapacity: capacity,
                hoursPerDay: min(24, sessionHours * next(1...12)), sessionHours: sessionHours),
            completedTrainings: completed)
    }

    @Test func extremeProfilesGiveBoundedPlans() async throws {
        let catalogue = try TestSupport.catalogue()
        let planner = Planner(catalogue: catalogue)
        let validator = ProfileValidator(catalogue: catalogue)
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000), Gen.int(in: Limits.headcount.range),
                            Gen.int(in: Limits.sessionCapacity.range), Gen.int(in: Limits.sessionsPerWeek.range)) {
            seed, headcount, capacity, weekly in
            for capacityChoice in [1, capacity] {
                let profile = Self.extremeProfile(seed: seed, headcount: headcount, capacity: capacityChoice, weekly: weekly)
                let problems = validator.problems(in: profile, locations: .unknown(file: "extreme"))
                #expect(problems.isEmpty, "\(problems)")
                guard problems.isEmpty else { continue }
                let plan = planner.plan(for: profile)
                let targets = plan.targets.count
                // Sessions: at most the plan limit. Not placed: one entry per delivery, never per session.
                #expect(plan.sessions.count <= Limits.sessionsPerPlan.range.upperBound)
                let deliveries = targets * catalogue.programmes.count * 2
                #expect(plan.unplaced.count <= deliveries, "\(plan.unplaced.count) entries for \(targets) targets")
                // Nothing is lost: every session of every delivery is placed or counted as not placed.
                #expect(plan.unplaced.allSatisfy { $0.sessions >= 1 && !$0.reason.isEmpty })
                // Output bytes: bounded by the counts above, whatever the headcounts.
                let items = plan.sessions.count + plan.unplaced.count + plan.obligations.count * max(1, targets)
                    + plan.gaps.count + plan.choices.count + plan.completed.count + plan.notes.count + targets + 1
                for format in PlanOutputFormat.allCases {
                    let bytes = PlanRenderer.render(plan, as: format, catalogue: catalogue).count
                    #expect(bytes <= 4_096 * items, "\(format): \(bytes) bytes for \(items) items")
                }
            }
        }
    }

    @Test func aMillionParticipantsAtCapacityOneStayBounded() throws {
        let catalogue = try TestSupport.catalogue()
        var profile = Self.extremeProfile(seed: 1, headcount: Limits.headcount.range.upperBound, capacity: 1, weekly: 168)
        profile.roles = ["teacher", "school-leader", "care-coordinator"].map {
            StaffRole(role: Role($0), headcount: Limits.headcount.range.upperBound)
        }
        profile.periodEnd = profile.periodStart.adding(days: Limits.periodDays.range.upperBound)
        profile.constraints = SchedulingConstraints(allowedWeekdays: Array(1...7), maxSessionsPerWeek: 168,
                                                    sessionCapacity: 1, hoursPerDay: 24, sessionHours: 1)
        #expect(ProfileValidator(catalogue: catalogue).problems(in: profile, locations: .unknown(file: "x")).isEmpty)
        let plan = Planner(catalogue: catalogue).plan(for: profile)
        #expect(plan.sessions.count == Limits.sessionsPerPlan.range.upperBound)
        #expect(plan.unplaced.count < 100)
        #expect(plan.unplaced.contains { $0.reason.contains("the most one plan lists") })
        #expect(plan.unplaced.map(\.sessions).reduce(0, +) > 100_000)
    }
}

private extension Array {
    func shuffledPrefix(_ count: Int, _ next: (ClosedRange<Int>) -> Int) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 { copy.swapAt(index, next(0...index)) }
        return Array(copy.prefix(count))
    }
}
