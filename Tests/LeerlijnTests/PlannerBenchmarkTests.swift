import Foundation
import Testing
import Leerlijn

@Suite("Planner benchmark hook")
struct PlannerBenchmarkTests {
    @Test func syntheticProfilesAreValidAndDeterministic() throws {
        let catalogue = try TestSupport.catalogue()
        let validator = ProfileValidator(catalogue: catalogue)
        for number in 0..<300 {
            let profile = SyntheticProfiles.profile(number: number, seed: 42)
            #expect(profile == SyntheticProfiles.profile(number: number, seed: 42))
            let problems = validator.problems(in: profile, locations: .unknown(file: "synthetic-\(number)"))
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    /// Runs the hook; `LEERLIJN_PLANNER_BENCH_COUNT` sets the number of profiles (speed is
    /// reported, never asserted).
    @Test func benchmarkHookPlansEveryProfile() async throws {
        let count = ProcessInfo.processInfo.environment["LEERLIJN_PLANNER_BENCH_COUNT"].flatMap(Int.init) ?? 500
        let result = await PlannerBenchmark.run(profiles: count, catalogue: try TestSupport.catalogue())
        #expect(result.profiles == count)
        #expect(result.sessions > 0)
        print("planner benchmark: \(result.profiles) profiles in \(result.seconds) s "
              + "(\(result.microsecondsPerProfile) µs per profile, \(result.sessions) sessions)")
    }
}
