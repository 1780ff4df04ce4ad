/// How a coverage status is drawn: a colour, a symbol and a word, so the matrix reads in
/// greyscale and for colour-blind readers as well as in colour.
struct PlanStatusStyle {
    let status: CoverageStatus
    /// Fill colour (a presentation attribute, not an inline style: the page's CSP allows
    /// stylesheets only from its own origin).
    let fill: String
    let symbol: String
    let label: String

    static func of(_ status: CoverageStatus) -> PlanStatusStyle {
        switch status {
        case .covered: return .init(status: status, fill: "#1e7b34", symbol: "✓", label: "covered")
        case .toVerify: return .init(status: status, fill: "#8a5a00", symbol: "?", label: "to verify")
        case .gap: return .init(status: status, fill: "#b3261e", symbol: "✗", label: "gap")
        case .organisationalMeasure: return .init(status: status, fill: "#4a4a9c", symbol: "◆", label: "organisational measure")
        case .notApplicable: return .init(status: status, fill: "#6b6b6b", symbol: "–", label: "not applicable")
        }
    }

    static let all: [PlanStatusStyle] = CoverageStatus.allCases.map(of)
}
