import Testing
import Leerlijn

/// One planner shared by concurrent tasks, as the server and the benchmark use it.
@Suite("Planner under concurrency")
struct PlannerConcurrencyTests {
    @Test("Random profiles validate, and planning one twice gives the same plan")
    func randomProfilesAreValidAndPlansRepeat() throws {
        let planner = try PlannerFixtures.planner()
        let validator = ProfileValidator(catalogue: planner.index.catalogue)
        for number in 0..<100 {
            let profile = try RandomProfiles.profile(number: number, seed: 42)
            let problems = validator.problems(in: profile, locations: .unknown(file: "random-\(number)"))
            #expect(problems.isEmpty, "\(problems)")
            #expect(planner.plan(for: profile) == planner.plan(for: profile))
        }
    }

    @Test("Plans made by concurrent tasks equal the plans made one by one")
    func concurrentPlansEqualSequentialPlans() async throws {
        let planner = try PlannerFixtures.planner()
        let profiles = try (0..<200).map { try RandomProfiles.profile(number: $0, seed: 11) }
        let sequential = profiles.map { planner.plan(for: $0) }
        let concurrent = await withTaskGroup(of: (Int, Plan).self) { group in
            for (index, profile) in profiles.enumerated() {
                group.addTask { (index, planner.plan(for: profile)) }
            }
            var plans = [Plan?](repeating: nil, count: profiles.count)
            for await (index, plan) in group { plans[index] = plan }
            return plans
        }
        #expect(concurrent == sequential)
        #expect(sequential.contains { !$0.sessions.isEmpty })
    }
}
