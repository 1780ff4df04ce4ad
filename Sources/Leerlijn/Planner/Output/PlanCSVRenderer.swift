/// Writes a plan as CSV through ``CSVWriter``: one row per session, unplaced session, gap,
/// organisational measure, item to verify, context obligation and completed training, so one sheet shows everything a coordinator must act on.
struct PlanCSVRenderer {
    let catalogue: Catalogue

    static let header = ["kind", "date", "weekday", "target", "programme", "title", "part", "participants",
                         "obligations", "note"]

    func render(_ plan: Plan) -> [UInt8] {
        var csv = CSVWriter(header: Self.header)
        func title(_ id: String) -> String { catalogue.programme(id: id)?.title.nl ?? "" }
        for session in plan.sessions {
            csv.appendRow([session.isRefresher ? "refresher" : "session", session.date.description,
                           Weekday.name(session.date.isoWeekday), session.targetID, session.programmeID,
                           title(session.programmeID), "\(session.part)/\(session.parts)", String(session.participants),
                           session.requirementIDs.joined(separator: " "), ""])
        }
        for session in plan.unplaced {
            let parts = session.sessions == 1 ? "\(session.part)" : "\(session.part)-\(session.part + session.sessions - 1)"
            csv.appendRow(["unplaced", "", "", session.targetID, session.programmeID, title(session.programmeID), parts,
                           String(session.participants), "", session.reason])
        }
        for gap in plan.gaps {
            csv.appendRow([gap.reason == .organisationalMeasure ? "organisational-measure" : "gap", "", "", gap.targetIDs.joined(separator: " "), "", "", "", "", gap.requirementID,
                           "\(gap.strength): \(gap.reason)"])
        }
        for item in plan.verifications {
            csv.appendRow(["to-verify", "", "", item.targetIDs.joined(separator: " "), item.programmeID, title(item.programmeID),
                           "", "", item.requirementID, "\(item.strength): the catalogue does not show " + item.missing.joined(separator: "; ")])
        }
        for item in plan.context {
            csv.appendRow(["context", "", "", "", "", "", "", "", item.requirementID, "\(item.strength): \(item.text)"])
        }
        for entry in plan.completed {
            csv.appendRow(["completed", entry.training.date.description, "", entry.training.role?.rawValue ?? "all staff",
                           entry.training.programmeID, title(entry.training.programmeID), "", "",
                           entry.covers.joined(separator: " "), entry.status])
        }
        return csv.bytes
    }
}
