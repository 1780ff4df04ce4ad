import Foundation
import Leerlijn
import LeerlijnSynthetic

/// The planner's benchmark hook, for the benchmark executable.
enum PlannerBenchmark {
    /// What one run measured.
    struct Result: Sendable {
        /// Profiles planned.
        var profiles: Int
        /// Wall-clock seconds for generating nothing but planning all of them.
        var seconds: Double
        /// Sessions placed in total (so the work cannot be optimised away, and as a check).
        var sessions: Int
        /// Microseconds per profile.
        var microsecondsPerProfile: Double { profiles > 0 ? seconds * 1_000_000 / Double(profiles) : 0 }
    }

    /// Plans `count` synthetic profiles (``SyntheticProfiles``, seeded) against `catalogue`.
    ///
    /// Profiles are generated before the clock starts; indexing the catalogue is inside the
    /// measurement. The work is split into `workers` contiguous slices planned by concurrent
    /// child tasks (default: the active processor count); plans are independent values.
    /// - Returns: The total seconds and counts.
    static func run(profiles count: Int, catalogue: Catalogue, seed: UInt64 = 0x1EE2_11A1,
                           workers: Int = ProcessInfo.processInfo.activeProcessorCount) async -> Result {
        let profiles = (0..<max(0, count)).map { SyntheticProfiles.profile(number: $0, seed: seed) }
        let workerCount = max(1, min(workers, max(1, profiles.count)))
        let started = DispatchTime.now().uptimeNanoseconds
        let planner = Planner(catalogue: catalogue)
        let sessions = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<workerCount {
                let lower = profiles.count * worker / workerCount, upper = profiles.count * (worker + 1) / workerCount
                group.addTask {
                    var sessions = 0
                    for index in lower..<upper { sessions += planner.plan(for: profiles[index]).sessions.count }
                    return sessions
                }
            }
            return await group.reduce(0, +)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000
        return Result(profiles: profiles.count, seconds: seconds, sessions: sessions)
    }

    /// Plans `count` synthetic profiles against `catalogue` and returns the total seconds.
    static func totalSeconds(profiles count: Int, catalogue: Catalogue) async -> Double {
        await run(profiles: count, catalogue: catalogue).seconds
    }
}
