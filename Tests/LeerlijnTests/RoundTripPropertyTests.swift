import Foundation
import PropertyBased
import Testing
@testable import Leerlijn
import LeerlijnXML

/// Property tests over arbitrary input: the writers' round trips, and the planner's invariants.
@Suite("Property tests: round trips and planner invariants")
struct RoundTripPropertyTests {
    /// Arbitrary Unicode text, biased towards the interesting low code points (controls,
    /// markup characters, Latin-1) but reaching every plane; surrogates become U+FFFD.
    static let text = Gen<UInt32>.value(in: 0...0x10FFFF)
        .map { raw -> UnicodeScalar in
            let value = raw & 1 == 0 ? raw % 0x300 : (raw & 2 == 0 ? 0xFFF0 + raw % 0x20 : raw)
            return UnicodeScalar(value) ?? "\u{FFFD}"
        }
        .array(of: 0...60)
        .map { String(String.UnicodeScalarView($0)) }

    @Test("XML writer: text and attributes survive a libxml2 round trip under the U+FFFD policy")
    func xmlRoundTrip() async {
        await propertyCheck(count: 300, input: Self.text) { value in
            var writer = XMLByteWriter()
            writer.start("r")
            writer.element("x", value, attributes: ["a": value])
            let bytes = writer.finish()
            var found: ElementNode?
            let summary = SafeXMLReader().read(bytes: bytes, displayName: "p.xml") { found = $0 }
            #expect(summary.isValid, "\(summary.diagnostics)")
            let expected = ExportTestSupport.xmlPolicy(value)
            #expect(found?.text == expected)
            #expect(found?.attribute("a") == expected)
        }
    }

    @Test("iCalendar: folded lines are at most 75 octets, valid UTF-8, and unfold to the escaped value")
    func icsFoldUnfold() async {
        await propertyCheck(count: 300, input: Self.text) { value in
            var writer = ICSContentWriter()
            let escaped = ICSContentWriter.escapeText(value)
            writer.line("SUMMARY", escaped)
            // Checks CRLF endings, ≤ 75 octets and whole UTF-8 sequences on every physical line.
            let lines = PlannerICSTests.contentLines(writer.bytes)
            #expect(lines == ["SUMMARY:" + escaped])
            #expect(Self.unescapeICS(escaped) == Self.icsPolicy(value))
        }
    }

    @Test("CSV: cells survive a strict RFC 4180 parse, neutralised against formula injection")
    func csvRoundTrip() async {
        await propertyCheck(count: 300, input: Self.text.array(of: 1...4)) { cells in
            var writer = CSVWriter(header: ["a", "b", "c", "d"])
            writer.appendRow(cells)
            let rows = try ExportCSVParser.parse(writer.bytes)
            #expect(rows.count == 2)
            let expected = (0..<4).map { $0 < cells.count ? CSVWriter.neutralised(cells[$0]) : "" }
            #expect(rows.last == expected)
            for cell in rows.last ?? [] {
                #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "unneutralised formula: \(cell)")
            }
        }
    }

    @Test("Planner: every bound target of every applicable obligation is covered or a named gap")
    func coveredOrGap() async throws {
        let catalogue = try TestSupport.catalogue()
        let planner = Planner(catalogue: catalogue)
        // The random profiles reach every sector of the examples, so most plans have obligations to check.
        let withObligations = try (0..<50).filter { !planner.plan(for: try RandomProfiles.profile(number: $0, seed: 7)).obligations.isEmpty }
        #expect(withObligations.count > 25)
        await propertyCheck(count: 200, input: Gen<Int>.value(in: 0...1_000_000)) { number in
            let profile = try RandomProfiles.profile(number: number, seed: 7)
            let plan = planner.plan(for: profile)
            let gapTargets = Set(plan.gaps.flatMap { gap in gap.targetIDs.map { "\(gap.requirementID)/\($0)" } })
            for obligation in plan.obligations {
                #expect(!obligation.targets.isEmpty, "\(obligation.requirementID) binds no target")
                for coverage in obligation.targets {
                    let covered = !coverage.coveredBy.isEmpty || coverage.completedBy != nil
                    #expect(covered != (coverage.gap != nil), "\(obligation.requirementID)/\(coverage.targetID)")
                    #expect((coverage.gap != nil) == gapTargets.contains("\(obligation.requirementID)/\(coverage.targetID)"))
                    for id in coverage.coveredBy { #expect(plan.choices.contains { $0.programmeID == id }) }
                }
            }
        }
    }

    @Test("Planner: the plan does not depend on how the catalogue is split into files or ordered")
    func independentOfFileOrder() async throws {
        let catalogue = try TestSupport.catalogue()
        let profile = try ProfileLoader(catalogue: catalogue).load(path: TestSupport.catalogPath + "/profiles/primary-school.xml")
        let reference = PlanRenderer.render(Planner(catalogue: catalogue).plan(for: profile), as: .json, catalogue: catalogue)
        await propertyCheck(count: 8, input: Gen<Int>.value(in: 0...1_000_000)) { seed in
            var random = TestRandom(seed: UInt64(seed))
            var records = catalogue.programmes.map { [$0] }
            records.shuffle(using: &random)
            let fileCount = random.int(in: 1...5)
            var files: [String: String] = [:]
            for (offset, record) in records.enumerated() {
                let name = "programmes/part-\(random.int(in: 0...999))-\(offset % fileCount).xml"
                files[name, default: ""] += String(decoding: ProgrammeSourceWriter.document(record), as: UTF8.self)
                    .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
                    .replacingOccurrences(of: "<programmes xmlns=\"urn:leerlijn:catalogue:1\">", with: "")
                    .replacingOccurrences(of: "</programmes>", with: "")
            }
            for (name, body) in files {
                files[name] = "<programmes xmlns=\"urn:leerlijn:catalogue:1\">\(body)</programmes>"
            }
            let root = try TestSupport.makeCatalog(files)
            defer { try? FileManager.default.removeItem(atPath: root) }
            try FileManager.default.copyItem(atPath: TestSupport.catalogPath + "/requirements", toPath: root + "/requirements")
            let reloaded = try CatalogueLoader().load(directory: root)
            let plan = Planner(catalogue: reloaded).plan(for: profile)
            #expect(PlanRenderer.render(plan, as: .json, catalogue: reloaded) == reference)
        }
    }

    /// RFC 5545 TEXT unescaping.
    static func unescapeICS(_ text: String) -> String {
        var output = "", escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                output.unicodeScalars.append(scalar == "n" || scalar == "N" ? "\n" : scalar)
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// What survives TEXT escaping: control characters other than tab and newline are dropped.
    static func icsPolicy(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0 == "\t" || $0 == "\n" || !($0.value < 0x20 || $0.value == 0x7F)
        }))
    }
}
