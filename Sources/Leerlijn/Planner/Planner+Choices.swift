/// The chosen programmes and the facts that explain each choice.
extension Planner {
    func choices(_ context: PlanningContext, _ cover: WeightedSetCover) -> [ProgrammeChoice] {
        let items = cover.items
        return cover.choices.enumerated().map { offset, choice in
            var all = choice.items.map { ($0, false) } + choice.completionItems.map { ($0, true) }
            all.sort { (items[$0.0].requirement, items[$0.0].target) < (items[$1.0].requirement, items[$1.0].target) }
            var learners: [Int] = [], staffRoles: [Role] = []
            let covers = all.map { i, isCompletion -> ProgrammeChoice.Coverage in
                let item = items[i], target = context.targets[item.target]
                if target.isLearners, !learners.contains(item.target) { learners.append(item.target) }
                if let role = target.role, !staffRoles.contains(role) { staffRoles.append(role) }
                return .init(requirementID: index.requirementIDs[item.requirement],
                             strength: index.requirementStrengths[item.requirement], targetID: target.id,
                             targetLabel: target.label,
                             completion: isCompletion ? completionDetail(item, programme: choice.programme) : nil)
            }
            let programme = index.catalogue.programme(at: choice.programme)
            let reachesLearners = !learners.isEmpty
            let explanation = ProgrammeChoice.Explanation(
                gain: choice.gain, evidence: programme.evidence, ages: reachesLearners ? programme.ageRange : nil,
                levels: reachesLearners ? programme.educationLevels : [],
                learnerLabels: learners.sorted().map { context.targets[$0].label },
                namedRoles: programme.roles.filter { staffRoles.contains($0) },
                namedSector: !staffRoles.isEmpty && programme.sectors.contains(context.profile.sector)
                    ? context.profile.sector : nil)
            return ProgrammeChoice(programmeID: index.programmeIDs[choice.programme], rank: offset + 1, covers: covers,
                                   reason: choice.isCompletion ? "completion" : "set-cover", explanation: explanation)
        }
    }

    private func completionDetail(_ item: WeightedSetCover.Item, programme p: Int) -> String {
        let requirement = index.catalogue.requirements[item.requirement]
        let programme = index.catalogue.programme(at: p)
        let earlier = item.assigned.prefix { $0 != p }.map(index.catalogue.programme(at:))
        let added = requirement.needs.topics.filter { topic in
            programme.topics.contains(topic) && !earlier.contains { $0.topics.contains(topic) }
        }
        var bits: [String] = []
        if !added.isEmpty { bits.append("adds topics " + added.map(\.rawValue).joined(separator: ", ")) }
        let named = programme.recommendations.filter { requirement.recommendations.contains($0) }
        if !named.isEmpty { bits.append("named in the catalogue as answering " + named.joined(separator: ", ")) }
        return bits.joined(separator: ", ")
    }
}
