/// Checks a decoded profile against the catalogue's vocabulary and the planner's rules.
///
/// The rules: the period ends on or after its start; headcounts, group sizes and refresh
/// intervals are not negative; sector, roles, audiences, levels and special needs are known
/// vocabulary ids (unknown ones get the nearest ids as suggestions); learner ages lie in 0–25
/// with min ≤ max; no two learner groups share an age; constraints can be met (at least one
/// allowed weekday, a weekly maximum, a session capacity and session hours above zero, and
/// at least one session per day); blackouts end on or after their start; completed trainings
/// name catalogue programmes; every count, size, interval and date lies within ``Limits``.
/// Every problem is reported (at most ``Limits/diagnosticsPerKind`` of a kind, then a count),
/// each with file, position, field, value and, for a limit, the bound. All checks are linear.
public struct ProfileValidator: Sendable {
    /// The vocabulary the profile's terms must come from.
    public let vocabulary: Vocabulary
    /// The catalogue's programme ids, sorted, for completed trainings (read only when a
    /// profile lists one).
    private let programmeIDs: @Sendable () -> [String]

    /// Creates a validator for `catalogue`.
    public init(catalogue: Catalogue) {
        self.vocabulary = catalogue.vocabulary
        self.programmeIDs = { catalogue.programmeIDs }
    }

    /// Creates a validator from a vocabulary and the sorted programme ids (what
    /// ``CatalogueLoader/validate(directory:inspect:)`` keeps).
    public init(vocabulary: Vocabulary, programmeIDs: [String]) {
        self.vocabulary = vocabulary
        self.programmeIDs = { programmeIDs }
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
        if !Slug.isValid(profile.id) {
            report.add(locations.field("id"), "", profile.id,
                       "id '\(profile.id)' is not a lower-case slug (a–z, 0–9, single hyphens)")
        }
        if profile.name.trimmingSpaces.isEmpty { report.add(locations.field("name"), "", "", "the name is empty") }
        for (offset, group) in profile.learnerGroups.enumerated() where group.name.trimmingSpaces.isEmpty {
            report.add(locations.at(locations.groups, offset, fallback: "learnerGroups"), "name", group.name,
                       "the name of group '\(group.id)' is empty")
        }
        for (offset, blackout) in profile.blackouts.enumerated() where blackout.name.trimmingSpaces.isEmpty {
            report.add(locations.at(locations.blackouts, offset, fallback: "blackouts"), "name", blackout.name,
                       "the name of a blackout is empty")
        }
        report.term(profile.sector.rawValue, "sector", at: locations.field("sector"), field: "", vocabulary)
        checkDates(profile, locations, &report)
        if profile.periodEnd < profile.periodStart {
            report.add(locations.field("period"), "end", profile.periodEnd.description,
                       "the period ends on \(profile.periodEnd), before it starts on \(profile.periodStart)")
        } else if !Limits.periodDays.accepts(profile.periodEnd.daysSinceEpoch - profile.periodStart.daysSinceEpoch) {
            report.add(locations.field("period"), "end", profile.periodEnd.description,
                       "the period from \(profile.periodStart) to \(profile.periodEnd) is longer than ten years "
                       + "(\(profile.periodEnd.daysSinceEpoch - profile.periodStart.daysSinceEpoch) days, limit "
                       + "\(Limits.periodDays.range.upperBound)); plan at most ten years at a time")
        }
        checkCounts(profile, locations, &report)
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
            report.term(staff.role.rawValue, "role", at: location, field: "role", vocabulary)
            report.limit(Limits.headcount, staff.headcount, at: location, of: "role '\(staff.role)'")
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
        var owner = [Int?](repeating: nil, count: Limits.age.range.upperBound + 1)
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
            report.limit(Limits.groupSize, group.size, at: location, of: "group '\(group.id)'")
            if let level = group.level {
                report.term(level.rawValue, "educationLevel", at: location, field: "level", vocabulary)
            }
            // Linear: each age (0–25) remembers the first group that holds it.
            guard group.ages.min <= group.ages.max, Limits.age.accepts(group.ages.min),
                  Limits.age.accepts(group.ages.max) else { continue }
            var overlapped: [Int] = []
            for age in group.ages.min...group.ages.max {
                if let earlier = owner[age] {
                    if !overlapped.contains(earlier) { overlapped.append(earlier) }
                } else {
                    owner[age] = offset
                }
            }
            for earlierOffset in overlapped.sorted() {
                let earlier = profile.learnerGroups[earlierOffset]
                report.add(location, "minAge", group.ages.description,
                           "learner group '\(group.id)' (ages \(group.ages)) overlaps group '\(earlier.id)' "
                           + "(ages \(earlier.ages)); give each age to one group")
            }
        }
    }

    private func checkCompleted(_ profile: OrganisationProfile, _ locations: ProfileLocations, _ report: inout Report) {
        guard !profile.completedTrainings.isEmpty else { return }
        let ids = programmeIDs()
        let roles = Set(profile.roles.map(\.role))
        var suggested = 0
        for (offset, training) in profile.completedTrainings.enumerated() {
            let location = locations.at(locations.completed, offset, fallback: "completedTrainings")
            if !Self.contains(ids, training.programmeID) {
                // Suggestions cost an edit distance per catalogue id: only for the first few.
                suggested += 1
                let nearest = suggested <= Limits.diagnosticsPerKind.range.upperBound
                    ? EditDistance.nearest(to: training.programmeID, among: ids, limit: 3) : []
                report.add(location, "programme", training.programmeID,
                           "unknown programme '\(training.programmeID)'" + (nearest.isEmpty ? "" : "; did you mean "
                           + nearest.map { "'\($0)'" }.joined(separator: ", ") + "?"))
            }
            if let role = training.role {
                report.term(role.rawValue, "role", at: location, field: "role", vocabulary)
                if !roles.contains(role) {
                    report.add(location, "role", role.rawValue,
                               "completed training names role '\(role)', which the profile does not list")
                }
            }
            if let months = training.refreshMonths {
                report.limit(Limits.refreshMonths, months, at: location, of: "the completed training")
            }
            if training.date > profile.periodEnd {
                report.add(location, "date", training.date.description,
                           "a training completed on \(training.date) lies after the period's end \(profile.periodEnd)")
            }
        }
    }

    /// Whether sorted `ids` holds `id` (binary search).
    static func contains(_ ids: [String], _ id: String) -> Bool {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id
    }
}
