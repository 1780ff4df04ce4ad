import LeerlijnXML

/// Decodes an XML profile (`urn:leerlijn:profile:1`), validated against the embedded
/// `profile.xsd` while streaming through ``SafeXMLReader``.
///
/// The XSD checks structure and types; this decoder turns the records into an
/// ``OrganisationProfile`` and remembers where each part was, for ``ProfileValidator``.
struct ProfileXMLDecoder {
    /// The profile namespace.
    static let namespace = "urn:leerlijn:profile:1"

    let file: String
    let maxBytes: Int

    /// Reads and decodes; returns the profile and its locations, or every diagnostic.
    func decode(bytes: [UInt8]?) throws(LeerlijnError) -> (OrganisationProfile, ProfileLocations) {
        let schema: XMLSchema
        do {
            schema = try XMLSchema(bytes: PublishedSchema.profileXSD.bytes, name: "profile.xsd")
        } catch let failure as XMLReadFailure {
            throw .invalidData(failure.diagnostics.map(Diagnostic.init))
        } catch {
            throw .invalidData([Diagnostic(file: "profile.xsd", message: "\(error)")])
        }
        var records: [ElementNode] = []
        let reader = SafeXMLReader(maxBytes: maxBytes)
        let summary: SafeXMLReader.Summary
        if let bytes {
            summary = reader.read(bytes: bytes, displayName: file, schema: schema) { records.append($0) }
        } else {
            summary = reader.read(file: file, schema: schema) { records.append($0) }
        }
        guard summary.isValid else { throw .invalidData(summary.diagnostics.map(Diagnostic.init)) }
        guard summary.rootName == "profile", summary.rootNamespace == Self.namespace else {
            throw .invalidData([Diagnostic(file: file, line: 1, column: 1, field: "root", value: summary.rootName,
                                           message: "expected a <profile> in namespace \(Self.namespace)")])
        }
        return build(records)
    }

    private func location(_ node: ElementNode, _ path: String) -> ProfileLocations.Location {
        ProfileLocations.Location(line: node.line, column: node.column, path: path)
    }

    private func build(_ records: [ElementNode]) -> (OrganisationProfile, ProfileLocations) {
        var locations = ProfileLocations(file: file, root: .init(line: 1, column: 1, path: "profile"))
        var id = "", name = "", kind = ProfileKind.other, sector = Sector("")
        var languages: [String] = [], needs: [AccessibilityFeature] = []
        var start = CalendarDate(daysSinceEpoch: 0), end = CalendarDate(daysSinceEpoch: 0)
        var roles: [StaffRole] = [], groups: [LearnerGroup] = [], blackouts: [BlackoutPeriod] = []
        var constraints = SchedulingConstraints(allowedWeekdays: [], maxSessionsPerWeek: 0, sessionCapacity: 0,
                                                hoursPerDay: 0)
        var completed: [CompletedTraining] = []
        for node in records {
            let text = node.text.trimmingSpaces
            switch node.name {
            case "id", "name", "kind", "sector", "period", "constraints":
                locations.fields[node.name] = location(node, node.name)
            default: break
            }
            switch node.name {
            case "id": id = text
            case "name": name = text
            case "kind": kind = ProfileKind(rawValue: text) ?? .other
            case "sector": sector = Sector(text)
            case "language": languages.append(text)
            case "specialNeed":
                needs.append(AccessibilityFeature(text))
                locations.specialNeeds.append(location(node, "specialNeed"))
            case "period":
                start = date(node, "start")
                end = date(node, "end")
            case "roles":
                for child in node.children(named: "role") {
                    roles.append(StaffRole(role: Role(child.attribute("id") ?? ""), headcount: int(child, "headcount"),
                                           audience: Audience(child.attribute("audience") ?? "professionals")))
                    locations.roles.append(location(child, "roles/role"))
                }
            case "learnerGroups":
                for child in node.children(named: "group") {
                    groups.append(LearnerGroup(
                        id: child.attribute("id") ?? "", name: child.attribute("name") ?? "",
                        ages: AgeRange(min: int(child, "minAge"), max: int(child, "maxAge")), size: int(child, "size"),
                        level: (child.attribute("level") ?? kind.defaultEducationLevel?.rawValue).map(EducationLevel.init)))
                    locations.groups.append(location(child, "learnerGroups/group"))
                }
            case "blackouts":
                for child in node.children(named: "blackout") {
                    blackouts.append(BlackoutPeriod(name: child.attribute("name") ?? "", start: date(child, "start"),
                                                    end: date(child, "end")))
                    locations.blackouts.append(location(child, "blackouts/blackout"))
                }
            case "constraints":
                constraints = SchedulingConstraints(
                    allowedWeekdays: node.children(named: "weekday").compactMap { Weekday.number($0.text.trimmingSpaces) },
                    maxSessionsPerWeek: int(node, "maxSessionsPerWeek"), sessionCapacity: int(node, "sessionCapacity"),
                    hoursPerDay: int(node, "hoursPerDay"), sessionHours: node.attribute("sessionHours").flatMap { Int($0) } ?? 2)
            case "completed":
                completed.append(CompletedTraining(
                    programmeID: node.attribute("programme") ?? "", role: node.attribute("role").map(Role.init),
                    date: date(node, "date"), refreshMonths: node.attribute("refreshMonths").flatMap { Int($0) }))
                locations.completed.append(location(node, "completed"))
            default:
                break
            }
        }
        let profile = OrganisationProfile(
            id: id, name: name, kind: kind, sector: sector, roles: roles, learnerGroups: groups, specialNeeds: needs,
            languages: languages, periodStart: start, periodEnd: end, blackouts: blackouts, constraints: constraints,
            completedTrainings: completed)
        return (profile, locations)
    }

    /// The XSD has checked `xs:date` and `xs:integer`; these fall back quietly only for values
    /// the XSD accepts but the model cannot hold (a time-zoned date, a huge integer).
    private func date(_ node: ElementNode, _ name: String) -> CalendarDate {
        let raw = (node.attribute(name) ?? "").trimmingSpaces
        return CalendarDate(iso: String(raw.prefix(10))) ?? CalendarDate(daysSinceEpoch: 0)
    }

    private func int(_ node: ElementNode, _ name: String) -> Int {
        Int((node.attribute(name) ?? "").trimmingSpaces) ?? Int.min
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
