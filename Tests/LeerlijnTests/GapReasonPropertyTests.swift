import Foundation
import Testing
@testable import Leerlijn

/// The gap reason follows only an obligation's static candidates past the stages every
/// programme shares: it must name the same filter as following every programme.
@Suite("Planner: gap reasons")
struct GapReasonPropertyTests {
    /// The reference: every programme followed through every stage, as documented on
    /// `PlanningContext.gapReason`.
    static func furthestStage(_ context: PlanningContext, _ r: PlannerIndex.RequirementEntry, _ t: Int) -> Int {
        let fact = context.facts[t]
        var furthest = 0
        for p in context.index.programmes.indices {
            let entry = context.index.programmes[p]
            var stage = 0
            let topicFit = r.allTopics ? (entry.topics & r.needsTopics) == r.needsTopics
                : (r.needsTopics == 0 || entry.topics & r.needsTopics != 0)
            if topicFit && (r.needsAudiences == 0 || entry.audiences & r.needsAudiences != 0) { stage = 1 }
            if stage == 1, !PlannerIndex.deliveryFits(entry, kinds: r.needsKinds, formats: r.needsFormats) { continue }
            if stage == 1, entry.accessibility & r.needsAccessibility == r.needsAccessibility { stage = 2 }
            if stage == 2, !r.needsPeerLed || entry.peerLed == true { stage = 3 }
            if stage == 3, context.available[p] { stage = 4 }
            if stage == 4, entry.audiences & fact.audience != 0 { stage = 5 }
            if stage == 5, entry.sectors == 0 || entry.sectors & context.sectorBit != 0 { stage = 6 }
            if stage == 6, fact.kind != .staff || entry.roles == 0 || entry.roles & fact.role != 0 { stage = 7 }
            if stage == 7, context.languageFits[p] { stage = 8 }
            furthest = max(furthest, stage)
        }
        return furthest
    }

    static func stage(of reason: GapReason) -> Int? {
        switch reason {
        case .noTopic: 0
        case .noAccessibility: 1
        case .noPeerLed: 2
        case .notAvailable: 3
        case .noAudience: 4
        case .noSector: 5
        case .noRole: 6
        case .noLanguage: 7
        case .noAgeFit: 8
        default: nil
        }
    }

    @Test("Every obligation and target of random profiles on a random catalogue: the reason names the furthest stage any programme reaches")
    func sameAsFollowingEveryProgramme() async throws {
        let bundled = try TestSupport.catalogue()
        let catalogue = Catalogue(programmes: RandomProgrammes.make(count: 400, seed: 11, vocabulary: bundled.vocabulary),
                                  requirements: bundled.requirements, vocabulary: bundled.vocabulary)
        let index = PlannerIndex(catalogue: catalogue)
        var compared = 0, byStage = Set<Int>()
        for number in 0..<60 {
            let context = PlanningContext(index: index, profile: try RandomProfiles.profile(number: number, seed: 5))
            for (r, requirement) in index.requirements.enumerated() where !requirement.isOrganisational {
                for t in context.targets.indices {
                    let reason = context.gapReason(requirement: requirement, requirementIndex: r, target: t)
                    let expected = Self.furthestStage(context, requirement, t)
                    if case .noDelivery = reason {
                        #expect(expected == 0, "r\(r) t\(t)")
                    } else {
                        #expect(Self.stage(of: reason) == expected, "r\(r) t\(t): \(reason) but furthest stage \(expected)")
                    }
                    compared += 1
                    byStage.insert(expected)
                }
            }
        }
        #expect(compared > 1_000)
        #expect(byStage.count >= 4, "the random cases reach several stages: \(byStage.sorted())")
    }
}
