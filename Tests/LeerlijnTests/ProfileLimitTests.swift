import Foundation
import Leerlijn
import Testing

/// One case of the limits table: a change to a valid profile and whether it must be accepted.
struct LimitCase: CustomTestStringConvertible, Sendable {
    let name: String
    let accepted: Bool
    /// Text every refusal must contain (the value, so the message names it), in both formats.
    let mentions: String?
    let change: @Sendable (inout ProfileDocument) -> Void

    var testDescription: String { name }

    static let all: [LimitCase] = [
        .init(name: "baseline", accepted: true, mentions: nil) { _ in },
        .init(name: "headcount at the limit", accepted: true, mentions: nil) { $0.roles[0].headcount = "100000" },
        .init(name: "headcount over the limit", accepted: false, mentions: "100001") { $0.roles[0].headcount = "100001" },
        .init(name: "headcount negative", accepted: false, mentions: "-1") { $0.roles[0].headcount = "-1" },
        .init(name: "headcount past Int64", accepted: false, mentions: nil) { $0.roles[0].headcount = "99999999999999999999" },
        .init(name: "group size at the limit", accepted: true, mentions: nil) { $0.groups[0].size = "10000" },
        .init(name: "group size over the limit", accepted: false, mentions: "10001") { $0.groups[0].size = "10001" },
        .init(name: "age over 25", accepted: false, mentions: "26") { $0.groups[1].max = "26" },
        .init(name: "too many roles", accepted: false, mentions: nil) { d in
            d.roles = (0...100).map { ("teacher-\($0)", "1") }
        },
        .init(name: "too many learner groups", accepted: false, mentions: nil) { d in
            d.groups = (0...26).map { ("g\($0)", "G\($0)", "4", "4", "1") }
        },
        .init(name: "thousands of same-age groups", accepted: false, mentions: nil) { d in
            d.groups = (0..<3000).map { ("g\($0)", "G\($0)", "4", "4", "1") }
        },
        .init(name: "too many blackouts", accepted: false, mentions: nil) { d in
            d.blackouts = (0...400).map { _ in ("break", "2026-10-17", "2026-10-18") }
        },
        .init(name: "too many completed trainings", accepted: false, mentions: nil) { d in
            d.completed = (0...1000).map { _ in ("meldcode-toolkit", "2025-01-01", nil) }
        },
        .init(name: "too many languages", accepted: false, mentions: nil) { d in d.languages = Array(repeating: "nl", count: 51) },
        .init(name: "sessions per week at the limit", accepted: true, mentions: nil) { $0.maxSessionsPerWeek = "168" },
        .init(name: "sessions per week over the limit", accepted: false, mentions: "169") { $0.maxSessionsPerWeek = "169" },
        .init(name: "sessions per week zero", accepted: false, mentions: "0") { $0.maxSessionsPerWeek = "0" },
        .init(name: "capacity at the limit", accepted: true, mentions: nil) { $0.sessionCapacity = "1000" },
        .init(name: "capacity over the limit", accepted: false, mentions: "1001") { $0.sessionCapacity = "1001" },
        .init(name: "hours per day over 24", accepted: false, mentions: "25") { $0.hoursPerDay = "25" },
        .init(name: "session hours over 24", accepted: false, mentions: "25") { $0.sessionHours = "25" },
        .init(name: "refresh at the limit", accepted: true, mentions: nil) { $0.completed = [("meldcode-toolkit", "2025-01-01", "120")] },
        .init(name: "refresh over the limit", accepted: false, mentions: "121") {
            $0.completed = [("meldcode-toolkit", "2025-01-01", "121")]
        },
        .init(name: "refresh of Int.max", accepted: false, mentions: nil) {
            $0.completed = [("meldcode-toolkit", "2025-01-01", "9223372036854775807")]
        },
        .init(name: "period of ten years", accepted: true, mentions: nil) { $0.start = "2026-01-01"; $0.end = "2036-01-01" },
        .init(name: "period over ten years", accepted: false, mentions: "2037-01-01") { $0.start = "2026-01-01"; $0.end = "2037-01-01" },
        .init(name: "year before 1900", accepted: false, mentions: "1899") { $0.completed = [("meldcode-toolkit", "1899-12-31", nil)] },
        .init(name: "year after 2199", accepted: false, mentions: "2200") { $0.end = "2200-01-01"; $0.start = "2199-12-01" },
        .init(name: "date with a time zone", accepted: false, mentions: "2026-08-24Z") { $0.start = "2026-08-24Z" },
        .init(name: "negative year", accepted: false, mentions: "-2026") { $0.start = "-2026-08-24" },
        .init(name: "five-digit year", accepted: false, mentions: "12026") { $0.end = "12026-01-01" },
        .init(name: "no such day", accepted: false, mentions: "2027-02-30") { $0.end = "2027-02-30" },
        .init(name: "weekday twice", accepted: false, mentions: "tuesday") { $0.weekdays = ["tuesday", "tuesday"] },
        .init(name: "no weekday", accepted: false, mentions: nil) { $0.weekdays = [] },
        .init(name: "name at the limit", accepted: true, mentions: nil) { $0.name = String(repeating: "é", count: 400) },
        .init(name: "name over the limit", accepted: false, mentions: nil) { $0.name = String(repeating: "é", count: 401) },
        .init(name: "blank name", accepted: false, mentions: nil) { $0.name = "   " },
        .init(name: "blank group name", accepted: false, mentions: nil) { $0.groups[0].name = " " },
        .init(name: "id not a slug", accepted: false, mentions: "Test") { $0.id = "Test" },
        .init(name: "id of 81 characters", accepted: false, mentions: nil) { $0.id = String(repeating: "a", count: 81) },
        .init(name: "language not a tag", accepted: false, mentions: "NL") { $0.languages = ["NL"] },
        .init(name: "unknown role", accepted: false, mentions: "wizard") { $0.roles[0].id = "wizard" },
        .init(name: "overlapping groups", accepted: false, mentions: "groep-1") { $0.groups[1].min = "4" },
    ]
}

@Suite("Limits: every bound refused past it, in XML and JSON alike")
struct ProfileLimitTests {
    static func verdict(_ text: String, json: Bool) throws -> (accepted: Bool, message: String) {
        let loader = ProfileLoader(catalogue: try TestSupport.catalogue())
        do throws(LeerlijnError) {
            _ = json ? try loader.decode(json: Array(text.utf8), file: "p.json") : try loader.decode(xml: Array(text.utf8), file: "p.xml")
            return (true, "")
        } catch {
            #expect(error.exitCode == 65, "\(error)")
            return (false, error.description)
        }
    }

    @Test(arguments: LimitCase.all)
    func bothFormatsGiveTheSameVerdict(_ limit: LimitCase) throws {
        var document = ProfileDocument()
        limit.change(&document)
        let xml = try Self.verdict(document.xml, json: false)
        let json = try Self.verdict(document.json, json: true)
        // What the published JSON Schema rejects is never accepted.
        if let parsed = try? JSONSerialization.jsonObject(with: Data(document.json.utf8)) {
            let checker = try JSONSchemaChecker(schema: PublishedSchema.profileSchemaJSON.text)
            if !checker.problems(parsed).isEmpty { #expect(!limit.accepted, "\(checker.problems(parsed))") }
        }
        #expect(xml.accepted == limit.accepted, "XML: \(xml.message)")
        #expect(json.accepted == limit.accepted, "JSON: \(json.message)")
        for (format, outcome) in [("XML", xml), ("JSON", json)] where !outcome.accepted {
            let lines = outcome.message.split(separator: "\n")
            // Each kind of problem is listed a bounded number of times.
            #expect(lines.count <= 200, "\(format): \(lines.count) lines")
            #expect(lines.allSatisfy { $0.hasPrefix("p.") && $0.contains(": error: ") }, "\(format): \(outcome.message)")
            if let mentions = limit.mentions {
                #expect(outcome.message.contains(mentions), "\(format) does not name \(mentions): \(outcome.message)")
            }
        }
    }

    @Test func everyExampleProfileIsAcceptedAndValidAgainstItsSchema() throws {
        let loader = ProfileLoader(catalogue: try TestSupport.catalogue())
        for file in PlannerFixtures.exampleFiles {
            #expect(throws: Never.self) { _ = try loader.load(path: PlannerFixtures.profilesPath + "/" + file) }
        }
    }

    /// The published schemas state the bounds of `Limits`.
    @Test func schemasStateTheLimits() throws {
        let xsd = try String(contentsOfFile: TestSupport.catalogPath + "/schema/profile.xsd", encoding: .utf8)
        let json = try String(contentsOfFile: TestSupport.catalogPath + "/schema/profile.schema.json", encoding: .utf8)
        let typed: [(String, String, Limit)] = [
            ("Headcount", "headcount", Limits.headcount), ("GroupSize", "size", Limits.groupSize), ("Age", "", Limits.age),
            ("SessionsPerWeek", "maxSessionsPerWeek", Limits.sessionsPerWeek),
            ("SessionCapacity", "sessionCapacity", Limits.sessionCapacity), ("HoursPerDay", "hoursPerDay", Limits.hoursPerDay),
            ("SessionHours", "sessionHours", Limits.sessionHours), ("RefreshMonths", "refreshMonths", Limits.refreshMonths),
        ]
        for (type, field, limit) in typed {
            #expect(xsd.contains("""
                  <xs:simpleType name="\(type)">
                    <xs:restriction base="xs:int">
                      <xs:minInclusive value="\(limit.range.lowerBound)"/>
                      <xs:maxInclusive value="\(limit.range.upperBound)"/>
                """), "profile.xsd: \(type)")
            if !field.isEmpty {
                #expect(json.contains("\"\(field)\": { \"type\": \"integer\", \"minimum\": \(limit.range.lowerBound), "
                                      + "\"maximum\": \(limit.range.upperBound)"), "profile.schema.json: \(field)")
            }
        }
        #expect(json.contains("\"age\": { \"type\": \"integer\", \"minimum\": 0, \"maximum\": 25 }"))
        let counts: [(String, Limit)] = [("role", Limits.roles), ("group", Limits.learnerGroups), ("blackout", Limits.blackouts),
                                         ("completed", Limits.completedTrainings)]
        for (element, limit) in counts {
            #expect(xsd.contains("<xs:element name=\"\(element)\" minOccurs=\"0\" maxOccurs=\"\(limit.range.upperBound)\">"))
            #expect(json.contains("\"maxItems\": \(limit.range.upperBound)"))
        }
        #expect(xsd.contains("<xs:minInclusive value=\"\(Limits.year.range.lowerBound)-01-01\"/>"))
        #expect(xsd.contains("<xs:maxInclusive value=\"\(Limits.year.range.upperBound)-12-31\"/>"))
        #expect(json.contains("^(19|20|21)[0-9]{2}-"))
        let catalogue = try String(contentsOfFile: TestSupport.catalogPath + "/schema/catalogue.xsd", encoding: .utf8)
        #expect(catalogue.contains("<xs:simpleType name=\"Rank\">\n    <xs:restriction base=\"xs:nonNegativeInteger\">\n"
                                   + "      <xs:maxInclusive value=\"\(Limits.vocabularyRank.range.upperBound)\"/>"))
        #expect(catalogue.contains("<xs:maxInclusive value=\"\(Limits.footnote.range.upperBound)\"/>"))
    }

    /// A few thousand same-age groups: refused with a bounded report (the check is linear).
    @Test func manyOverlappingGroupsGiveABoundedReport() throws {
        var document = ProfileDocument()
        document.groups = (0..<5000).map { ("g\($0)", "G\($0)", "4", "4", "1") }
        let outcome = try Self.verdict(document.json, json: true)
        #expect(!outcome.accepted)
        let lines = outcome.message.split(separator: "\n")
        #expect(lines.count < 50, "\(lines.count) lines")
        #expect(outcome.message.contains("more like this not listed"))
    }
}
