import Foundation
import Testing
@testable import Leerlijn

/// The planner's faster paths against plain references: the set cover that keeps its gains
/// up to date against one that sums every gain again each round, the merged candidate union
/// against a set, and id lists kept as positions against arrays of strings.
@Suite("Planner: cover and candidate lists against references")
struct PlannerCoverEquivalenceTests {
    /// The greedy rounds as documented on ``WeightedSetCover``, each gain summed afresh over
    /// every programme and every uncovered pair: (programme, gain, pairs taken) per round.
    static func referenceRounds(_ items: [WeightedSetCover.Item], _ index: PlannerIndex) -> [(Int, Int, [Int])] {
        var covered = items.map { $0.completedBy != nil || $0.candidates.isEmpty }
        var rounds: [(Int, Int, [Int])] = []
        while true {
            var best: (gain: Int, evidence: Int, fit: Int, p: Int)?
            for p in index.programmes.indices {
                var gain = 0, fit = 0
                for (i, item) in items.enumerated() where !covered[i] {
                    if let candidate = item.candidates.first(where: { $0.programme == p }) {
                        gain += item.weight
                        fit += candidate.fit
                    }
                }
                guard gain > 0 else { continue }
                let score = (gain: gain, evidence: index.programmes[p].evidenceRank, fit: fit, p: p)
                if let current = best {
                    let better = score.gain != current.gain ? score.gain > current.gain
                        : score.evidence != current.evidence ? score.evidence > current.evidence
                        : score.fit != current.fit ? score.fit > current.fit : score.p < current.p
                    if better { best = score }
                } else {
                    best = score
                }
            }
            guard let chosen = best else { return rounds }
            let taken = items.indices.filter { !covered[$0] && items[$0].candidates.contains { $0.programme == chosen.p } }
            for i in taken { covered[i] = true }
            rounds.append((chosen.p, chosen.gain, taken))
        }
    }

    @Test("The cover's rounds equal a cover that sums every gain again each round, on 300 random sets of pairs")
    func coverRounds() throws {
        let bundled = try TestSupport.catalogue()
        let catalogue = Catalogue(programmes: RandomProgrammes.make(count: 120, seed: 23, vocabulary: bundled.vocabulary),
                                  requirements: bundled.requirements, vocabulary: bundled.vocabulary)
        let index = PlannerIndex(catalogue: catalogue)
        var random = TestRandom(seed: 0xC0FE)
        var rounds = 0
        for _ in 0..<300 {
            let items = (0..<random.int(in: 0...14)).map { _ -> WeightedSetCover.Item in
                let r = random.int(in: 0...(index.requirements.count - 1))
                // Few candidates from a narrow band of programmes, so that lists overlap and tie.
                let band = Array(0..<random.int(in: 1...index.programmes.count))
                let candidates = random.pick(random.int(in: 0...min(12, band.count)), from: band)
                    .map { (programme: $0, fit: random.int(in: 0...11)) }
                var item = WeightedSetCover.Item(requirement: r, target: random.int(in: 0...3),
                                                 weight: [1, 4, 16, 64, 256][random.int(in: 0...4)], candidates: candidates)
                if random.chance(10), let first = candidates.first { item.completedBy = first.programme }
                return item
            }
            var cover = WeightedSetCover(items: items, index: index)
            cover.run()
            let main = cover.choices.filter { !$0.isCompletion }
            let expected = Self.referenceRounds(items, index)
            #expect(main.map(\.programme) == expected.map(\.0))
            #expect(main.map(\.gain) == expected.map(\.1))
            #expect(main.map(\.items) == expected.map(\.2))
            rounds += expected.count
        }
        #expect(rounds > 300, "the random sets need several rounds each")
    }

    @Test("The merged union of ascending lists is the sorted set union", arguments: 0..<200)
    func mergedUnion(seed: Int) {
        var random = TestRandom(seed: UInt64(seed))
        let pool = Array(Int32(0)..<Int32(60))
        let a = random.pick(random.int(in: 0...30), from: pool), b = random.pick(random.int(in: 0...30), from: pool)
        #expect(Planner.mergedUnion(a, b) == Set(a + b).sorted())
        #expect(Planner.mergedUnion(a, b) == Planner.mergedUnion(b, a))
    }

    @Test("An id list kept as positions reads, compares, hashes and writes JSON as its array of strings")
    func idList() {
        var random = TestRandom(seed: 7)
        let alphabet = ["a", "z", "-", "9", "\"", "\\", "<", "é", "\u{2028}", "\u{1}", "中"]
        let ids = (0..<300).map { n in "p\(n)" + (0..<random.int(in: 0...6)).map { _ in random.element(of: alphabet) }.joined() }
        let table = ProgrammeIDTable(ids)
        for _ in 0..<50 {
            let positions = random.pick(random.int(in: 0...40), from: Array(Int32(0)..<Int32(ids.count)))
            let list = ProgrammeIDList(table: table, positions: positions)
            let strings = positions.map { ids[Int($0)] }
            #expect(Array(list) == strings)
            #expect(list == ProgrammeIDList(strings), "equal to a list of its own table")
            #expect(list.hashValue == ProgrammeIDList(strings).hashValue)
            #expect(list.utf8Count == strings.reduce(0) { $0 + $1.utf8.count })
            var fast = JSONStreamWriter(reservingCapacity: 16), plain = JSONStreamWriter(reservingCapacity: 16)
            fast.strings(list)
            plain.strings(strings)
            #expect(fast.takeBytes() == plain.takeBytes())
        }
        let literal: ProgrammeIDList = ["b", "a"]
        #expect(Array(literal) == ["b", "a"])
        #expect(literal != ["a", "b"])
    }
}
