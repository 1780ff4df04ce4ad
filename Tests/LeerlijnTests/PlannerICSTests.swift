import Foundation
import Testing
import Leerlijn

@Suite("Planner iCalendar")
struct PlannerICSTests {
    /// Unfolds content lines (RFC 5545 §3.1) after checking the physical lines.
    static func contentLines(_ bytes: [UInt8]) -> [String] {
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                physical.append(current)
                current = []
                index += 2
                continue
            }
            #expect(bytes[index] != 0x0A && bytes[index] != 0x0D, "bare CR or LF at byte \(index)")
            current.append(bytes[index])
            index += 1
        }
        #expect(current.isEmpty, "the last line ends with CRLF")
        var lines: [[UInt8]] = []
        for line in physical {
            #expect(line.count <= 75, "line of \(line.count) octets")
            #expect(String(validatingCString: line.map { CChar(bitPattern: $0) } + [0]) != nil, "a fold split a UTF-8 sequence")
            if line.first == 0x20, !lines.isEmpty { lines[lines.count - 1] += line.dropFirst() } else { lines.append(line) }
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }
    }

    static func unescape(_ text: String) -> String {
        var output = "", escaping = false
        for character in text {
            if escaping {
                output.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        return output
    }

    /// The components of one kind as property name (with parameters) → unescaped value;
    /// components nested inside them (a `VALARM`) are skipped.
    static func events(_ lines: [String], kind: String = "VEVENT") -> [[String: String]] {
        var events: [[String: String]] = [], current: [String: String]?, nested = 0
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon]), value = String(line[line.index(after: colon)...])
            if name == "BEGIN", value == kind { current = [:] } else if name == "END", value == kind {
                if let current { events.append(current) }
                current = nil
            } else if current != nil, name == "BEGIN" {
                nested += 1
            } else if current != nil, name == "END" {
                nested -= 1
            } else if current != nil, nested == 0 {
                current?[name] = unescape(value)
            }
        }
        return events
    }

    @Test(arguments: PlannerFixtures.exampleFiles)
    func calendarParsesBackFieldByField(file: String) throws {
        let catalogue = try TestSupport.catalogue()
        let plan = try PlannerFixtures.plan(file)
        let lines = Self.contentLines(PlanRenderer.render(plan, as: .ics, catalogue: catalogue))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0") && lines.contains { $0.hasPrefix("PRODID:") })
        let events = Self.events(lines)
        #expect(events.count == plan.sessions.count)
        let stamp = plan.asOf.description.replacingOccurrences(of: "-", with: "") + "T000000Z"
        var uids = Set<String>()
        for (event, session) in zip(events, plan.sessions) {
            #expect(event["UID"] == "\(session.id)@\(plan.profile.id).leerlijn")
            uids.insert(event["UID"] ?? "")
            #expect(event["DTSTAMP"] == stamp)
            #expect(event["DTSTART;VALUE=DATE"] == session.date.description.replacingOccurrences(of: "-", with: ""))
            #expect(event["DTEND;VALUE=DATE"]
                    == session.date.adding(days: 1).description.replacingOccurrences(of: "-", with: ""))
            let title = catalogue.programme(id: session.programmeID)?.title.nl ?? ""
            #expect(event["SUMMARY"]?.hasPrefix((session.isRefresher ? "Refresher: " : "") + title) == true)
            #expect(event["DESCRIPTION"]?.contains("Programme: \(session.programmeID)") == true)
            #expect(event["DESCRIPTION"]?.contains("\nObligations: ") == true)
        }
        #expect(uids.count == events.count, "UIDs are unique")
        let alarms = lines.filter { $0 == "BEGIN:VALARM" }.count
        #expect(alarms == plan.sessions.count, "one reminder per session")
        #expect(lines.contains("TRIGGER:-P\(PlanRenderer.defaultReminderDays)D") || plan.sessions.isEmpty)
        let todos = Self.events(lines, kind: "VTODO")
        #expect(todos.count >= plan.gaps.count + plan.unplaced.count + plan.verifications.count)
        #expect(events.count + todos.count > 0, "a calendar has at least one component")
        for todo in todos { #expect(todo["UID"] != nil && todo["DTSTAMP"] == stamp && todo["STATUS"] == "NEEDS-ACTION") }
    }

    @Test func planWithoutSessionsStillHasAComponent() throws {
        let catalogue = try TestSupport.catalogue()
        var plan = try PlannerFixtures.plan("hospital-department.json")
        plan.sessions = []
        plan.gaps = []
        plan.unplaced = []
        plan.verifications = []
        let lines = Self.contentLines(PlanRenderer.render(plan, as: .ics, catalogue: catalogue, reminderDays: 3))
        let todos = Self.events(lines, kind: "VTODO")
        #expect(todos.count == 1)
        #expect(todos.first?["DUE;VALUE=DATE"] == plan.profile.periodEnd.description.replacingOccurrences(of: "-", with: ""))
    }

    @Test func foldingNeverSplitsUTF8AndEscapingRoundTrips() {
        let tricky = "Kriebels; in, je \\ buik\nmet émoji 🦋 en ë — " + String(repeating: "ü🦋é", count: 40)
        var writer = ICSContentWriter()
        writer.line("DESCRIPTION", ICSContentWriter.escapeText(tricky))
        let lines = Self.contentLines(writer.bytes)
        #expect(lines.count == 1)
        #expect(lines.first.map { Self.unescape(String($0.dropFirst("DESCRIPTION:".count))) } == tricky)
        #expect(ICSContentWriter.escapeText("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func uidsAreStableAcrossRuns() throws {
        let catalogue = try TestSupport.catalogue()
        let first = PlanRenderer.render(try PlannerFixtures.plan("hospital-department.json"), as: .ics, catalogue: catalogue)
        let second = PlanRenderer.render(try PlannerFixtures.plan("hospital-department.json"), as: .ics, catalogue: catalogue)
        let same = first == second
        #expect(same)
    }
}
