/// The deterministic greedy weighted set cover that chooses programmes.
///
/// The universe is every obligation–target pair that applies, is not met by a completed
/// training, and has at least one candidate; a pair weighs its obligation's strength weight
/// (law 256, require 64, request 16, agreement 4, invite 1: stronger obligations dominate).
/// Each round picks the programme whose uncovered pairs weigh most; ties go to the higher
/// evidence rank, then the better summed age fit, then the smaller id. Rounds stop when no
/// programme adds anything. Greedy set cover is within a factor ln(n) of the smallest cover
/// and, unlike an exact search, fast and explainable round by round.
///
/// A **completion pass** follows for binding obligations (law, require, request) whose topic
/// match is `any`: one programme suffices to meet them, but a plan that can also teach their
/// other listed topics should, and a programme the catalogue names as answering the
/// obligation's Committee recommendation belongs with it. Each candidate's gain is the number
/// of new needed topics it brings plus one for a named answer when the pair has none yet,
/// summed over pairs; the same tie-breaks apply. This is how a prosecution office gets both SSR courses.
struct WeightedSetCover {
    struct Item {
        let requirement: Int
        let target: Int
        let weight: Int
        /// Ascending by programme (the obligation's static candidates, filtered in order).
        let candidates: [(programme: Int, fit: Int)]
        var assigned: [Int] = []
        var completedBy: Int?
    }

    struct Choice {
        let programme: Int
        let gain: Int
        var items: [Int]
        var completionItems: [Int]
        let isCompletion: Bool
    }

    var items: [Item]
    let index: PlannerIndex
    private(set) var choices: [Choice] = []

    init(items: [Item], index: PlannerIndex) {
        self.items = items
        self.index = index
    }

    private func better(_ a: (gain: Int, p: Int, fit: Int), than b: (gain: Int, p: Int, fit: Int)) -> Bool {
        if a.gain != b.gain { return a.gain > b.gain }
        let ea = index.programmes[a.p].evidenceRank, eb = index.programmes[b.p].evidenceRank
        if ea != eb { return ea > eb }
        if a.fit != b.fit { return a.fit > b.fit }
        return a.p < b.p
    }

    mutating func run() {
        // Each programme's gain (the weights of the uncovered pairs it can meet) and fit, summed
        // once from the pairs' candidate lists; covering a pair takes its weight and fits off
        // its candidates again, so a round costs a scan of the sums, not of every list.
        let programmeCount = index.programmes.count
        var gains = [Int](repeating: 0, count: programmeCount)
        var fits = [Int](repeating: 0, count: programmeCount)
        var covered = items.map { $0.completedBy != nil || $0.candidates.isEmpty }
        for (offset, item) in items.enumerated() where !covered[offset] {
            for candidate in item.candidates {
                gains[candidate.programme] += item.weight
                fits[candidate.programme] += candidate.fit
            }
        }
        // The programmes that can still add something, ascending. A programme's gain only falls
        // as pairs are covered, so one that adds nothing in a round never adds anything again
        // and leaves the list: later rounds look only at candidates, not at every programme.
        var live = (0..<programmeCount).filter { gains[$0] > 0 }
        while true {
            var best: (gain: Int, p: Int, fit: Int)?
            var kept = 0
            for position in live.indices {
                let p = live[position], gain = gains[p]
                guard gain > 0 else { continue }
                live[kept] = p
                kept += 1
                let score = (gain: gain, p: p, fit: fits[p])
                if best.map({ better(score, than: $0) }) ?? true { best = score }
            }
            live.removeLast(live.count - kept)
            guard let chosen = best else { break }
            // The uncovered pairs the chosen programme can meet (its candidate lists are ascending).
            let taken = items.indices.filter { !covered[$0] && Self.contains(items[$0].candidates, chosen.p) }
            for item in taken {
                covered[item] = true
                items[item].assigned.append(chosen.p)
                let weight = items[item].weight
                for candidate in items[item].candidates {
                    gains[candidate.programme] -= weight
                    fits[candidate.programme] -= candidate.fit
                }
            }
            choices.append(Choice(programme: chosen.p, gain: chosen.gain, items: taken, completionItems: [],
                                  isCompletion: false))
        }
        complete()
    }

    /// Whether `candidates` (ascending by programme) holds programme `p`: a binary search.
    static func contains(_ candidates: [(programme: Int, fit: Int)], _ p: Int) -> Bool {
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle].programme < p { low = middle + 1 } else { high = middle }
        }
        return low < candidates.count && candidates[low].programme == p
    }

    /// The completion pass for binding obligations (see the type's documentation).
    private mutating func complete() {
        let binding = items.indices.filter { i in
            let r = index.requirements[items[i].requirement]
            return r.isBinding && !r.allTopics && items[i].completedBy == nil && !items[i].assigned.isEmpty
        }
        guard !binding.isEmpty else { return }
        // Per obligation, which of the catalogue's recommendation lists name its recommendation
        // (compared once here, not once per candidate and round).
        // Indexed by requirement; left empty (names nothing) for those no binding pair has.
        var named = [[Bool]](repeating: [], count: index.requirements.count)
        for i in binding where named[items[i].requirement].isEmpty {
            let wanted = index.requirementRecommendations[items[i].requirement]
            named[items[i].requirement] = index.recommendationSets.map { set in set.contains { wanted.contains($0) } }
        }
        /// Whether recommendation list `set` names requirement `r`'s recommendation.
        func names(_ r: Int, _ set: Int) -> Bool { named[r].indices.contains(set) && named[r][set] }
        func isNamed(_ q: Int, _ i: Int) -> Bool { names(items[i].requirement, index.programmes[q].recommendationSet) }
        func gain(_ p: Int, _ i: Int) -> Int {
            let item = items[i], r = index.requirements[item.requirement]
            guard !item.assigned.contains(p) else { return 0 }
            var taught: UInt64 = 0
            for q in item.assigned { taught |= index.programmes[q].topics }
            let added = index.programmes[p].topics & r.needsTopics & ~taught
            // One named answer per obligation: once a programme the catalogue names for the
            // recommendation is assigned, another named one adds nothing (with many equivalent
            // programmes, every round would otherwise add one more).
            let named = isNamed(p, i) && !item.assigned.contains { isNamed($0, i) }
            return added.nonzeroBitCount + (named ? 1 : 0)
        }
        // Summed gains and fits per programme, reset after each round through `touched`.
        var totalGain = [Int](repeating: 0, count: index.programmes.count)
        var totalFit = [Int](repeating: 0, count: index.programmes.count)
        var touched: [Int] = []
        while true {
            for i in binding {
                // What the pair already has, once per round (`gain` for each candidate, unrolled).
                let item = items[i], r = index.requirements[item.requirement]
                var taught: UInt64 = 0, hasNamed = false
                for q in item.assigned {
                    taught |= index.programmes[q].topics
                    if names(item.requirement, index.programmes[q].recommendationSet) { hasNamed = true }
                }
                for candidate in item.candidates {
                    let p = candidate.programme, entry = index.programmes[p]
                    let added = (entry.topics & r.needsTopics & ~taught).nonzeroBitCount
                    let g = added + (!hasNamed && names(item.requirement, entry.recommendationSet) ? 1 : 0)
                    guard g > 0, !item.assigned.contains(p) else { continue }
                    if totalGain[p] == 0 { touched.append(p) }
                    totalGain[p] += g
                    totalFit[p] += candidate.fit
                }
            }
            var best: (gain: Int, p: Int, fit: Int)?
            for p in touched {
                let score = (gain: totalGain[p], p: p, fit: totalFit[p])
                if best.map({ better(score, than: $0) }) ?? true { best = score }
                totalGain[p] = 0
                totalFit[p] = 0
            }
            touched.removeAll(keepingCapacity: true)
            guard let chosen = best else { return }
            let taken = binding.filter { i in Self.contains(items[i].candidates, chosen.p) && gain(chosen.p, i) > 0 }
            for i in taken { items[i].assigned.append(chosen.p) }
            if let existing = choices.firstIndex(where: { $0.programme == chosen.p }) {
                choices[existing].completionItems += taken
            } else {
                choices.append(Choice(programme: chosen.p, gain: chosen.gain, items: [], completionItems: taken,
                                      isCompletion: true))
            }
        }
    }
}
