/// The formats a plan can be written in.
public enum PlanOutputFormat: String, Sendable, CaseIterable {
    /// JSON with sorted keys, valid against `plan.schema.json`.
    case json
    /// XML valid against `plan.xsd` (`urn:leerlijn:plan:1`).
    case xml
    /// iCalendar (RFC 5545): one all-day event with a reminder per placed session, and a to-do
    /// per gap, organisational measure and unplaced session.
    case ics
    /// CSV (RFC 4180): one row per session, unplaced session, gap and completed training.
    case csv
    /// A readable summary with a coverage table.
    case text
    /// An HTML report: the coverage as an SVG matrix, the sessions as an SVG month timeline,
    /// gaps, organisational measures and items to verify as lists.
    case html
}

/// Renders plans in every ``PlanOutputFormat``.
public enum PlanRenderer {
    /// Days before a session that its calendar reminder fires, unless the caller says otherwise.
    public static let defaultReminderDays = 7

    /// The bytes of `plan` in `format`.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - format: The output format.
    ///   - catalogue: The catalogue planned against (for titles).
    ///   - reminderDays: For iCalendar: days before each session that its `VALARM` fires;
    ///     0 writes no reminders. Other formats ignore it.
    /// - Returns: UTF-8 bytes; the same plan always gives the same bytes.
    public static func render(_ plan: Plan, as format: PlanOutputFormat, catalogue: Catalogue,
                              reminderDays: Int = defaultReminderDays) -> [UInt8] {
        switch format {
        case .json: return PlanJSONRenderer(catalogue: catalogue).render(plan)
        case .xml: return PlanXMLRenderer(catalogue: catalogue).render(plan)
        case .ics: return PlanICSRenderer(catalogue: catalogue, reminderDays: reminderDays).render(plan)
        case .csv: return PlanCSVRenderer(catalogue: catalogue).render(plan)
        case .text: return Array(PlanTextRenderer(catalogue: catalogue).render(plan).utf8)
        case .html: return PlanHTMLRenderer(catalogue: catalogue).render(plan)
        }
    }
}
