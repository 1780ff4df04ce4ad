import Foundation
import Testing
import Leerlijn
import LeerlijnSynthetic
@testable import leerlijn_bench

/// The bundled catalogue of the root package, loaded once.
enum BundledCatalogue {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path + "/Catalog"
    }()

    static let loaded: Result<Catalogue, LeerlijnError> = {
        do throws(LeerlijnError) {
            return .success(try CatalogueLoader().load(directory: path))
        } catch {
            return .failure(error)
        }
    }()
}

@Suite("Synthetic data and the planner benchmark hook")
struct SyntheticProfilesTests {
    @Test func syntheticProfilesAreValidAndDeterministic() throws {
        let catalogue = try BundledCatalogue.loaded.get()
        let validator = ProfileValidator(catalogue: catalogue)
        for number in 0..<300 {
            let profile = SyntheticProfiles.profile(number: number, seed: 42)
            #expect(profile == SyntheticProfiles.profile(number: number, seed: 42))
            let problems = validator.problems(in: profile, locations: .unknown(file: "synthetic-\(number)"))
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func syntheticCatalogueIsDeterministicAndUsesTheVocabulary() throws {
        let vocabulary = try BundledCatalogue.loaded.get().vocabulary
        let programmes = SyntheticCatalogue(seed: 7, count: 500, vocabulary: vocabulary).programmes()
        #expect(programmes == SyntheticCatalogue(seed: 7, count: 500, vocabulary: vocabulary).programmes())
        #expect(Set(programmes.map(\.id)).count == 500)
        let topics = Set(vocabulary.ids("topic")), audiences = Set(vocabulary.ids("audience"))
        #expect(programmes.allSatisfy { $0.topics.allSatisfy { topics.contains($0.rawValue) } })
        #expect(programmes.allSatisfy { $0.audiences.allSatisfy { audiences.contains($0.rawValue) } })
    }

    /// Runs the hook; `LEERLIJN_PLANNER_BENCH_COUNT` sets the number of profiles (speed is
    /// reported, never asserted).
    @Test func benchmarkHookPlansEveryProfile() async throws {
        let count = ProcessInfo.processInfo.environment["LEERLIJN_PLANNER_BENCH_COUNT"].flatMap(Int.init) ?? 500
        let result = await PlannerBenchmark.run(profiles: count, catalogue: try BundledCatalogue.loaded.get())
        #expect(result.profiles == count)
        #expect(result.sessions > 0)
        print("planner benchmark: \(result.profiles) profiles in \(result.seconds) s "
              + "(\(result.microsecondsPerProfile) µs per profile, \(result.sessions) sessions)")
    }
}
