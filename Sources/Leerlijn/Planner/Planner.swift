/// Turns an organisation profile into a ``Plan``: applicable obligations, candidate
/// programmes, a deterministic choice with rationale, gaps, and dated sessions.
///
/// The planner indexes the catalogue once (``PlannerIndex``) and then plans any number of
/// profiles; it is a `Sendable` value, so plans can be made in parallel. The steps, each
/// documented on its own type:
/// 1. targets — staff roles, learner groups and parents (``PlanTarget``);
/// 2. applicability by dates, sector, roles, audiences, ages and declared special needs
///    (`Applicability.swift`);
/// 3. candidates per obligation and target, with age fit (`CandidateMatcher.swift`);
/// 4. completed trainings, which cover what they can meet until their refresh is due;
/// 5. the weighted set cover and its completion pass (`WeightedSetCover.swift`);
/// 6. scheduling (`SessionScheduler.swift`).
public struct Planner: Sendable {
    /// The indexed catalogue.
    public let index: PlannerIndex

    /// Creates a planner for `catalogue`, indexing it once.
    public init(catalogue: Catalogue) {
        index = PlannerIndex(catalogue: catalogue)
    }

    /// Creates a planner from an existing index.
    public init(index: PlannerIndex) {
        self.index = index
    }

    /// Plans for a validated profile.
    ///
    /// - Parameters:
    ///   - profile: A profile that passed ``ProfileValidator``.
    ///   - asOf: The reference date; sessions are placed from the later of it and the
    ///     period's start. Defaults to the period's start.
    /// - Returns: The plan.
    public func plan(for profile: OrganisationProfile, asOf: CalendarDate? = nil) -> Plan {
        let context = PlanningContext(index: index, profile: profile)
        let asOf = asOf ?? profile.periodStart
        var excluded: [ExcludedObligation] = []
        var warnings: [Int: String] = [:]
        var items: [WeightedSetCover.Item] = []
        var applicable: [Int] = []
        var contextObligations: [ContextObligation] = []
        var lists: [[(programme: Int, fit: Int)]] = []
        for (r, requirement) in index.requirements.enumerated() where context.sectorApplies(requirement) {
            guard requirement.isPlanTarget else {
                if case .applies = context.dateStatus(requirement) {
                    contextObligations.append(contextObligation(r))
                }
                continue
            }
            let bound = context.targets.indices.filter { context.binds(requirement, target: $0) }
            guard !bound.isEmpty else { continue }
            switch context.dateStatus(requirement) {
            case .excluded(let reason):
                excluded.append(ExcludedObligation(requirementID: index.requirementIDs[r], reason: reason))
                continue
            case .applies(let warning):
                if let warning { warnings[r] = warning }
            }
            applicable.append(r)
            // Programme by programme, each entry read once for all the targets it binds, into
            // lists reused from obligation to obligation; each item keeps an exact copy (at
            // 100,000 programmes, lists reserved for every static candidate would be most of
            // the plan's memory).
            while lists.count < bound.count { lists.append([]) }
            for k in bound.indices { lists[k].removeAll(keepingCapacity: true) }
            for p in requirement.candidates where context.available[p] && context.languageFits[p] {
                let entry = index.programmes[p]
                for k in bound.indices {
                    if let fit = context.fit(entry, requirement: requirement, target: bound[k]) { lists[k].append((p, fit)) }
                }
            }
            for (k, t) in bound.enumerated() {
                items.append(.init(requirement: r, target: t, weight: requirement.weight, candidates: Array(lists[k][...])))
            }
        }
        var notes: [String] = []
        let completed = applyCompleted(context, &items, &notes)
        var cover = WeightedSetCover(items: items, index: index)
        cover.run()
        var plan = Plan(profile: profile, asOf: asOf, targets: context.targets, obligations: [], excluded: excluded,
                        choices: [], completed: completed.coverage, gaps: [], sessions: [], unplaced: [], notes: [])
        var reasons: [Int: GapReason] = [:]
        for (offset, item) in cover.items.enumerated() where item.assigned.isEmpty && item.completedBy == nil {
            reasons[offset] = context.gapReason(requirement: index.requirements[item.requirement],
                                                requirementIndex: item.requirement, target: item.target)
        }
        plan.obligations = obligations(context, cover.items, applicable, warnings, reasons)
        plan.gaps = gaps(context, cover.items, reasons)
        plan.verifications = verifications(context, cover.items)
        plan.context = contextObligations
        plan.choices = choices(context, cover)
        schedule(context, cover, completed.refreshers, asOf: asOf, into: &plan)
        for r in applicable { if let warning = warnings[r] { notes.append("\(index.requirementIDs[r]): \(warning)") } }
        notes += languageNotes(context, plan.choices)
        plan.notes = notes
        return plan
    }

    private func obligations(_ context: PlanningContext, _ items: [WeightedSetCover.Item], _ applicable: [Int],
                             _ warnings: [Int: String], _ reasons: [Int: GapReason]) -> [PlannedObligation] {
        var byRequirement = [[Int]](repeating: [], count: index.requirements.count)
        for (offset, item) in items.enumerated() { byRequirement[item.requirement].append(offset) }
        let ids = index.programmeIDs
        return applicable.map { r in
            let targets = byRequirement[r].map { i -> TargetCoverage in
                let item = items[i]
                let (status, missing) = self.status(of: item, gap: reasons[i])
                return TargetCoverage(targetID: context.targets[item.target].id, coveredBy: item.assigned.map { ids[$0] },
                                      completedBy: item.completedBy.map { ids[$0] }, gap: reasons[i],
                                      status: status, missing: missing)
            }
            // The union of the targets' candidate lists, each ascending: merged, not marked in
            // a table of every programme.
            var union: [Int32] = []
            for i in byRequirement[r] {
                union = Self.mergedUnion(union, items[i].candidates.lazy.map { Int32(truncatingIfNeeded: $0.programme) })
            }
            return PlannedObligation(requirementID: index.requirementIDs[r], strength: index.requirementStrengths[r],
                                     warning: warnings[r], targets: targets,
                                     candidates: ProgrammeIDList(table: ids, positions: union),
                                     binds: index.catalogue.requirements[r].binds)
        }
    }

    /// The ascending union, without repeats, of two ascending lists.
    static func mergedUnion<C: Collection>(_ a: [Int32], _ b: C) -> [Int32] where C.Element == Int32 {
        if a.isEmpty { return Array(b) }
        var result: [Int32] = []
        result.reserveCapacity(a.count + b.count)
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex, j < b.endIndex {
            let x = a[i], y = b[j]
            if x <= y { result.append(x); i += 1 } else { result.append(y) }
            if y <= x { j = b.index(after: j) }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    /// Covered only when a completed training, or a chosen programme with evidence for every
    /// needed property, meets the pair; a chosen programme without that evidence is to verify.
    private func status(of item: WeightedSetCover.Item, gap: GapReason?) -> (CoverageStatus, [String]) {
        if let gap { return (gap == .organisationalMeasure ? .organisationalMeasure : .gap, []) }
        if item.completedBy != nil { return (.covered, []) }
        var firstMissing: [String]?
        for programme in item.assigned {
            let missing = index.missingEvidence(programme: programme, requirement: item.requirement)
            if missing.isEmpty { return (.covered, []) }
            if firstMissing == nil { firstMissing = missing }
        }
        return (.toVerify, firstMissing ?? [])
    }

    private func verifications(_ context: PlanningContext, _ items: [WeightedSetCover.Item]) -> [PlanVerification] {
        var result: [PlanVerification] = []
        for item in items where item.completedBy == nil {
            guard let programme = item.assigned.first else { continue }
            let missing = index.missingEvidence(programme: programme, requirement: item.requirement)
            if missing.isEmpty || item.assigned.contains(where: {
                index.missingEvidence(programme: $0, requirement: item.requirement).isEmpty
            }) { continue }
            let id = index.requirementIDs[item.requirement], targetID = context.targets[item.target].id
            let programmeID = index.programmeIDs[programme]
            if let last = result.last, last.requirementID == id, last.programmeID == programmeID, last.missing == missing {
                result[result.count - 1].targetIDs.append(targetID)
            } else {
                result.append(PlanVerification(requirementID: id, strength: index.requirementStrengths[item.requirement],
                                               targetIDs: [targetID], programmeID: programmeID, missing: missing))
            }
        }
        return result
    }

    private func contextObligation(_ r: Int) -> ContextObligation {
        let requirement = index.catalogue.requirements[r]
        let whom = requirement.binds.rawValue == "state" ? "the State (the Netherlands)" : "a sector and its bodies"
        let ask = requirement.strength.rawValue == "law" || requirement.strength.rawValue == "agreement"
            ? "It binds \(whom)" : "The Committee \(requirement.strength.rawValue)s the Netherlands"
        return ContextObligation(requirementID: requirement.id, strength: requirement.strength, binds: requirement.binds,
                                 text: ask + ": " + requirement.title.en + ". No organisation meets it by taking a course; shown as context.")
    }

    private func gaps(_ context: PlanningContext, _ items: [WeightedSetCover.Item],
                      _ reasons: [Int: GapReason]) -> [PlanGap] {
        var gaps: [PlanGap] = []
        for (offset, item) in items.enumerated() {
            guard let reason = reasons[offset] else { continue }
            let id = index.requirementIDs[item.requirement], targetID = context.targets[item.target].id
            if let last = gaps.last, last.requirementID == id, last.reason == reason {
                gaps[gaps.count - 1].targetIDs.append(targetID)
            } else {
                gaps.append(PlanGap(requirementID: id, strength: index.requirementStrengths[item.requirement],
                                    targetIDs: [targetID], reason: reason))
            }
        }
        return gaps
    }

    private func languageNotes(_ context: PlanningContext, _ choices: [ProgrammeChoice]) -> [String] {
        guard !context.profile.languages.isEmpty else { return [] }
        return choices.compactMap { choice in
            guard let programme = index.catalogue.programme(id: choice.programmeID), programme.languages.isEmpty else {
                return nil
            }
            return "\(choice.programmeID): the catalogue states no language; check it is offered in "
                + context.profile.languages.joined(separator: " or ")
        }
    }
}

