/// The coverage of a plan as an SVG matrix: obligations (rows) × targets (columns).
///
/// Each cell is the status of one obligation for one target: a square coloured by the
/// stylesheet for its status class (light and dark schemes, see ``PlanStatusStyle``) with the
/// status's symbol on it and a `<title>` in words; a target the obligation does not bind, and
/// every obligation excluded for the period, is "not applicable". A legend under the matrix
/// shows every status with its colour, symbol and word. Sizes are integers, so the same plan
/// always gives the same bytes.
struct PlanCoverageSVG {
    let plan: Plan

    static let cell = 28, rowHeader = 260, columnHeader = 120, legendRow = 24

    /// The status of every (obligation, target) pair, in plan order; excluded obligations last.
    var rows: [(id: String, statuses: [CoverageStatus])] {
        var rows = plan.obligations.map { obligation in
            (id: obligation.requirementID, statuses: plan.targets.map { target in
                obligation.targets.first { $0.targetID == target.id }?.status ?? .notApplicable
            })
        }
        rows += plan.excluded.map { (id: $0.requirementID, statuses: plan.targets.map { _ in CoverageStatus.notApplicable }) }
        return rows
    }

    func write(into html: inout HTMLWriter) {
        let rows = rows
        let width = Self.rowHeader + max(1, plan.targets.count) * Self.cell + 16
        let legendTop = Self.columnHeader + rows.count * Self.cell + 24
        let height = legendTop + PlanStatusStyle.all.count * Self.legendRow + 8
        html.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"),
                          ("width", String(width)), ("height", String(height)), ("role", "img"),
                          ("aria-labelledby", "coverage-title coverage-desc"), ("font-family", "system-ui, sans-serif"),
                          ("font-size", "12")])
        html.newline()
        html.element("title", "Coverage: obligations by target", [("id", "coverage-title")])
        html.element("desc", "Each square is the status of one obligation for one target: "
                     + PlanStatusStyle.all.map { "\($0.symbol) \($0.label)" }.joined(separator: ", ") + ".",
                     [("id", "coverage-desc")])
        html.newline()
        for (column, target) in plan.targets.enumerated() {
            let x = Self.rowHeader + column * Self.cell + Self.cell / 2
            html.element("text", target.label, [("transform", "translate(\(x),\(Self.columnHeader - 6)) rotate(-60)"),
                                                ("fill", "currentColor")])
            html.newline()
        }
        for (index, row) in rows.enumerated() {
            let y = Self.columnHeader + index * Self.cell
            html.element("text", row.id, [("x", String(Self.rowHeader - 8)), ("y", String(y + 18)), ("text-anchor", "end"),
                                          ("fill", "currentColor")])
            for (column, status) in row.statuses.enumerated() {
                let style = PlanStatusStyle.of(status)
                let x = Self.rowHeader + column * Self.cell
                html.open("g")
                html.element("title", "\(row.id) × \(plan.targets[column].label): \(style.label)")
                html.void("rect", [("x", String(x + 1)), ("y", String(y + 1)), ("width", String(Self.cell - 2)),
                                   ("height", String(Self.cell - 2))] + style.squareAttributes)
                html.element("text", style.symbol, [("x", String(x + Self.cell / 2)), ("y", String(y + 19)),
                                                    ("font-size", "15")] + PlanStatusStyle.symbolAttributes)
                html.close("g")
            }
            html.newline()
        }
        for (index, style) in PlanStatusStyle.all.enumerated() {
            let y = legendTop + index * Self.legendRow
            html.void("rect", [("x", "8"), ("y", String(y)), ("width", "20"), ("height", "20")] + style.squareAttributes)
            html.element("text", style.symbol, [("x", "18"), ("y", String(y + 15)), ("font-size", "14")]
                         + PlanStatusStyle.symbolAttributes)
            html.element("text", style.label, [("x", "36"), ("y", String(y + 15)), ("fill", "currentColor")])
            html.newline()
        }
        html.close("svg")
        html.newline()
    }
}
