import ArgumentParser
import Leerlijn

/// The query filters, shared by `leerlijn query` and `leerlijn export`.
public struct QueryFilterOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Learner age the programme's range must contain (0–25).")
    public var age: String?
    @Option(parsing: .unconditional, help: "Learner ages A-B the programme's range must overlap.")
    public var ages: String?
    @Flag(help: "With --age/--ages: only ages the factsheet states, not ages derived from the education level.")
    public var statedAgesOnly = false
    @Option(help: "Audience (children, parents, professionals, volunteers, general-public).")
    public var audience: [String] = []
    @Option(help: "Sector (education, childcare, healthcare, sport, justice …).")
    public var sector: [String] = []
    @Option(help: "Role (teacher, coach, prosecutor, judge …).")
    public var role: [String] = []
    @Option(help: "Topic (online-safety, sexting, reporting-code …).")
    public var topic: [String] = []
    @Flag(help: "Require every --topic instead of any.")
    public var allTopics = false
    @Option(help: "Language, BCP 47 (nl, en, tr …).")
    public var language: [String] = []
    @Option(help: "Delivery format (classroom, e-learning, theatre …).")
    public var format: [String] = []
    @Option(help: "Education level (primary, secondary, special-education …).")
    public var level: [String] = []
    @Option(help: "Provider name (case- and accent-insensitive).")
    public var provider: [String] = []
    @Option(help: "Lanzarote recommendation id (VIII-2, X-4 …).")
    public var recommendation: [String] = []
    @Option(help: "Accessibility feature that must be present (special-needs …).")
    public var accessibility: [String] = []
    @Flag(help: "Only peer-led programmes.")
    public var peerLed = false
    @Option(help: "Lowest evidence level (not-assessed, promising-practice, …).")
    public var minEvidence: String?
    @Flag(help: "Include programmes that have ended.")
    public var includeEnded = false
    @Option(help: "Apply validity dates as of this day (YYYY-MM-DD).")
    public var asOf: String?
    @Option(help: "Free text over titles and summaries (nl and en), accent-insensitive.")
    public var text: String?

    public init() {}

    public var input: QueryFilterInput {
        var input = QueryFilterInput()
        input.age = age
        input.ages = ages
        input.statedAgesOnly = statedAgesOnly
        input.audiences = audience
        input.sectors = sector
        input.roles = role
        input.topics = topic
        input.allTopics = allTopics
        input.languages = language
        input.formats = format
        input.educationLevels = level
        input.providers = provider
        input.recommendations = recommendation
        input.accessibility = accessibility
        input.peerLed = peerLed
        input.minimumEvidence = minEvidence
        input.includeEnded = includeEnded
        input.asOf = asOf
        input.text = text
        return input
    }


    /// Whether any filter is set.
    public var isEmpty: Bool { input == QueryFilterInput() }
}
