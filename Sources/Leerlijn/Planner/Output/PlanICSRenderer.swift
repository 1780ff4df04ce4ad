import Foundation

/// Writes a plan as an iCalendar (RFC 5545) calendar that calendar clients can subscribe to.
///
/// Each placed session (refreshers included) is an all-day event (`DTSTART;VALUE=DATE`,
/// `DTEND` the next day), so no time zone is involved, with a `VALARM` reminder
/// ``reminderDays`` days before it. What the organisation must still act on — gaps,
/// organisational measures and sessions that could not be placed — is a `VTODO`, with a `DUE`
/// date where the plan has one (the day an obligation comes into force inside the period).
/// A plan with nothing to schedule still gets one `VTODO`, because RFC 5545's grammar requires
/// at least one component. UIDs derive from the profile id and the item's id, never from
/// chance; `DTSTAMP` is the plan's as-of date at midnight UTC, never the wall clock — the same
/// plan always gives the same bytes.
struct PlanICSRenderer {
    let catalogue: Catalogue
    /// Days before a session that its reminder fires; 0 or less writes no reminder.
    var reminderDays: Int = PlanRenderer.defaultReminderDays

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
            if reminderDays > 0 {
                writer.line("BEGIN", "VALARM")
                writer.line("ACTION", "DISPLAY")
                writer.line("TRIGGER", "-P\(reminderDays)D")
                writer.line("DESCRIPTION", escape("In \(reminderDays) day\(reminderDays == 1 ? "" : "s"): \(summary)"))
                writer.line("END", "VALARM")
            }
            writer.line("END", "VEVENT")
        }
        let todos = PlanCalendarTodos(plan: plan, catalogue: catalogue).items
        for todo in todos {
            writer.line("BEGIN", "VTODO")
            writer.line("UID", escape("\(todo.id)@\(plan.profile.id).leerlijn"))
            writer.line("DTSTAMP", stamp)
            if let due = todo.due { writer.line("DUE;VALUE=DATE", ICSContentWriter.date(due)) }
            writer.line("SUMMARY", escape(todo.summary))
            writer.line("DESCRIPTION", escape(todo.description))
            writer.line("CATEGORIES", escape(todo.category))
            writer.line("STATUS", "NEEDS-ACTION")
            writer.line("END", "VTODO")
        }
        writer.line("END", "VCALENDAR")
        return writer.bytes
    }
}
