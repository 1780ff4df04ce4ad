/// One bound on a count, size, interval or date that an input format accepts.
///
/// A limit names what it bounds, the field where the value is written, the accepted range and
/// why the bound is where it is. ``Limits`` holds every limit once; the validators, the
/// planner, the published schemas (a test compares them) and the README table all use it.
public struct Limit: Sendable, Hashable, CustomStringConvertible {
    /// What is bounded, in words (`staff in one role`).
    public let what: String
    /// The field that holds the value, as the formats name it (`headcount`).
    public let field: String
    /// The accepted values.
    public let range: ClosedRange<Int>
    /// Why the bound is where it is.
    public let why: String

    /// Whether `value` lies within the limit.
    public func accepts(_ value: Int) -> Bool { range.contains(value) }

    /// `lower–upper`.
    public var description: String { "\(range.lowerBound)–\(range.upperBound)" }

    /// "is over the limit of N" or "is under the minimum of N", for a value outside the range.
    public func complaint(_ value: Int) -> String {
        value > range.upperBound
            ? "\(value) is over the limit of \(range.upperBound) (\(what))"
            : "\(value) is under the minimum of \(range.lowerBound) (\(what))"
    }
}

/// Every limit of the profile and catalogue formats, stated once.
///
/// Values past a limit are refused (exit 65) with file, position, field, value and bound;
/// within the limits, no arithmetic on input can overflow and a plan's size stays bounded:
/// at most ``sessionsPerPlan`` dated sessions, and one summarised "not placed" entry per
/// programme and target instead of one line per session that did not fit.
public enum Limits {
    /// Staff holding one role.
    public static let headcount = Limit(
        what: "staff in one role", field: "headcount", range: 0...100_000,
        why: "above the largest Dutch employers' staff in one role; keeps session counts and sums far from overflow")
    /// Learners in one group.
    public static let groupSize = Limit(
        what: "learners in one group", field: "size", range: 0...10_000,
        why: "a year group of the largest school community; the parents' target is the sum of at most 26 groups")
    /// Staff roles in one profile.
    public static let roles = Limit(
        what: "staff roles in one profile", field: "roles", range: 0...100,
        why: "each role appears once and the role vocabulary is far smaller")
    /// Learner groups in one profile.
    public static let learnerGroups = Limit(
        what: "learner groups in one profile", field: "learnerGroups", range: 0...26,
        why: "groups may not share an age and learner ages are 0–25")
    /// Learner ages.
    public static let age = Limit(
        what: "learner age in years", field: "minAge/maxAge", range: 0...25,
        why: "the catalogue's learner ages (children and young adults)")
    /// Blackout periods in one profile.
    public static let blackouts = Limit(
        what: "blackout periods in one profile", field: "blackouts", range: 0...400,
        why: "more than one a day for a year; marking them costs blackouts × period days")
    /// Completed trainings in one profile.
    public static let completedTrainings = Limit(
        what: "completed trainings in one profile", field: "completedTrainings", range: 0...1_000,
        why: "each is matched against every obligation and target")
    /// Languages in one profile.
    public static let languages = Limit(
        what: "languages in one profile", field: "languages", range: 0...50, why: "a list for people to read")
    /// Special needs in one profile.
    public static let specialNeeds = Limit(
        what: "special needs in one profile", field: "specialNeeds", range: 0...50,
        why: "the accessibility vocabulary is far smaller")
    /// Allowed weekdays.
    public static let weekdays = Limit(
        what: "allowed weekdays", field: "allowedWeekdays", range: 1...7, why: "a week has seven days, each named once")
    /// Sessions in one ISO week.
    public static let sessionsPerWeek = Limit(
        what: "sessions in one week", field: "maxSessionsPerWeek", range: 1...168,
        why: "one-hour sessions around the clock on every day of the week")
    /// Participants in one session.
    public static let sessionCapacity = Limit(
        what: "participants in one session", field: "sessionCapacity", range: 1...1_000,
        why: "a lecture hall; larger audiences are several sessions")
    /// Training hours per day.
    public static let hoursPerDay = Limit(
        what: "training hours per day", field: "hoursPerDay", range: 1...24, why: "a day has 24 hours")
    /// Hours per session.
    public static let sessionHours = Limit(
        what: "hours per session", field: "sessionHours", range: 1...24, why: "a session fits in one day")
    /// Months after which a completed training is refreshed.
    public static let refreshMonths = Limit(
        what: "refresh interval in months", field: "refreshMonths", range: 1...120,
        why: "ten years, the longest period planned; longer intervals never fall due in a plan")
    /// Days between a planning period's first and last day.
    public static let periodDays = Limit(
        what: "days from the period's start to its end", field: "period", range: 0...3_660,
        why: "plan at most ten years at a time; the calendar holds one entry per day")
    /// Years of every date in a profile or catalogue.
    public static let year = Limit(
        what: "year of a date", field: "YYYY", range: 1900...2199,
        why: "training records and plans of living people; dates stay four-digit and day counts small")
    /// Ranks in ranked vocabularies (evidence, strength).
    public static let vocabularyRank = Limit(
        what: "rank of a vocabulary term", field: "term@rank", range: 0...9,
        why: "a strength weighs 4 to the power of its distance from the top rank; 4⁹ keeps sums far from overflow")
    /// Footnote numbers of sources.
    public static let footnote = Limit(
        what: "footnote number of a source", field: "source@footnote", range: 1...9_999,
        why: "the reference document has a few hundred footnotes")
    /// Dated sessions in one plan.
    public static let sessionsPerPlan = Limit(
        what: "dated sessions in one plan", field: "sessions", range: 0...20_000,
        why: "bounds a plan's size; the rest is reported, summarised, as not placed")
    /// Diagnostics of one kind that are printed.
    public static let diagnosticsPerKind = Limit(
        what: "problems of one kind reported", field: "diagnostics", range: 0...20,
        why: "the rest are counted in one line, so a hostile file cannot flood the terminal")
    /// Bytes of a profile file.
    public static let profileBytes = Limit(
        what: "bytes of a profile file", field: "file", range: 1...(16 * 1024 * 1024),
        why: "a profile is a page of text; read whole into memory")
    /// Characters of an id.
    public static let idLength = Limit(
        what: "characters of an id", field: "id", range: 1...80, why: "ids become file names and calendar UIDs")
    /// Characters of a name.
    public static let nameLength = Limit(
        what: "characters of a name", field: "name", range: 1...400, why: "a name fits on a line of a plan")

    /// Every limit, in the order of the README table.
    public static let all: [Limit] = [
        headcount, groupSize, roles, learnerGroups, age, blackouts, completedTrainings, languages, specialNeeds,
        weekdays, sessionsPerWeek, sessionCapacity, hoursPerDay, sessionHours, refreshMonths, periodDays, year,
        vocabularyRank, footnote, sessionsPerPlan, diagnosticsPerKind, profileBytes, idLength, nameLength,
    ]

    /// The first and last dates accepted anywhere.
    public static var dates: ClosedRange<CalendarDate> {
        CalendarDate(unchecked: year.range.lowerBound, 1, 1)...CalendarDate(unchecked: year.range.upperBound, 12, 31)
    }
}
