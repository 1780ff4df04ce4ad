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
        // Each programme's (item, fit) pairs in one flat table, programme by programme (items in
        // order within each): two arrays instead of one small array per programme.
        let programmeCount = index.programmes.count
        var start = [Int](repeating: 0, count: programmeCount + 1)
        for item in items where item.completedBy == nil {
            for candidate in item.candidates { start[candidate.programme + 1] += 1 }
        }
        for p in 0..<programmeCount { start[p + 1] += start[p] }
        var entryItem = [Int32](repeating: 0, count: start[programmeCount])
        var entryFit = [Int32](repeating: 0, count: start[programmeCount])
        var next = start
        for (offset, item) in items.enumerated() where item.completedBy == nil {
            for candidate in item.candidates {
                let at = next[candidate.programme]
                entryItem[at] = Int32(offset)
                // Fits are small sums of ranks (see PlanningContext.fit); clamped, never wrapped.
                entryFit[at] = Int32(clamping: candidate.fit)
                next[candidate.programme] = at + 1
            }
        }
        let weights = items.map(\.weight)
        var covered = items.map { $0.completedBy != nil || $0.candidates.isEmpty }
        // The programmes that can still add something, ascending. A programme's gain only falls
        // as pairs are covered, so one that adds nothing in a round never adds anything again
        // and leaves the list: later rounds look only at candidates, not at every programme.
        var live = (0..<programmeCount).filter { start[$0] < start[$0 + 1] }
        while true {
            var best: (gain: Int, p: Int, fit: Int)?
            var kept = 0
            for position in live.indices {
                let p = live[position]
                var gain = 0, fit = 0
                for at in start[p]..<start[p + 1] where !covered[Int(entryItem[at])] {
                    gain += weights[Int(entryItem[at])]
                    fit += Int(entryFit[at])
                }
                guard gain > 0 else { continue }
                live[kept] = p
                kept += 1
                let score = (gain: gain, p: p, fit: fit)
                if best.map({ better(score, than: $0) }) ?? true { best = score }
            }
            live.removeLast(live.count - kept)
            guard let chosen = best else { break }
            var taken: [Int] = []
            for at in start[chosen.p]..<start[chosen.p + 1] where !covered[Int(entryItem[at])] {
                let item = Int(entryItem[at])
                covered[item] = true
                items[item].assigned.append(chosen.p)
                taken.append(item)
            }
            choices.append(Choice(programme: chosen.p, gain: chosen.gain, items: taken, completionItems: [],
                                  isCompletion: false))
        }
        complete()
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
            let taken = binding.filter { i in items[i].candidates.contains { $0.programme == chosen.p } && gain(chosen.p, i) > 0 }
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
