/// How every human-readable output shows a value's basis: the same markers and wording on
/// the page, in the query table and in `query --explain`.
///
/// A stated value carries no marker; a derived value is followed by ``derivedMarker`` and
/// names its rule; our rendering of a title or summary is followed by ``renderedMarker``.
public enum BasisText {
    /// Follows a value derived by a rule (`4–12≈`).
    public static let derivedMarker = "≈"
    /// Follows a title or summary that is our own rendering (`Wonderfully Made†`).
    public static let renderedMarker = "†"

    /// The marker that follows a value with `basis`: empty for stated (or unknown).
    public static func marker(_ basis: Basis?) -> String {
        switch basis {
        case .derived?: derivedMarker
        case .rendered?: renderedMarker
        case .stated?, nil: ""
        }
    }

    /// Why a value of `programme` is there, in English, for `--explain`.
    ///
    /// `stated`, `rendered (our translation)`, `derived from education level primary (rule
    /// education-level-ages)` or `derived by rule RULE`.
    ///
    /// - Parameters:
    ///   - basis: The value's basis.
    ///   - programme: The programme, whose education levels an age rule names.
    /// - Returns: The phrase.
    public static func reason(_ basis: Basis, of programme: Programme) -> String {
        switch basis {
        case .stated: return "stated"
        case .rendered: return "rendered (our translation)"
        case .derived(let rule) where rule == Vocabulary.educationLevelAgesRule:
            let levels = programme.educationLevels.map(\.rawValue).joined(separator: "/")
            return "derived from education level \(levels) (rule \(rule))"
        case .derived(let rule): return "derived by rule \(rule)"
        }
    }

    /// The rules that derive any value of `programmes`, sorted by id.
    public static func rules(usedBy programmes: [Programme]) -> [String] {
        var rules = Set<String>()
        for programme in programmes {
            for entry in programme.provenance.all { if let rule = entry.basis.rule { rules.insert(rule) } }
        }
        return rules.sorted()
    }
}
