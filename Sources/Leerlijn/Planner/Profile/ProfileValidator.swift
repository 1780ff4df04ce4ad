/// Checks a decoded profile against the catalogue's vocabulary and the planner's rules.
///
/// The rules: the period ends on or after its start; headcounts, group sizes and refresh
/// intervals are not negative; sector, roles, audiences, levels and special needs are known
/// vocabulary ids (unknown ones get the nearest ids as suggestions); learner ages lie in 0–25
/// with min ≤ max; no two learner groups share an age; constraints can be met (at least one
/// allowed weekday, a weekly maximum, a session capacity and session hours above zero, and
/// at least one session per day); blackouts end on or after their start; completed trainings
/// name catalogue programmes. Every problem is reported, each with file, position, field
/// and value.
public struct ProfileValidator: Sendable {
    /// The catalogue the profile is checked against.
    public let catalogue: Catalogue

    /// Creates a validator.
    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// Every problem found in `profile`, in document order.
    ///
    /// - Parameters:
    ///   - profile: The decoded profile.
    ///   - locations: Where its parts were found; ``ProfileLocations/unknown(file:)`` for a
    ///     profile built in code.
    /// - Returns: The diagnostics; empty when the profile is valid.
    public func problems(in profile: OrganisationProfile, locations: ProfileLocations) -> [Diagnostic] {
        var report = Report(file: locations.file)
        let vocabulary = catalogue.vocabulary
        if !Slug.isValid(profile.id) {
            report.add(locations.field("id"), "", profile.id,
                       "id '\(profile.id)' is not a lower-case slug (a–z, 0–9, single hyphens)")
        }
        if profile.name.isEmpty { report.add(locations.field("name"), "", "", "the name is empty") }
        report.term(profile.sector.rawValue, "sector", at: locations.field("sector"), field: "", vocabulary)
        if profile.periodEnd < profile.periodStart {
            report.add(locations.field("period"), "end", profile.periodEnd.description,
                       "the period ends on \(profile.periodEnd), before it starts on \(profile.periodStart)")
        } else if profile.periodEnd.daysSinceEpoch - profile.periodStart.daysSinceEpoch > 3660 {
            report.add(locations.field("period"), "end", profile.periodEnd.description,
                       "the period is longer than ten years; plan at most ten years at a time")
        }
        checkRoles(profile, locations, &report)
        checkGroups(profile, locations, &report)
        for (offset, need) in profile.specialNeeds.enumerated() {
            report.term(need.rawValue, "accessibility",
                        at: locations.at(locations.specialNeeds, offset, fallback: "specialNeeds"), field: "", vocabulary)
        }
        checkConstraints(profile.constraints, locations.field("constraints"), &report)
        for (offset, blackout) in profile.blackouts.enumerated() where blackout.end < blackout.start {
            report.add(locations.at(locations.blackouts, offset, fallback: "blackouts"), "end", blackout.end.description,
                       "blackout '\(blackout.name)' ends on \(blackout.end), before it starts on \(blackout.start)")
        }
        checkCompleted(profile, locations, &report)
        return report.diagnostics
    }

    private func checkRoles(_ profile: OrganisationProfile, _ locations: ProfileLocations, _ report: inout Report) {
        var seen: Set<Role> = []
        for (offset, staff) in profile.roles.enumerated() {
            let location = locations.at(locations.roles, offset, fallback: "roles")
            report.term(staff.role.rawValue, "role", at: location, field: "role", catalogue.vocabulary)
            if staff.headcount < 0 {
                report.add(location, "headcount", String(staff.headcount),
                           "headcount \(staff.headcount) of role '\(staff.role)' is negative")
            }
            if staff.audience.rawValue != "professionals", staff.audience.rawValue != "volunteers" {
                report.add(location, "audience", staff.audience.rawValue,
                           "staff audience '\(staff.audience)' must be 'professionals' or 'volunteers'")
            }
            if !seen.insert(staff.role).inserted {
                report.add(location, "role", staff.role.rawValue, "role '\(staff.role)' is listed twice")
            }
        }
    }

    private func checkGroups(_ profile: OrganisationProfile, _ locations: ProfileLocations, _ report: inout Report) {
        var seenIDs: Set<String> = []
        for (offset, group) in profile.learnerGroups.enumerated() {
            let location = locations.at(locations.groups, offset, fallback: "learnerGroups")
            if !Slug.isValid(group.id) {
                report.add(location, "id", group.id, "learner group id '\(group.id)' is not a lower-case slug")
            }
            if !seenIDs.insert(group.id).inserted {
                report.add(location, "id", group.id, "learner group id '\(group.id)' is used twice")
            }
            for (name, age) in [("minAge", group.ages.min), ("maxAge", group.ages.max)] where !(0...25).contains(age) {
                report.add(location, name, String(age),
                           "\(name) \(age) of group '\(group.id)' is not a learner age; ages are whole years from 0 to 25")
            }
            if group.ages.min > group.ages.max {
                report.add(location, "minAge", String(group.ages.min),
                           "group '\(group.id)': minAge \(group.ages.min) is greater than maxAge \(group.ages.max)")
            }
            if group.size < 0 {
                report.add(location, "size", String(group.size), "size \(group.size) of group '\(group.id)' is negative")
            }
            if let level = group.level {
                report.term(level.rawValue, "educationLevel", at: location, field: "level", catalogue.vocabulary)
            }
            for earlier in profile.learnerGroups[..<offset] where earlier.ages.overlaps(group.ages)
                && group.ages.min <= group.ages.max && earlier.ages.min <= earlier.ages.max {
                report.add(location, "minAge", group.ages.description,
                           "learner group '\(group.id)' (ages \(group.ages)) overlaps group '\(earlier.id)' "
                           + "(ages \(earlier.ages)); give each age to one group")
            }
        }
    }

    private func checkConstraints(_ constraints: SchedulingConstraints, _ location: ProfileLocations.Location,
                                  _ report: inout Report) {
        if constraints.allowedWeekdays.isEmpty {
            report.add(location, "allowedWeekdays", "", "no allowed weekday: sessions could never be placed")
        }
        for day in constraints.allowedWeekdays where !(1...7).contains(day) {
            report.add(location, "allowedWeekdays", String(day), "weekday \(day) is not an ISO weekday (1–7)")
        }
        let positive: [(String, Int, String)] = [
            ("maxSessionsPerWeek", constraints.maxSessionsPerWeek, "sessions could never be placed"),
            ("sessionCapacity", constraints.sessionCapacity, "no session could hold a participant"),
            ("sessionHours", constraints.sessionHours, "a session must last at least one hour"),
            ("hoursPerDay", constraints.hoursPerDay, "sessions could never be placed"),
        ]
        for (name, value, why) in positive where value <= 0 {
            report.add(location, name, String(value), "\(name) is \(value): \(why)")
        }
        if constraints.hoursPerDay > 0, constraints.sessionHours > 0, constraints.sessionsPerDay == 0 {
            report.add(location, "hoursPerDay", String(constraints.hoursPerDay),
                       "hoursPerDay \(constraints.hoursPerDay) is less than one session of \(constraints.sessionHours) hours")
        }
        if constraints.hoursPerDay > 24 {
            report.add(location, "hoursPerDay", String(constraints.hoursPerDay), "a day has at most 24 hours")
        }
    }

    private func checkCompleted(_ profile: OrganisationProfile, _ locations: ProfileLocations, _ report: inout Report) {
        let ids = catalogue.programmes.map(\.id)
        for (offset, training) in profile.completedTrainings.enumerated() {
            let location = locations.at(locations.completed, offset, fallback: "completedTrainings")
            if catalogue.programme(id: training.programmeID) == nil {
                let nearest = EditDistance.nearest(to: training.programmeID, among: ids, limit: 3)
                report.add(location, "programme", training.programmeID,
                           "unknown programme '\(training.programmeID)'; did you mean "
                           + nearest.map { "'\($0)'" }.joined(separator: ", ") + "?")
            }
            if let role = training.role {
                report.term(role.rawValue, "role", at: location, field: "role", catalogue.vocabulary)
                if !profile.roles.contains(where: { $0.role == role }) {
                    report.add(location, "role", role.rawValue,
                               "completed training names role '\(role)', which the profile does not list")
                }
            }
            if let months = training.refreshMonths, months <= 0 {
                report.add(location, "refreshMonths", String(months), "refreshMonths must be at least 1")
            }
            if training.date > profile.periodEnd {
                report.add(location, "date", training.date.description,
                           "a training completed on \(training.date) lies after the period's end \(profile.periodEnd)")
            }
        }
    }
}

/// Collects diagnostics for one profile.
private struct Report {
    let file: String
    var diagnostics: [Diagnostic] = []

    mutating func add(_ location: ProfileLocations.Location, _ field: String, _ value: String, _ message: String) {
        let name = location.field(field)
        diagnostics.append(Diagnostic(file: file, line: location.line, column: location.column,
                                      field: name, value: value, message: "\(name): \(message)"))
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
