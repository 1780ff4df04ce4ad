/// One staff role of an organisation and how many people hold it.
public struct StaffRole: Sendable, Hashable {
    /// The role, from the catalogue vocabulary.
    public var role: Role
    /// How many people hold it (0 is allowed: the role exists but is vacant).
    public var headcount: Int
    /// `professionals` (paid staff, the default) or `volunteers`.
    public var audience: Audience

    /// Creates a staff role.
    public init(role: Role, headcount: Int, audience: Audience = Audience("professionals")) {
        self.role = role
        self.headcount = headcount
        self.audience = audience
    }
}

/// A group of learners of the same ages (a class, a year group, a childcare group).
public struct LearnerGroup: Sendable, Hashable {
    /// A slug that identifies the group within the profile (`groep-1`).
    public var id: String
    /// A display name (`Groep 1`).
    public var name: String
    /// The learners' ages; groups of one profile never overlap.
    public var ages: AgeRange
    /// The number of learners.
    public var size: Int
    /// The education level; defaults to the profile kind's level.
    public var level: EducationLevel?

    /// Creates a learner group.
    public init(id: String, name: String, ages: AgeRange, size: Int, level: EducationLevel? = nil) {
        self.id = id
        self.name = name
        self.ages = ages
        self.size = size
        self.level = level
    }
}

/// A period without sessions: a holiday or any other break, as the profile's author gives it.
public struct BlackoutPeriod: Sendable, Hashable {
    /// A label (`autumn break`).
    public var name: String
    /// The first day, inclusive.
    public var start: CalendarDate
    /// The last day, inclusive.
    public var end: CalendarDate

    /// Creates a blackout period.
    public init(name: String, start: CalendarDate, end: CalendarDate) {
        self.name = name
        self.start = start
        self.end = end
    }

    /// Whether `date` falls inside the period.
    public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }
}

/// When and how sessions may be held.
public struct SchedulingConstraints: Sendable, Hashable {
    /// ISO weekdays (1 = Monday … 7 = Sunday) on which sessions may be held.
    public var allowedWeekdays: [Int]
    /// The most sessions in one ISO week (Monday to Sunday).
    public var maxSessionsPerWeek: Int
    /// The most participants in one session; larger groups get several sessions.
    public var sessionCapacity: Int
    /// Training hours available per day.
    public var hoursPerDay: Int
    /// The length of one session in hours.
    public var sessionHours: Int

    /// Creates constraints.
    public init(allowedWeekdays: [Int], maxSessionsPerWeek: Int, sessionCapacity: Int,
                hoursPerDay: Int, sessionHours: Int = 2) {
        self.allowedWeekdays = allowedWeekdays
        self.maxSessionsPerWeek = maxSessionsPerWeek
        self.sessionCapacity = sessionCapacity
        self.hoursPerDay = hoursPerDay
        self.sessionHours = sessionHours
    }

    /// How many sessions fit in one day.
    public var sessionsPerDay: Int { sessionHours > 0 ? hoursPerDay / sessionHours : 0 }
}

/// A training staff have already completed.
public struct CompletedTraining: Sendable, Hashable {
    /// The catalogue programme completed.
    public var programmeID: String
    /// The role that completed it; `nil` means every staff role.
    public var role: Role?
    /// When it was completed.
    public var date: CalendarDate
    /// After how many months it must be refreshed, when the profile's author knows; the
    /// catalogue states no refresh intervals, so Leerlijn never assumes one.
    public var refreshMonths: Int?

    /// Creates a completed training.
    public init(programmeID: String, role: Role? = nil, date: CalendarDate, refreshMonths: Int? = nil) {
        self.programmeID = programmeID
        self.role = role
        self.date = date
        self.refreshMonths = refreshMonths
    }

    /// The day the refresher falls due, when an interval is known.
    public var refreshDue: CalendarDate? { refreshMonths.map { date.adding(months: $0) } }
}

/// ISO weekday names used in profiles.
public enum Weekday {
    /// `monday` … `sunday`, index 0 = Monday.
    public static let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The ISO number (1–7) of a weekday name.
    public static func number(_ name: String) -> Int? { names.firstIndex(of: name).map { $0 + 1 } }

    /// The name of ISO weekday `number` (1–7).
    public static func name(_ number: Int) -> String {
        (1...7).contains(number) ? names[number - 1] : String(number)
    }
}
