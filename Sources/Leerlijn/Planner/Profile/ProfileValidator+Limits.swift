/// The checks of a profile against ``Limits``: list lengths, dates, scheduling constraints.
extension ProfileValidator {
    func checkCounts(_ profile: OrganisationProfile, _ locations: ProfileLocations, _ report: inout Report) {
        let counts: [(Limit, Int, String)] = [
            (Limits.roles, profile.roles.count, "roles"),
            (Limits.learnerGroups, profile.learnerGroups.count, "learnerGroups"),
            (Limits.blackouts, profile.blackouts.count, "blackouts"),
            (Limits.completedTrainings, profile.completedTrainings.count, "completedTrainings"),
            (Limits.languages, profile.languages.count, "languages"),
            (Limits.specialNeeds, profile.specialNeeds.count, "specialNeeds"),
        ]
        for (limit, count, name) in counts where !limit.accepts(count) {
            let location = locations.root
            let field = location.isJSON ? "$.\(name)" : name
            report.add(ProfileLocations.Location(line: location.line, column: location.column, path: field,
                                                 isJSON: location.isJSON),
                       "", String(count), "\(count) entries: " + limit.complaint(count))
        }
    }

    /// Every date lies in ``Limits/year``.
    func checkDates(_ profile: OrganisationProfile, _ locations: ProfileLocations, _ report: inout Report) {
        var dates: [(ProfileLocations.Location, String, CalendarDate)] = [
            (locations.field("period"), "start", profile.periodStart), (locations.field("period"), "end", profile.periodEnd),
        ]
        for (offset, blackout) in profile.blackouts.enumerated() {
            let location = locations.at(locations.blackouts, offset, fallback: "blackouts")
            dates += [(location, "start", blackout.start), (location, "end", blackout.end)]
        }
        for (offset, training) in profile.completedTrainings.enumerated() {
            dates.append((locations.at(locations.completed, offset, fallback: "completedTrainings"), "date", training.date))
        }
        for (location, field, date) in dates where !Limits.year.accepts(date.year) {
            report.add(location, field, date.description,
                       "\(field) \(date): the year is outside \(Limits.year) (\(Limits.year.why))")
        }
    }

    func checkConstraints(_ constraints: SchedulingConstraints, _ location: ProfileLocations.Location,
                          _ report: inout Report) {
        if constraints.allowedWeekdays.isEmpty {
            report.add(location, "allowedWeekdays", "", "no allowed weekday: sessions could never be placed")
        }
        var seen = Set<Int>()
        for day in constraints.allowedWeekdays {
            if !(1...7).contains(day) {
                report.add(location, "allowedWeekdays", String(day), "weekday \(day) is not an ISO weekday (1–7)")
            } else if !seen.insert(day).inserted {
                report.add(location, "allowedWeekdays", Weekday.name(day), "weekday '\(Weekday.name(day))' is listed twice")
            }
        }
        let positive: [(Limit, Int, String)] = [
            (Limits.sessionsPerWeek, constraints.maxSessionsPerWeek, "sessions could never be placed"),
            (Limits.sessionCapacity, constraints.sessionCapacity, "no session could hold a participant"),
            (Limits.sessionHours, constraints.sessionHours, "a session must last at least one hour"),
            (Limits.hoursPerDay, constraints.hoursPerDay, "sessions could never be placed"),
        ]
        for (limit, value, why) in positive where !limit.accepts(value) {
            if value <= 0 {
                report.add(location, limit.field, String(value), "\(limit.field) is \(value): \(why)")
            } else {
                report.add(location, limit.field, String(value), "\(limit.field) " + limit.complaint(value))
            }
        }
        if constraints.hoursPerDay > 0, constraints.sessionHours > 0, constraints.sessionsPerDay == 0 {
            report.add(location, "hoursPerDay", String(constraints.hoursPerDay),
                       "hoursPerDay \(constraints.hoursPerDay) is less than one session of \(constraints.sessionHours) hours")
        }
    }
}

/// Collects the diagnostics of one profile, at most ``Limits/diagnosticsPerKind`` of a kind.
struct Report {
    let file: String
    private var budget = DiagnosticBudget()

    init(file: String) {
        self.file = file
    }

    var diagnostics: [Diagnostic] { budget.diagnostics }

    mutating func add(_ location: ProfileLocations.Location, _ field: String, _ value: String, _ message: String) {
        let name = location.field(field)
        budget.add(Diagnostic(file: file, line: location.line, column: location.column,
                              field: name, value: value, message: "\(name): \(message)"))
    }

    /// Reports `value` of `limit.field` when it lies outside the limit.
    mutating func limit(_ limit: Limit, _ value: Int, at location: ProfileLocations.Location, of owner: String) {
        guard !limit.accepts(value) else { return }
        add(location, limit.field, String(value), "\(limit.field) of \(owner): " + limit.complaint(value))
    }

    mutating func term(_ value: String, _ vocabularyName: String, at location: ProfileLocations.Location,
                       field: String, _ vocabulary: Vocabulary) {
        guard !vocabulary.contains(value, in: vocabularyName) else { return }
        let nearest = vocabulary.suggestions(for: value, in: vocabularyName)
        var message = "unknown \(vocabularyName) '\(value)'"
        if !nearest.isEmpty { message += "; did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?" }
        message += " Valid values: \(vocabulary.ids(vocabularyName).joined(separator: ", "))"
        add(location, field, value, message)
    }
}
