/// Writes a plan as a readable summary: the organisation, a coverage table, the choices with
/// their rationale, gaps, sessions, unplaced sessions and notes.
struct PlanTextRenderer {
    let catalogue: Catalogue

    /// `staff`, `learners` or `parents`.
    static func kind(_ target: PlanTarget?) -> String {
        switch target?.kind {
        case .staff: return "staff"
        case .learners: return "learners"
        case .parents: return "parents"
        case nil: return "unknown"
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
    }

    private func status(_ obligation: PlannedObligation) -> (String, String) {
        let total = obligation.targets.count
        let gaps = obligation.targets.filter { $0.gap != nil }.count
        var programmes: [String] = []
        for coverage in obligation.targets {
            for id in coverage.coveredBy + (coverage.completedBy.map { [$0 + " (completed)"] } ?? [])
                where !programmes.contains(id) { programmes.append(id) }
        }
        let state: String
        switch obligation.status {
        case .covered: state = "covered"
        case .organisationalMeasure: state = "measure"
        case .notApplicable: state = "n/a"
        case .toVerify: state = "to verify"
        case .gap: state = gaps == total ? "GAP" : "GAP \(gaps)/\(total)"
        }
        return (state, programmes.isEmpty ? "—" : programmes.joined(separator: ", "))
    }

    func render(_ plan: Plan) -> String {
        let profile = plan.profile
        var out = "Training plan: \(profile.name) (\(profile.kind.rawValue), sector \(profile.sector))\n"
        out += "Period \(profile.periodStart) to \(profile.periodEnd), as of \(plan.asOf)\n"
        out += "Targets: " + plan.targets.map { target in
            switch target.kind {
            case .staff: return "\(target.label) ×\(target.headcount)"
            case .learners: return "\(target.label) (ages \(target.ages?.description ?? "?"), \(target.headcount))"
            case .parents: return "parents (\(target.headcount))"
            }
        }.joined(separator: ", ") + "\n\n"
        let covered = plan.obligations.filter(\.isCovered).count
        let verify = plan.obligations.filter { $0.status == .toVerify }.count
        let measures = plan.obligations.filter { $0.status == .organisationalMeasure }.count
        out += "Coverage: \(covered) of \(plan.obligations.count) applicable obligations covered"
            + " (\(verify) to verify, \(measures) organisational measure\(measures == 1 ? "" : "s"))\n"
        out += "Covered means a chosen or completed programme shows every property the obligation needs;"
            + " to verify means the catalogue lacks evidence for one (named below).\n"
        let width = max(12, (plan.obligations.map(\.requirementID.count).max() ?? 0) + 2)
        out += Self.pad("obligation", width) + Self.pad("strength", 11) + Self.pad("targets", 9)
            + Self.pad("status", 14) + "met by\n"
        for obligation in plan.obligations {
            let (state, by) = status(obligation)
            out += Self.pad(obligation.requirementID, width) + Self.pad(obligation.strength.rawValue, 11)
                + Self.pad(String(obligation.targets.count), 9) + Self.pad(state, 14) + by + "\n"
        }
        if !plan.excluded.isEmpty {
            out += "\nNot applicable in this period\n"
            for entry in plan.excluded { out += "  - \(entry.requirementID): \(entry.reason)\n" }
        }
        out += "\nChosen programmes\n"
        if plan.choices.isEmpty { out += "  (none)\n" }
        for choice in plan.choices {
            let title = catalogue.programme(id: choice.programmeID).map { "\($0.title.nl) (\($0.title.en))" } ?? ""
            out += "  \(choice.rank). \(choice.programmeID) — \(title)\n     \(choice.rationale)\n"
        }
        if !plan.completed.isEmpty {
            out += "\nCompleted trainings\n"
            for entry in plan.completed {
                out += "  - \(entry.training.programmeID) (\(entry.training.role?.rawValue ?? "all staff"), "
                    + "\(entry.training.date)): \(entry.status)\n"
            }
        }
        let gaps = plan.gaps.filter { $0.reason != .organisationalMeasure }
        let measureGaps = plan.gaps.filter { $0.reason == .organisationalMeasure }
        out += "\nGaps\n"
        if gaps.isEmpty { out += "  (none)\n" }
        for gap in gaps {
            out += "  - \(gap.requirementID) (\(gap.strength)) for \(gap.targetIDs.joined(separator: ", ")): \(gap.reason)\n"
        }
        if !measureGaps.isEmpty {
            out += "\nOrganisational measures (for the organisation to arrange; no programme meets them)\n"
            for gap in measureGaps {
                out += "  - \(gap.requirementID) (\(gap.strength)) for \(gap.targetIDs.joined(separator: ", "))\n"
            }
        }
        out += "\nTo verify\n"
        if plan.verifications.isEmpty { out += "  (none)\n" }
        for item in plan.verifications {
            out += "  - \(item.requirementID) (\(item.strength)) for \(item.targetIDs.joined(separator: ", ")) by "
                + "\(item.programmeID): the catalogue does not show " + item.missing.joined(separator: "; ") + "\n"
        }
        if !plan.context.isEmpty {
            out += "\nContext (binds the State or a sector body; not a target of this plan)\n"
            for item in plan.context { out += "  - \(item.requirementID) (\(item.strength)): \(item.text)\n" }
        }
        out += "\nSessions (\(plan.sessions.count))\n"
        for session in plan.sessions {
            let weekday = String(Weekday.name(session.date.isoWeekday).prefix(3))
            let label = plan.target(id: session.targetID)?.label ?? session.targetID
            out += "  \(session.date) \(weekday)  \(session.isRefresher ? "refresher " : "")\(session.programmeID) — "
                + "\(label) \(session.part)/\(session.parts), \(session.participants) participant\(session.participants == 1 ? "" : "s")\n"
        }
        if !plan.unplaced.isEmpty {
            out += "\nNot placed (\(plan.unplaced.map(\.sessions).reduce(0, +)) sessions)\n"
            for session in plan.unplaced {
                let more = session.sessions == 1 ? "" : " and \(session.sessions - 1) more of its parts"
                out += "  - \(session.id)\(more): \(session.reason)\n"
            }
        }
        if !plan.notes.isEmpty {
            out += "\nNotes\n"
            for note in plan.notes { out += "  - \(note)\n" }
        }
        return out
    }
}
