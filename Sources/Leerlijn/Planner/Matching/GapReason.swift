/// Why nothing in the catalogue meets an obligation for a target: the first filter that left
/// no programme.
public enum GapReason: Sendable, Hashable, CustomStringConvertible {
    /// No programme covers the needed topics for the needed audiences.
    case noTopic(topics: [String], allTopics: Bool, audiences: [String])
    /// None has the needed accessibility features.
    case noAccessibility([String])
    /// None is peer-led.
    case noPeerLed
    /// Candidates exist but none runs in the period (ended or outside its dates).
    case notAvailable
    /// None addresses the target's audience.
    case noAudience(String)
    /// None is meant for the organisation's sector.
    case noSector(String)
    /// None trains the target's role.
    case noRole(String)
    /// None fits the learners' ages (by age range, or by education level without one).
    case noAgeFit(ages: String, levels: [String])
    /// None is offered in the profile's languages.
    case noLanguage([String])
    /// Programmes cover the topics, but none is delivered as the obligation needs (a hotline
    /// or a website is no training).
    case noDelivery(kinds: [String], formats: [String])
    /// An organisational measure (a certificate, a code, an appointment) that no programme meets.
    case organisationalMeasure

    /// A sentence for the plan.
    public var description: String {
        switch self {
        case .noTopic(let topics, let all, let audiences):
            let list = topics.joined(separator: all ? " and " : " or ")
            return "no programme in the catalogue covers \(list)"
                + (audiences.isEmpty ? "" : " for \(audiences.joined(separator: " or "))")
        case .noAccessibility(let features):
            return "no programme marked \(features.joined(separator: " and "))"
        case .noPeerLed: return "no peer-led programme covers it"
        case .notAvailable: return "the programmes that would cover it have ended or do not run in the period"
        case .noAudience(let audience): return "no matching programme addresses \(audience)"
        case .noSector(let sector): return "no matching programme is meant for the \(sector) sector"
        case .noRole(let role): return "no matching programme trains the role \(role)"
        case .noAgeFit(let ages, let levels):
            return "no matching programme for ages \(ages)"
                + (levels.isEmpty ? "" : " (by age range, or by education level \(levels.joined(separator: "/")))")
        case .noLanguage(let languages):
            return "no matching programme is offered in \(languages.joined(separator: " or "))"
        case .noDelivery(let kinds, let formats):
            return "programmes cover the topics, but none is a \(kinds.joined(separator: ", "))"
                + (formats.isEmpty ? "" : " or is given as \(formats.joined(separator: ", "))")
        case .organisationalMeasure:
            return "an organisational measure for the organisation itself to arrange; no programme meets it"
        }
    }
}
