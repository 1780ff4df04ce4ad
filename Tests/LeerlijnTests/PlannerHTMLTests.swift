import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

@Suite("Plan reports: HTML with SVG")
struct PlannerHTMLTests {
    static func report(_ file: String) throws -> (bytes: [UInt8], elements: [ElementNode]) {
        let catalogue = try TestSupport.catalogue()
        let plan = try PlannerFixtures.plan(file)
        let bytes = PlanRenderer.render(plan, as: .html, catalogue: catalogue)
        #expect(bytes == PlanRenderer.render(plan, as: .html, catalogue: catalogue))
        let doctype = Array("<!DOCTYPE html>\n".utf8)
        #expect(Array(bytes.prefix(doctype.count)) == doctype)
        let (summary, records) = ExportTestSupport.parse(Array(bytes.dropFirst(doctype.count)), name: file)
        #expect(summary.isValid, "\(summary.diagnostics.prefix(3))")
        return (bytes, records.flatMap(ExportTestSupport.allElements))
    }

    @Test("The coverage matrix shows every status by colour, symbol and word, in a legend and in each cell",
          arguments: PlannerFixtures.exampleFiles)
    func coverageMatrix(file: String) throws {
        let (_, elements) = try Self.report(file)
        let plan = try PlannerFixtures.plan(file)
        let svgs = elements.filter { $0.name == "svg" }
        try #require(svgs.count == 2)
        let matrix = ExportTestSupport.allElements(svgs[0])
        let texts = matrix.filter { $0.name == "text" }.map(\.text)
        for style in PlanStatusStyle.all {
            #expect(texts.contains(style.symbol) && texts.contains(style.label), "\(style.label)")
            #expect(matrix.contains { $0.name == "rect" && ($0.attribute("class") ?? "").split(separator: " ")
                .contains(Substring(style.className)) })
        }
        // No colour is written into the SVG: statuses and bars take theirs from the stylesheet.
        for element in ExportTestSupport.allElements(svgs[0]) + ExportTestSupport.allElements(svgs[1]) {
            for attribute in ["fill", "stroke"] {
                let value = element.attribute(attribute) ?? "none"
                #expect(["none", "currentColor"].contains(value), "<\(element.name) \(attribute)=\"\(value)\">")
            }
        }
        #expect(Set(PlanStatusStyle.all.map(\.symbol)).count == CoverageStatus.allCases.count, "symbols are distinct")
        // One titled cell per obligation and target, naming the status in words.
        let cells = matrix.filter { $0.name == "g" }.compactMap { $0.child("title")?.text }
        #expect(cells.count == (plan.obligations.count + plan.excluded.count) * plan.targets.count)
        for obligation in plan.obligations {
            for coverage in obligation.targets {
                let label = try #require(plan.target(id: coverage.targetID)?.label)
                let expected = "\(obligation.requirementID) × \(label): \(PlanStatusStyle.of(coverage.status).label)"
                #expect(cells.contains(expected), "\(expected)")
            }
        }
    }

    @Test("The timeline has a column per month of the period that counts its sessions", arguments: PlannerFixtures.exampleFiles)
    func timeline(file: String) throws {
        let (_, elements) = try Self.report(file)
        let plan = try PlannerFixtures.plan(file)
        let svg = try #require(elements.filter { $0.name == "svg" }.last)
        let months = PlanTimelineSVG(plan: plan).months
        let titles = ExportTestSupport.allElements(svg).filter { $0.name == "g" }.compactMap { $0.child("title")?.text }
        #expect(titles.count == months.count)
        let counted = titles.compactMap { Int($0.split(separator: " ").dropFirst().first ?? "") }.reduce(0, +)
        let inPeriod = plan.sessions.filter { session in months.contains { $0.year == session.date.year && $0.month == session.date.month } }
        #expect(counted == inPeriod.count)
    }

    /// The declarations of the stylesheet's `:root` block outside any `@media`, or inside the
    /// `@media (prefers-color-scheme: dark)` block, as custom property → value.
    static func colours(dark: Bool) throws -> [String: String] {
        let css = StyleSheet.source
        let start: String.Index
        if dark {
            let media = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
            start = try #require(css.range(of: ":root {", range: media.upperBound..<css.endIndex)).upperBound
        } else {
            start = try #require(css.range(of: ":root {")).upperBound
        }
        let end = try #require(css.range(of: "}", range: start..<css.endIndex)).lowerBound
        var result: [String: String] = [:]
        for declaration in css[start..<end].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--") { result[parts[0]] = parts[1] }
        }
        return result
    }

    @Test("Status squares, their symbols and the timeline bars are coloured by stylesheet rules with a dark-scheme value")
    func statusColoursFollowTheScheme() throws {
        let light = try Self.colours(dark: false), dark = try Self.colours(dark: true)
        let css = StyleSheet.source
        let classes = PlanStatusStyle.all.map(\.className) + [PlanStatusStyle.symbolClass, PlanTimelineSVG.barClass]
        for className in classes {
            let rule = try #require(css.range(of: ".report svg .\(className) { fill: var("), "no fill rule for \(className)")
            let name = String(css[rule.upperBound...].prefix { $0 != ")" })
            let lightValue = try #require(light[name], "\(name) has no light value")
            let darkValue = try #require(dark[name], "\(name) has no dark-scheme value")
            #expect(lightValue != darkValue, "\(className): \(name) is the same in both schemes")
        }
        #expect(Set(PlanStatusStyle.all.map(\.className)).count == CoverageStatus.allCases.count)
        // The report uses the published stylesheet, where these rules live.
        let (bytes, _) = try Self.report(PlannerFixtures.exampleFiles[0])
        #expect(String(decoding: bytes, as: UTF8.self).contains("<link rel=\"stylesheet\" href=\"../style.css\" />"))
    }

    @Test("Gaps, organisational measures and items to verify are listed", arguments: PlannerFixtures.exampleFiles)
    func lists(file: String) throws {
        let (bytes, _) = try Self.report(file)
        let text = String(decoding: bytes, as: UTF8.self)
        let plan = try PlannerFixtures.plan(file)
        for heading in ["Gaps", "To verify", "Sessions (\(plan.sessions.count))"] { #expect(text.contains(">\(heading)</h2>")) }
        for gap in plan.gaps { #expect(text.contains("<li>\(gap.requirementID) (")) }
        for item in plan.verifications { #expect(text.contains("<li>\(item.requirementID) (")) }
        #expect(!text.contains("style=\""), "no inline styles under style-src 'self'")
    }

    @Test("A sector's training matrix is an HTML page too")
    func sectorMatrix() throws {
        let catalogue = try TestSupport.catalogue()
        let planner = Planner(catalogue: catalogue)
        let matrix = TrainingMatrix(index: planner.index, sector: Sector("sport"), role: nil, asOf: nil)
        let bytes = try #require(TrainingMatrixRenderer.render(matrix, as: .html, catalogue: catalogue))
        let (summary, records) = ExportTestSupport.parse(Array(bytes.dropFirst("<!DOCTYPE html>\n".utf8.count)), name: "matrix")
        #expect(summary.isValid)
        let rows = records.flatMap(ExportTestSupport.allElements).filter { $0.name == "th" && $0.attribute("scope") == "row" }
        #expect(rows.map(\.text) == matrix.rows.map(\.requirementID))
    }
}
