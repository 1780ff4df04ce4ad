/// A coordinator's question to the catalogue: filters that all must hold.
///
/// Within one filter the listed values are alternatives (any-of), except topics with
/// ``allTopics`` and accessibility features, which must all be present. Programmes without a
/// learner age never match an age filter; ages derived from the education level (rule
/// `education-level-ages`) match unless ``statedAgesOnly``. By default only active programmes match;
/// ``asOf`` also applies validity dates as of that day.
public struct CatalogueQuery: Sendable, Hashable {
    /// A learner age the programme's range must contain.
    public var age: Int?
    /// A span of learner ages the programme's range must overlap.
    public var ages: AgeRange?
    /// With ``age`` or ``ages``: match only ages the factsheet states, not ages derived from
    /// an education level (rule `education-level-ages`), which match by default.
    public var statedAgesOnly = false
    public var audiences: [Audience] = []
    public var sectors: [Sector] = []
    public var roles: [Role] = []
    public var topics: [Topic] = []
    /// Require every topic rather than any.
    public var allTopics = false
    /// BCP 47 tags, matched case-insensitively.
    public var languages: [String] = []
    public var formats: [DeliveryFormat] = []
    public var educationLevels: [EducationLevel] = []
    /// Provider names, matched case- and diacritic-insensitively as whole names.
    public var providers: [String] = []
    /// Committee recommendation ids (`VIII-2`).
    public var recommendations: [String] = []
    /// Accessibility features that must all be present.
    public var accessibility: [AccessibilityFeature] = []
    /// Only peer-led programmes.
    public var peerLedOnly = false
    /// The lowest evidence level accepted.
    public var minimumEvidence: EvidenceLevel?
    /// Include programmes that have ended.
    public var includeEnded = false
    /// Apply validity dates as of this day.
    public var asOf: CalendarDate?
    /// Free text over titles and summaries in both languages; every word must match.
    public var text: String?

    /// An empty query (every active programme).
    public init() {}

    /// Whether any filter is set besides status.
    public var isEmpty: Bool { self == CatalogueQuery() }
}

/// One programme a query found, with its relevance and, on request, why it matched.
public struct QueryMatch: Sendable, Hashable {
    /// The programme.
    public var programme: Programme
    /// The text relevance (0 without a text filter).
    public var score: Double
    /// One line per filter: which field matched which value.
    public var explanation: [String]
}
