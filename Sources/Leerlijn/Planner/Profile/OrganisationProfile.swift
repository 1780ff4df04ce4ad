/// An organisation described once by its coordinator: the input of the planner.
///
/// A profile names the organisation's sector and kind, its staff roles with headcounts, its
/// learner groups (for schools and childcare), special needs and languages, the planning
/// period with the blackout periods the organisation gives (holidays are never invented by
/// Leerlijn), scheduling constraints, and trainings already completed. Profiles are read from
/// XML (`profile.xsd`) or JSON (`profile.schema.json`) by ``ProfileLoader`` and are always
/// checked by ``ProfileValidator`` before planning.
public struct OrganisationProfile: Sendable, Hashable {
    /// A lower-case slug that identifies the profile; it seeds stable calendar UIDs.
    public var id: String
    /// The organisation's name.
    public var name: String
    /// What kind of organisation it is.
    public var kind: ProfileKind
    /// The sector it works in.
    public var sector: Sector
    /// Staff roles with headcounts.
    public var roles: [StaffRole]
    /// Learner groups with ages and sizes (empty for organisations without learners).
    public var learnerGroups: [LearnerGroup]
    /// Accessibility features the organisation's learners need (`special-needs` …).
    public var specialNeeds: [AccessibilityFeature]
    /// Languages (BCP 47) programmes should be offered in; empty means any.
    public var languages: [String]
    /// The first day of the planning period.
    public var periodStart: CalendarDate
    /// The last day of the planning period, inclusive.
    public var periodEnd: CalendarDate
    /// Periods without sessions (holidays and the like, as the profile's author gives them).
    public var blackouts: [BlackoutPeriod]
    /// When and how sessions may be held.
    public var constraints: SchedulingConstraints
    /// Trainings staff have already completed.
    public var completedTrainings: [CompletedTraining]

    /// Creates a profile; run ``ProfileValidator`` before planning with it.
    public init(id: String, name: String, kind: ProfileKind, sector: Sector, roles: [StaffRole],
                learnerGroups: [LearnerGroup] = [], specialNeeds: [AccessibilityFeature] = [],
                languages: [String] = [], periodStart: CalendarDate, periodEnd: CalendarDate,
                blackouts: [BlackoutPeriod] = [], constraints: SchedulingConstraints,
                completedTrainings: [CompletedTraining] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.sector = sector
        self.roles = roles
        self.learnerGroups = learnerGroups
        self.specialNeeds = specialNeeds
        self.languages = languages
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.blackouts = blackouts
        self.constraints = constraints
        self.completedTrainings = completedTrainings
    }

    /// Whether the organisation has learners (schools, childcare): then children's and
    /// parents' obligations can bind it.
    public var hasLearners: Bool { !learnerGroups.isEmpty }
}
