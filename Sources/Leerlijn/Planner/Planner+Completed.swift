/// Completed trainings: what they still cover, and the refreshers they call for.
///
/// A completed training covers every obligation–target pair of the staff role it names (or
/// of every staff role) that its programme could meet, until its refresh falls due. The
/// catalogue states no refresh intervals, so without the profile's `refreshMonths` it covers
/// the whole period and the plan says "no refresh interval known" instead of inventing one.
/// A refresh due on or before the period's start means it no longer counts.
extension Planner {
    struct CompletedResult {
        var coverage: [CompletedCoverage] = []
        var refreshers: [(programme: Int, target: Int, due: CalendarDate, requirements: [Int])] = []
    }

    func applyCompleted(_ context: PlanningContext, _ items: inout [WeightedSetCover.Item],
                        _ notes: inout [String]) -> CompletedResult {
        var result = CompletedResult()
        let profile = context.profile
        for training in profile.completedTrainings {
            guard let p = index.programmeIDs.position(of: training.programmeID) else { continue }
            let due = training.refreshDue
            if let due, due <= profile.periodStart {
                result.coverage.append(CompletedCoverage(
                    training: training, covers: [],
                    status: "refresh overdue since \(due); not counted, so the obligations it met are planned again"))
                continue
            }
            var requirements = Set<Int>()
            var perTarget: [Int: [Int]] = [:]
            for i in items.indices where items[i].completedBy == nil {
                let t = items[i].target
                guard let role = context.targets[t].role, training.role == nil || training.role == role,
                      items[i].candidates.contains(where: { $0.programme == p }) else { continue }
                items[i].completedBy = p
                requirements.insert(items[i].requirement)
                perTarget[t, default: []].append(items[i].requirement)
            }
            let status: String
            if requirements.isEmpty {
                status = "meets no obligation that applies to this profile"
            } else if let due {
                if due > profile.periodEnd {
                    status = "covers the whole period; refresher due on \(due), after the period"
                } else {
                    status = "covers until \(due); refresher sessions planned from that date"
                    for (t, reqs) in perTarget.sorted(by: { $0.key < $1.key }) {
                        result.refreshers.append((p, t, due, reqs))
                    }
                }
            } else {
                status = "no refresh interval known; counted as covering the whole period"
            }
            result.coverage.append(CompletedCoverage(
                training: training, covers: requirements.sorted().map { index.requirementIDs[$0] }, status: status))
        }
        return result
    }
}
