import Foundation

/// Writes the placed sessions of a plan as an iCalendar (RFC 5545) calendar.
///
/// Each session is an all-day event (`DTSTART;VALUE=DATE`, `DTEND` the next day), so no time
/// zone is involved. UIDs derive from the profile id and the session id, never from chance;
/// `DTSTAMP` is the plan's as-of date at midnight UTC, never the wall clock — the same plan
/// always gives the same bytes.
struct PlanICSRenderer {
    let catalogue: Catalogue

    /// The UID of every session, by session id: `SESSION@PROFILE.leerlijn`.
    static func uids(_ plan: Plan) -> [String: String] {
        var uids: [String: String] = [:]
        for session in plan.sessions { uids[session.id] = "\(session.id)@\(plan.profile.id).leerlijn" }
        return uids
    }

    func render(_ plan: Plan) -> [UInt8] {
        var writer = ICSContentWriter()
        let escape = ICSContentWriter.escapeText
        let uids = Self.uids(plan)
        writer.line("BEGIN", "VCALENDAR")
        writer.line("VERSION", "2.0")
        writer.line("PRODID", "-//Leerlijn//Leerlijn planner plan format 1//EN")
        writer.line("CALSCALE", "GREGORIAN")
        writer.line("METHOD", "PUBLISH")
        writer.line("X-WR-CALNAME", escape("Leerlijn: \(plan.profile.name)"))
        let stamp = ICSContentWriter.date(plan.asOf) + "T000000Z"
        for session in plan.sessions {
            let programme = catalogue.programme(id: session.programmeID)
            let title = programme?.title.nl ?? session.programmeID
            let target = plan.target(id: session.targetID)?.label ?? session.targetID
            var summary = "\(session.isRefresher ? "Refresher: " : "")\(title) — \(target)"
            if session.parts > 1 { summary += " (\(session.part)/\(session.parts))" }
            var description = "Programme: \(session.programmeID)"
            if let programme, programme.title.en != programme.title.nl { description += " (\(programme.title.en))" }
            description += "\nParticipants: \(session.participants) (\(target))"
            description += "\nObligations: \(session.requirementIDs.joined(separator: ", "))"
            if let choice = plan.choices.first(where: { $0.programmeID == session.programmeID }) {
                description += "\nWhy: \(choice.rationale)"
            }
            writer.line("BEGIN", "VEVENT")
            writer.line("UID", escape(uids[session.id] ?? session.id))
            writer.line("DTSTAMP", stamp)
            writer.line("DTSTART;VALUE=DATE", ICSContentWriter.date(session.date))
            writer.line("DTEND;VALUE=DATE", ICSContentWriter.date(session.date.adding(days: 1)))
            writer.line("SUMMARY", escape(summary))
            writer.line("DESCRIPTION", escape(description))
            writer.line("CATEGORIES", escape(PlanTextRenderer.kind(plan.target(id: session.targetID))))
            writer.line("TRANSP", "TRANSPARENT")
            writer.line("END", "VEVENT")
        }
        writer.line("END", "VCALENDAR")
        return writer.bytes
    }
}
