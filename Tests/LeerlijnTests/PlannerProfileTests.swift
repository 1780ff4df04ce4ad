import Foundation
import Testing
import Leerlijn
import LeerlijnCLI

@Suite("Planner profiles")
struct PlannerProfileTests {
    @Test(arguments: PlannerFixtures.exampleFiles)
    func everyExampleProfileLoadsAndPlans(file: String) throws {
        let plan = try PlannerFixtures.plan(file)
        #expect(!plan.obligations.isEmpty)
        #expect(!plan.choices.isEmpty)
        #expect(!plan.sessions.isEmpty)
        if file == "sports-club.json" {
            // Only the sport awareness efforts reach coaches, and the factsheet does not say how they are
            // delivered: every training duty of the club is to verify or a gap, none covered.
            #expect(plan.obligations.allSatisfy { $0.status != .covered })
            #expect(plan.verifications.allSatisfy { $0.programmeID == "sport-early-detection-awareness" })
        }
        if file == "sports-club.json" { #expect(!plan.gaps.isEmpty) }
        #expect(plan.choices.allSatisfy { !$0.rationale.isEmpty && !$0.covers.isEmpty })
    }

    /// A broken variant of an example profile: the replacement, and what the error must name.
    struct BadCase: Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var replace: String
        var with: String
        var expect: [String]
        var description: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "end before start", file: "primary-school.xml", replace: "end=\"2027-07-09\"",
                with: "end=\"2026-07-09\"", expect: ["period@end", "2026-07-09", "before it starts"]),
        BadCase(name: "negative headcount", file: "primary-school.xml", replace: "headcount=\"24\"",
                with: "headcount=\"-3\"", expect: ["attribute 'headcount'", "-3", "minimum value allowed ('0')"]),
        BadCase(name: "unknown sector", file: "primary-school.xml", replace: "<sector>education</sector>",
                with: "<sector>educaton</sector>", expect: ["sector", "educaton", "did you mean 'education'"]),
        BadCase(name: "unknown role", file: "primary-school.xml", replace: "role id=\"teacher\"",
                with: "role id=\"teachr\"", expect: ["roles/role@role", "teachr", "did you mean 'teacher'"]),
        BadCase(name: "age out of range", file: "primary-school.xml", replace: "minAge=\"11\" maxAge=\"12\"",
                with: "minAge=\"11\" maxAge=\"30\"", expect: ["attribute 'maxAge'", "30", "maximum value allowed ('25')"]),
        BadCase(name: "overlapping groups", file: "primary-school.xml", replace: "minAge=\"5\" maxAge=\"5\"",
                with: "minAge=\"4\" maxAge=\"5\"", expect: ["groep-2", "overlaps group 'groep-1'"]),
        BadCase(name: "no allowed weekday", file: "primary-school.xml",
                replace: "    <weekday>tuesday</weekday>\n    <weekday>wednesday</weekday>\n    <weekday>thursday</weekday>\n",
                with: "", expect: ["constraints@allowedWeekdays", "no allowed weekday"]),
        BadCase(name: "max sessions per week 0", file: "primary-school.xml", replace: "maxSessionsPerWeek=\"3\"",
                with: "maxSessionsPerWeek=\"0\"", expect: ["attribute 'maxSessionsPerWeek'", "'0'", "minimum value allowed ('1')"]),
        BadCase(name: "capacity 0", file: "primary-school.xml", replace: "sessionCapacity=\"30\"",
                with: "sessionCapacity=\"0\"", expect: ["attribute 'sessionCapacity'", "'0'", "minimum value allowed ('1')"]),
        BadCase(name: "JSON negative headcount", file: "sports-club.json", replace: "\"headcount\": 35",
                with: "\"headcount\": -35", expect: ["$.roles[0].headcount", "-35", "under the minimum of 0"]),
        BadCase(name: "JSON unknown role", file: "sports-club.json", replace: "\"role\": \"coach\"",
                with: "\"role\": \"coack\"", expect: ["$.roles[0].role", "did you mean 'coach'"]),
        BadCase(name: "JSON end before start", file: "sports-club.json", replace: "\"end\": \"2027-06-30\"",
                with: "\"end\": \"2025-06-30\"", expect: ["$.period.end", "before it starts"]),
        BadCase(name: "JSON wrong type", file: "sports-club.json", replace: "\"sessionCapacity\": 15",
                with: "\"sessionCapacity\": \"15\"", expect: ["$.constraints.sessionCapacity", "expected an integer"]),
        BadCase(name: "JSON capacity 0", file: "sports-club.json", replace: "\"sessionCapacity\": 15",
                with: "\"sessionCapacity\": 0", expect: ["$.constraints.sessionCapacity", "is 0"]),
        BadCase(name: "XML not valid against the XSD", file: "primary-school.xml", replace: "<kind>primary-school</kind>",
                with: "<kind>castle</kind>", expect: [":8:", "castle"]),
    ]

    @Test(arguments: badCases)
    func badProfileExits65AndWritesNothing(_ bad: BadCase) throws {
        let original = try PlannerFixtures.text(bad.file)
        #expect(original.contains(bad.replace), "the fixture must contain the text to break")
        let extensionName = (bad.file as NSString).pathExtension
        let path = try PlannerFixtures.write(original.replacingOccurrences(of: bad.replace, with: bad.with),
                                             name: "bad." + extensionName)
        let output = (path as NSString).deletingLastPathComponent + "/plan.json"
        let result = LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath, "--profile", path,
                                              "--output-format", "json", "--output", output])
        #expect(result.code == 65)
        let message = result.message ?? ""
        #expect(message.hasPrefix(path + ":"), "errors start with the file: \(message)")
        for fragment in bad.expect { #expect(message.contains(fragment), "'\(fragment)' in: \(message)") }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func xmlErrorsCarryLineAndColumn() throws {
        let original = try PlannerFixtures.text("primary-school.xml")
        let path = try PlannerFixtures.write(original.replacingOccurrences(of: "headcount=\"2\"", with: "headcount=\"-2\""),
                                             name: "p.xml")
        let result = LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath, "--profile", path])
        #expect(result.code == 65)
        let lineNumber = original.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("headcount=\"2\"") }.map { $0 + 1 } ?? 0
        #expect(result.message?.hasPrefix("\(path):\(lineNumber):") == true, "\(result.message ?? "")")
    }

    @Test func usageErrors() throws {
        #expect(LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath]).code == 64)
        #expect(LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath, "--sector", "sprot"]).code == 64)
        #expect(LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath, "--sector", "sport",
                                         "--output-format", "ics"]).code == 64)
        #expect(LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath, "--profile",
                                         "/nonexistent/profile.xml"]).code == 66)
    }

    @Test func doctypeInAProfileIsRefused() throws {
        let original = try PlannerFixtures.text("prosecution-office.xml")
        let hostile = original.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE profile [<!ENTITY x \"boom\">]>")
        let path = try PlannerFixtures.write(hostile, name: "hostile.xml")
        let result = LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath, "--profile", path])
        #expect(result.code == 65)
        #expect(result.message?.contains("DOCTYPE") == true)
    }
}
