import Foundation

/// Decodes a JSON profile and checks it against the rules of `profile.schema.json`:
/// required fields, types, no unknown fields. Errors name the JSON path, field and value.
///
/// Foundation's `JSONSerialization` reads the (small) document; ``JSONPositions`` scans the
/// same bytes for the line and column of every JSON path, so diagnostics carry both.
struct ProfileJSONDecoder {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var positions = JSONPositions(bytes: [])

    init(file: String) {
        self.file = file
    }

    mutating func decode(bytes: [UInt8]) throws(LeerlijnError) -> (OrganisationProfile, ProfileLocations) {
        positions = JSONPositions(bytes: bytes)
        if let problem = positions.error {
            throw .invalidData([Diagnostic(file: file, line: problem.position.line, column: problem.position.column,
                                           field: "$", value: nil, message: "not valid JSON: \(problem.message)")])
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw .invalidData([Diagnostic(file: file, line: 1, column: 1, field: "$", value: nil,
                                           message: "not valid JSON: \((error as NSError).localizedDescription)")])
        }
        guard let root = object as? [String: Any] else {
            throw .invalidData([Diagnostic(file: file, line: 1, column: 1, field: "$", value: nil,
                                           message: "$: the profile must be a JSON object")])
        }
        var fields = ProfileJSONFields(path: "$", object: root, decoder: self)
        let built = build(&fields)
        diagnostics = fields.decoder.diagnostics
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics) }
        return built
    }

    mutating func fail(_ path: String, _ value: Any?, _ message: String) {
        let rendered = value.map { Self.render($0) }
        let position = positions.position(of: path)
        diagnostics.append(Diagnostic(file: file, line: position?.line ?? 0, column: position?.column ?? 0, field: path, value: rendered,
                                      message: "\(path): \(message)" + (rendered.map { " (value: \($0))" } ?? "")))
    }

    static func render(_ value: Any) -> String {
        if let string = value as? String { return "\"\(string)\"" }
        if let number = value as? NSNumber { return number.stringValue }
        if value is NSNull { return "null" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "\(value)"
    }

    /// Why `text` is not an id, or `nil`.
    static func idProblem(_ text: String) -> String? {
        Slug.isValid(text) ? nil : "not an id (a–z, 0–9, single hyphens, at most \(Limits.idLength.range.upperBound) characters)"
    }

    /// Why `text` is not a language tag (`[a-z]{2,3}(-[A-Za-z0-9]{2,8})*`, at most 35 characters), or `nil`.
    static func languageProblem(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid = text.utf8.count <= 35 && parts.enumerated().allSatisfy { offset, part in
            offset == 0 ? (2...3).contains(part.utf8.count) && part.utf8.allSatisfy { (0x61...0x7A).contains($0) }
                : (2...8).contains(part.utf8.count) && part.utf8.allSatisfy {
                    (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0)
                }
        }
        return valid ? nil : "not a language tag (BCP 47, e.g. nl or pt-BR; at most 35 characters)"
    }

    private func location(_ path: String) -> ProfileLocations.Location {
        let position = positions.position(of: path)
        return ProfileLocations.Location(line: position?.line ?? 0, column: position?.column ?? 0, path: path, isJSON: true)
    }

    private func build(_ top: inout ProfileJSONFields) -> (OrganisationProfile, ProfileLocations) {
        top.allow(["id", "name", "kind", "sector", "languages", "specialNeeds", "period", "roles", "learnerGroups",
                   "blackouts", "constraints", "completedTrainings"])
        var locations = ProfileLocations(file: file, root: location("$"))
        for name in ["id", "name", "kind", "sector", "period", "constraints"] { locations.fields[name] = location("$.\(name)") }
        let kindText = top.string("kind") ?? "other"
        let kind = ProfileKind(rawValue: kindText) ?? .other
        if ProfileKind(rawValue: kindText) == nil {
            top.decoder.fail("$.kind", kindText, "unknown kind; valid kinds: "
                             + ProfileKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let zero = CalendarDate(daysSinceEpoch: 0)
        var start = zero, end = zero
        top.object("period") { period in
            period.allow(["start", "end"])
            start = period.date("start") ?? zero
            end = period.date("end") ?? zero
        }
        var roles: [StaffRole] = []
        top.objects("roles", required: true) { role, path in
            role.allow(["role", "headcount", "audience"])
            roles.append(StaffRole(role: Role(role.id("role") ?? ""), headcount: role.int("headcount") ?? 0,
                                   audience: Audience(role.string("audience", required: false) ?? "professionals")))
            locations.roles.append(location(path))
        }
        var groups: [LearnerGroup] = []
        top.objects("learnerGroups", required: false) { group, path in
            group.allow(["id", "name", "ages", "size", "level"])
            var ages = AgeRange(min: 0, max: 0)
            group.object("ages") { range in
                range.allow(["min", "max"])
                ages = AgeRange(min: range.int("min") ?? 0, max: range.int("max") ?? 0)
            }
            let level = group.id("level", required: false) ?? kind.defaultEducationLevel?.rawValue
            groups.append(LearnerGroup(id: group.id("id") ?? "", name: group.text("name") ?? "", ages: ages,
                                       size: group.int("size") ?? 0, level: level.map(EducationLevel.init)))
            locations.groups.append(location(path))
        }
        var blackouts: [BlackoutPeriod] = []
        top.objects("blackouts", required: false) { blackout, path in
            blackout.allow(["name", "start", "end"])
            blackouts.append(BlackoutPeriod(name: blackout.text("name") ?? "", start: blackout.date("start") ?? zero,
                                            end: blackout.date("end") ?? zero))
            locations.blackouts.append(location(path))
        }
        var constraints = SchedulingConstraints(allowedWeekdays: [], maxSessionsPerWeek: 1, sessionCapacity: 1, hoursPerDay: 2)
        top.object("constraints") { object in
            object.allow(["allowedWeekdays", "maxSessionsPerWeek", "sessionCapacity", "hoursPerDay", "sessionHours"])
            let days = object.strings("allowedWeekdays", required: true).enumerated().compactMap { offset, name in
                let number = Weekday.number(name)
                if number == nil {
                    object.decoder.fail("\(object.path).allowedWeekdays[\(offset)]", name,
                                        "not a weekday; use " + Weekday.names.joined(separator: ", "))
                }
                return number
            }
            constraints = SchedulingConstraints(
                allowedWeekdays: days, maxSessionsPerWeek: object.int("maxSessionsPerWeek") ?? 1,
                sessionCapacity: object.int("sessionCapacity") ?? 1, hoursPerDay: object.int("hoursPerDay") ?? 2,
                sessionHours: object.int("sessionHours", required: false) ?? 2)
        }
        var completed: [CompletedTraining] = []
        top.objects("completedTrainings", required: false) { training, path in
            training.allow(["programme", "role", "date", "refreshMonths"])
            completed.append(CompletedTraining(
                programmeID: training.id("programme") ?? "", role: training.id("role", required: false).map(Role.init),
                date: training.date("date") ?? zero, refreshMonths: training.int("refreshMonths", required: false)))
            locations.completed.append(location(path))
        }
        let needs = top.strings("specialNeeds", required: false, check: Self.idProblem)
        locations.specialNeeds = needs.indices.map { location("$.specialNeeds[\($0)]") }
        let profile = OrganisationProfile(
            id: top.id("id") ?? "", name: top.text("name") ?? "", kind: kind, sector: Sector(top.id("sector") ?? ""),
            roles: roles, learnerGroups: groups, specialNeeds: needs.map(AccessibilityFeature.init),
            languages: top.strings("languages", required: false, check: Self.languageProblem), periodStart: start, periodEnd: end,
            blackouts: blackouts, constraints: constraints, completedTrainings: completed)
        return (profile, locations)
    }
}
