import Foundation
import Testing
@testable import Leerlijn
@testable import LeerlijnCLI

@Suite("Export: pipeline and command")
struct ExportPipelineTests {
    @Test("The same catalogue twice gives the same bytes")
    func deterministic() throws {
        let first = try TestSupport.temporaryDirectory("export-a"), second = try TestSupport.temporaryDirectory("export-b")
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        let catalogue = try TestSupport.catalogue()
        _ = try ExportPipeline().run(catalogue.programmes, catalogue: catalogue, to: first)
        let reloaded = try CatalogueLoader().load(directory: TestSupport.catalogPath)
        _ = try ExportPipeline().run(reloaded.programmes, catalogue: reloaded, to: second)
        let a = try ExportTestSupport.files(in: first), b = try ExportTestSupport.files(in: second)
        #expect(a.keys.sorted() == ExportPipeline().plannedFiles(for: catalogue.programmes).sorted())
        #expect(a == b)
    }

    @Test("An invalid catalogue leaves an existing output folder byte-identical and exits 65")
    func invalidCatalogueWritesNothing() throws {
        let output = try TestSupport.temporaryDirectory("export-keep")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let good = LeerlijnCommand.execute(["export", "--catalog", TestSupport.catalogPath, "--output", output])
        #expect(good.code == 0, "\(good.message ?? "")")
        let before = try ExportTestSupport.files(in: output)
        let broken = try TestSupport.makeCatalog([
            "programmes/a.xml": TestSupport.programmesFile(TestSupport.programme(id: "bad", ages: "<ageRange min=\"12\" max=\"4\"/>")),
        ])
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let outcome = LeerlijnCommand.execute(["export", "--catalog", broken, "--output", output])
        #expect(outcome.code == 65)
        #expect(try ExportTestSupport.files(in: output) == before)

        let fresh = output + "/never-created"
        #expect(LeerlijnCommand.execute(["export", "--catalog", broken, "--output", fresh]).code == 65)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test("A selection that breaks the published schemas is refused before anything is written")
    func preflightRefuses() throws {
        let output = try TestSupport.temporaryDirectory("export-preflight")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let catalogue = try TestSupport.catalogue()
        var bad = ExportTestSupport.programme(id: "../../escape")
        bad.topics = ["no-such-topic"]
        bad.ageRange = AgeRange(min: 9, max: 3)
        bad.duration = "2 hours"
        do {
            _ = try ExportPipeline().run([bad, bad], catalogue: catalogue, to: output)
            Issue.record("the export ran")
        } catch {
            guard case .invalidData(let problems) = error else { Issue.record("\(error)"); return }
            let fields = Set(problems.compactMap(\.field))
            #expect(fields.isSuperset(of: ["id", "topic", "ageRange", "duration"]), "\(problems)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
    }

    @Test("No output path can leave the folder", arguments: [
        "../escape.xml", "plans/../../escape.xml", "/etc/passwd", ".hidden", "plans/.x", "a\\b", "a\u{0}b", "",
        "plans//x", "x/", "..", "plans/\u{1}",
    ])
    func unsafePaths(path: String) throws {
        let root = try TestSupport.temporaryDirectory("export-paths")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/out"
        let catalogue = try TestSupport.catalogue()
        let pipeline = ExportPipeline(formats: [.csv], extraOutputs: [ExportOutput(relativePath: path, bytes: [0x78])])
        #expect(throws: LeerlijnError.self) { try pipeline.run(catalogue.programmes, catalogue: catalogue, to: output) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty, "nothing written at all")
    }

    @Test("Extra outputs (the plans/ hook) are written in sub-folders, atomically")
    func extraOutputs() throws {
        let output = try TestSupport.temporaryDirectory("export-extra")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let catalogue = try TestSupport.catalogue()
        let stale = output + "/plans"
        // Left by processes that no longer exist (ids above any pid_max); a live writer's files stay.
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: stale + "/.sport.xml\(AtomicFileWriter.temporaryMarker)999999998-2", contents: Data([1]))
        _ = FileManager.default.createFile(atPath: output + "/.feed.atom\(AtomicFileWriter.temporaryMarker)999999999-4", contents: Data([1]))
        let pipeline = ExportPipeline(formats: [.atom], extraOutputs: [ExportOutput(relativePath: "plans/sport.xml", bytes: Array("<x/>".utf8))])
        let report = try pipeline.run(catalogue.programmes, catalogue: catalogue, to: output)
        #expect(report.files.map(\.relativePath) == ["feed.atom", "plans/sport.xml"])
        #expect(try ExportTestSupport.files(in: output).keys.sorted() == ["feed.atom", "plans/sport.xml"])
    }

    @Test("Ids full of path tricks stay inside the folder")
    func hostileIDsStayInside() throws {
        let root = try TestSupport.temporaryDirectory("export-ids")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let catalogue = try TestSupport.catalogue()
        for id in ["../../x", "/etc/passwd", "..", "a/b"] {
            let programme = ExportTestSupport.programme(id: id)
            #expect(throws: LeerlijnError.self) {
                try ExportPipeline().run([programme], catalogue: catalogue, to: root + "/out")
            }
            // Even bypassing the preflight, renderers only ever name the fixed files.
            #expect(ExportPipeline().plannedFiles.allSatisfy { !$0.contains("..") && !$0.hasPrefix("/") })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    @Test("Unknown formats exit 64 with the valid list; the format list parses in canonical order")
    func formats() throws {
        let outcome = LeerlijnCommand.execute(["export", "--formats", "xml,pdf", "--output", "/nonexistent/never"])
        #expect(outcome.code == 64)
        #expect(outcome.message?.contains("xml,json,atom,jsonld,csv,html") == true)
        #expect(try ExportFormat.parseList("html, xml,xml") == [.xml, .html])
        #expect(throws: LeerlijnError.self) { try ExportFormat.parseList("") }
    }

    @Test("An output folder that cannot be created exits 73")
    func cannotCreate() throws {
        let root = try TestSupport.temporaryDirectory("export-73")
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = FileManager.default.createFile(atPath: root + "/file", contents: Data([1]))
        let outcome = LeerlijnCommand.execute(["export", "--catalog", TestSupport.catalogPath, "--output", root + "/file/sub"])
        #expect(outcome.code == 73, "\(outcome.message ?? "")")
        let onFile = LeerlijnCommand.execute(["export", "--catalog", TestSupport.catalogPath, "--output", root + "/file"])
        #expect(onFile.code == 73)
    }

    @Test("The command writes only the chosen formats and their companions")
    func chosenFormats() throws {
        let output = try TestSupport.temporaryDirectory("export-some")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = LeerlijnCommand.execute(["export", "--catalog", TestSupport.catalogPath, "--output", output,
                                               "--formats", "json,html", "--no-plans"])
        #expect(outcome.code == 0)
        #expect(try ExportTestSupport.files(in: output).keys
            .filter { !$0.hasPrefix("programmes/") && !$0.hasPrefix("en/programmes/") }.sorted()
                == ["catalogue.json", "catalogue.schema.json", "en/index.html", "filter.js", "index.html", "style.css",
                    "widget.js"])
        let withPlans = LeerlijnCommand.execute(["export", "--catalog", TestSupport.catalogPath, "--output", output,
                                                 "--formats", "json"])
        #expect(withPlans.code == 0)
        let files = try ExportTestSupport.files(in: output).keys
        #expect(files.contains("plans/primary-school.ics"))
        #expect(files.contains("plans/matrix-sport.json"))
        #expect(files.contains("plans/plan.xsd"))
    }

    @Test("Duration syntax follows xs:duration", arguments: [
        ("PT2H", true), ("P1Y2M3DT4H5M6.5S", true), ("-P3D", true), ("PT1.5H", false), ("P", false), ("PT", false),
        ("P1DT", false), ("2H", false), ("P1M1Y", false), ("P1.D", false),
    ])
    func durations(value: String, valid: Bool) {
        #expect(ExportSyntax.isDuration(value) == valid)
    }
}
