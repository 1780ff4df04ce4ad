import Testing
import PropertyBased
import Leerlijn

@Suite("Planner scheduling")
struct PlannerSchedulingTests {
    /// Checks every placement rule on one plan; returns the number of sessions checked.
    @discardableResult
    static func checkPlacement(_ plan: Plan) -> Int {
        let profile = plan.profile, constraints = profile.constraints
        var perDay: [CalendarDate: Int] = [:], perWeek: [Int: Int] = [:]
        for session in plan.sessions {
            #expect(session.date >= profile.periodStart && session.date <= profile.periodEnd, "\(session.id) \(session.date)")
            #expect(session.date >= plan.asOf)
            #expect(constraints.allowedWeekdays.contains(session.date.isoWeekday), "\(session.id) on \(session.date)")
            for blackout in profile.blackouts {
                #expect(!blackout.contains(session.date), "\(session.id) on \(session.date) in \(blackout.name)")
            }
            perDay[session.date, default: 0] += 1
            let monday = session.date.daysSinceEpoch - (session.date.isoWeekday - 1)
            perWeek[monday, default: 0] += 1
        }
        #expect(perDay.values.allSatisfy { $0 <= constraints.sessionsPerDay })
        #expect(perWeek.values.allSatisfy { $0 <= constraints.maxSessionsPerWeek })
        return plan.sessions.count
    }

    @Test func randomCalendarsNeverPlaceOnBlackoutsOrDisallowedWeekdays() async throws {
        let planner = try PlannerFixtures.planner()
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...127),
                            Gen.int(in: 0...12), Gen.int(in: 0...40)) { seed, weekdayMask, blackoutCount, blackoutLength in
            var profile = try RandomProfiles.profile(number: seed, seed: 7)
            profile.constraints.allowedWeekdays = (1...7).filter { weekdayMask & (1 << ($0 - 1)) != 0 }
            var random = TestRandom(seed: UInt64(seed))
            let span = profile.periodEnd.daysSinceEpoch - profile.periodStart.daysSinceEpoch
            profile.blackouts = (0..<blackoutCount).map { index in
                let start = profile.periodStart.adding(days: Int(random.next() % UInt64(span + 1)))
                return BlackoutPeriod(name: "b\(index)", start: start, end: start.adding(days: blackoutLength))
            }
            let problems = ProfileValidator(catalogue: planner.index.catalogue)
                .problems(in: profile, locations: .unknown(file: "random"))
            #expect(problems.isEmpty, "\(problems)")
            let plan = planner.plan(for: profile)
            Self.checkPlacement(plan)
            // Nothing is lost: every requested session is placed or listed as unplaced with a reason.
            #expect(plan.unplaced.allSatisfy { !$0.reason.isEmpty })
        }
    }

    @Test(arguments: PlannerFixtures.exampleFiles)
    func exampleProfilesRespectTheirCalendars(file: String) throws {
        let plan = try PlannerFixtures.plan(file)
        #expect(Self.checkPlacement(plan) == plan.sessions.count)
        #expect(!plan.sessions.isEmpty)
    }

    @Test func largeGroupsAreSplitByCapacity() throws {
        let plan = try PlannerFixtures.plan("secondary-school.xml")
        let klas1 = plan.sessions.filter { $0.targetID == "group-klas-1" && $0.programmeID == "kriebels-in-je-buik" }
        #expect(klas1.count == 5) // 150 learners, capacity 32
        #expect(klas1.map(\.participants).reduce(0, +) == 150)
        #expect(klas1.allSatisfy { $0.participants <= 32 && $0.parts == 5 })
    }

    @Test func whatDoesNotFitIsListedWithAReason() throws {
        var profile = try PlannerFixtures.profile("primary-school.xml")
        profile.periodEnd = PlannerFixtures.date("2026-09-04")
        let plan = try PlannerFixtures.planner().plan(for: profile)
        #expect(!plan.unplaced.isEmpty)
        #expect(plan.unplaced.allSatisfy { $0.reason.contains("full") || $0.reason.contains("no allowed day") })
        Self.checkPlacement(plan)
        let asOfLate = try PlannerFixtures.planner().plan(for: PlannerFixtures.profile("primary-school.xml"),
                                                          asOf: PlannerFixtures.date("2027-03-01"))
        #expect(asOfLate.sessions.allSatisfy { $0.date >= PlannerFixtures.date("2027-03-01") })
    }
}
