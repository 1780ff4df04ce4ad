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
        var byProgramme = [[(item: Int, fit: Int)]](repeating: [], count: index.programmes.count)
        for (offset, item) in items.enumerated() where item.completedBy == nil {
            for candidate in item.candidates { byProgramme[candidate.programme].append((offset, candidate.fit)) }
        }
        var covered = items.map { $0.completedBy != nil || $0.candidates.isEmpty }
        while true {
            var best: (gain: Int, p: Int, fit: Int)?
            for p in byProgramme.indices where !byProgramme[p].isEmpty {
                var gain = 0, fit = 0
                for entry in byProgramme[p] where !covered[entry.item] {
                    gain += items[entry.item].weight
                    fit += entry.fit
                }
                guard gain > 0 else { continue }
                let score = (gain: gain, p: p, fit: fit)
                if best.map({ better(score, than: $0) }) ?? true { best = score }
            }
            guard let chosen = best else { break }
            var taken: [Int] = []
            for entry in byProgramme[chosen.p] where !covered[entry.item] {
                covered[entry.item] = true
                items[entry.item].assigned.append(chosen.p)
                taken.append(entry.item)
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
        func gain(_ p: Int, _ i: Int) -> Int {
            let item = items[i], r = index.requirements[item.requirement]
            let wanted = index.requirementRecommendations[item.requirement]
            guard !item.assigned.contains(p) else { return 0 }
            var taught: UInt64 = 0
            for q in item.assigned { taught |= index.programmes[q].topics }
            let added = index.programmes[p].topics & r.needsTopics & ~taught
            // One named answer per obligation: once a programme the catalogue names for the
            // recommendation is assigned, another named one adds nothing (with many equivalent
            // programmes, every round would otherwise add one more).
            func isNamed(_ q: Int) -> Bool {
                index.recommendationSets[index.programmes[q].recommendationSet].contains { wanted.contains($0) }
            }
            let named = isNamed(p) && !item.assigned.contains(where: isNamed)
            return added.nonzeroBitCount + (named ? 1 : 0)
        }
        while true {
            var totals: [Int: (gain: Int, fit: Int)] = [:]
            for i in binding {
                for candidate in items[i].candidates {
                    let g = gain(candidate.programme, i)
                    guard g > 0 else { continue }
                    let old = totals[candidate.programme] ?? (0, 0)
                    totals[candidate.programme] = (old.gain + g, old.fit + candidate.fit)
                }
            }
            var best: (gain: Int, p: Int, fit: Int)?
            for (p, total) in totals {
                let score = (gain: total.gain, p: p, fit: total.fit)
                if best.map({ better(score, than: $0) }) ?? true { best = score }
            }
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
