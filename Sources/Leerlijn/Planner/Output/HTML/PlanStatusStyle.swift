/// How a coverage status is drawn: a colour, a symbol and a word, so the matrix reads in
/// greyscale and for colour-blind readers as well as in colour.
///
/// The colour is not in the SVG: a status square carries the class ``className`` and the
/// published stylesheet (``StyleSheet``) fills it, with one value for the light and one for the
/// dark colour scheme, and colours the symbol on it (``symbolClass``) to keep AA contrast in
/// both. Without the stylesheet the square is an outline in the text colour with the symbol in
/// the text colour, still readable.
struct PlanStatusStyle {
    let status: CoverageStatus
    /// The CSS class of the status square (`status-covered`, …).
    let className: String
    let symbol: String
    let label: String

    /// The CSS class of the symbol drawn on a status square.
    static let symbolClass = "status-symbol"

    static func of(_ status: CoverageStatus) -> PlanStatusStyle {
        switch status {
        case .covered: return .init(status: status, className: "status-covered", symbol: "✓", label: "covered")
        case .toVerify: return .init(status: status, className: "status-verify", symbol: "?", label: "to verify")
        case .gap: return .init(status: status, className: "status-gap", symbol: "✗", label: "gap")
        case .organisationalMeasure:
            return .init(status: status, className: "status-organisational", symbol: "◆", label: "organisational measure")
        case .notApplicable: return .init(status: status, className: "status-na", symbol: "–", label: "not applicable")
        }
    }

    static let all: [PlanStatusStyle] = CoverageStatus.allCases.map(of)

    /// The attributes of a status square: its classes, and an outline in the text colour as the
    /// fallback for a reader without the stylesheet (CSS overrides presentation attributes).
    var squareAttributes: [(StaticString, String)] {
        [("class", "status " + className), ("fill", "none"), ("stroke", "currentColor")]
    }

    /// The attributes of the symbol on a status square (the stylesheet colours it).
    static var symbolAttributes: [(StaticString, String)] {
        [("class", symbolClass), ("fill", "currentColor"), ("text-anchor", "middle")]
    }
}
