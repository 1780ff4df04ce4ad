/// The sessions of a plan as an SVG month timeline: one column per month of the plan's
/// period, a bar (coloured by the stylesheet) as tall as the month's session count, the count written on it, and each
/// session a `<title>`d tick at its day.
struct PlanTimelineSVG {
    let plan: Plan

    static let column = 64, chartHeight = 120, top = 24, bottom = 40, perSession = 12
    /// The CSS class of a month's bar: the stylesheet colours it for the light and the dark
    /// scheme (without it the bar is drawn in the text colour).
    static let barClass = "timeline-bar"

    /// The months of the period (first day of each), in order; at most 60.
    var months: [CalendarDate] {
        let start = plan.profile.periodStart, end = plan.profile.periodEnd
        var months: [CalendarDate] = []
        var month = CalendarDate(year: start.year, month: start.month, day: 1) ?? start
        while month <= end, months.count < 60 {
            months.append(month)
            month = month.adding(months: 1)
        }
        return months
    }

    func write(into html: inout HTMLWriter) {
        let months = months
        let width = max(1, months.count) * Self.column + 16
        let height = Self.top + Self.chartHeight + Self.bottom
        let baseline = Self.top + Self.chartHeight
        html.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"),
                          ("width", String(width)), ("height", String(height)), ("role", "img"),
                          ("aria-labelledby", "timeline-title"), ("font-family", "system-ui, sans-serif"), ("font-size", "12")])
        html.newline()
        html.element("title", "Sessions per month, \(plan.profile.periodStart) to \(plan.profile.periodEnd)",
                     [("id", "timeline-title")])
        html.newline()
        for (index, month) in months.enumerated() {
            let sessions = plan.sessions.filter { $0.date.year == month.year && $0.date.month == month.month }
            let x = 8 + index * Self.column
            let barHeight = min(Self.chartHeight, sessions.count * Self.perSession)
            html.open("g")
            html.element("title", "\(Self.monthName(month)): \(sessions.count) session\(sessions.count == 1 ? "" : "s")")
            html.void("line", [("x1", String(x)), ("y1", String(baseline)), ("x2", String(x + Self.column - 4)),
                               ("y2", String(baseline)), ("stroke", "currentColor")])
            if barHeight > 0 {
                html.void("rect", [("x", String(x + 8)), ("y", String(baseline - barHeight)), ("width", String(Self.column - 20)),
                                   ("height", String(barHeight)), ("class", Self.barClass),
                                   ("fill", "currentColor")])
            }
            html.element("text", String(sessions.count), [("x", String(x + Self.column / 2 - 2)),
                                                          ("y", String(baseline - barHeight - 4)), ("text-anchor", "middle"),
                                                          ("fill", "currentColor")])
            html.element("text", Self.monthName(month), [("x", String(x + Self.column / 2 - 2)), ("y", String(baseline + 16)),
                                                         ("text-anchor", "middle"), ("fill", "currentColor")])
            html.element("text", String(month.year), [("x", String(x + Self.column / 2 - 2)), ("y", String(baseline + 32)),
                                                      ("text-anchor", "middle"), ("fill", "currentColor"), ("font-size", "10")])
            html.close("g")
            html.newline()
        }
        html.close("svg")
        html.newline()
    }

    static func monthName(_ date: CalendarDate) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[max(0, min(11, date.month - 1))]
    }
}
