import Foundation
import Testing
@testable import Leerlijn
@testable import LeerlijnCLI

/// The committed `Exports/` are the golden files of the bundled catalogue: the library pipeline
/// and the command must both reproduce them byte for byte.
///
/// Regenerate them with `swift run leerlijn export` (the tests never write to `Exports/`).
@Suite("Export: golden files and committed Exports/")
struct ExportGoldenTests {
    static let goldenDirectory = TestSupport.packageRoot + "/Exports"

    @Test("Every format matches its golden file byte for byte", arguments: ExportPipeline().plannedFiles)
    func golden(file: String) throws {
        let output = try TestSupport.temporaryDirectory("export-golden")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let catalogue = try TestSupport.catalogue()
        _ = try ExportPipeline().run(catalogue.programmes, catalogue: catalogue, to: output)
        let fresh = try Data(contentsOf: URL(fileURLWithPath: output + "/" + file))
        let goldenPath = Self.goldenDirectory + "/" + file
        let golden = try #require(FileManager.default.contents(atPath: goldenPath),
                                  "missing Exports/\(file); run `swift run leerlijn export`")
        let same = fresh == golden
        #expect(same, "\(file) differs from Exports/\(file); if intended, run `swift run leerlijn export`")
    }

    @Test("The committed Exports/ equals a fresh export of the bundled catalogue")
    func committedExportsAreFresh() throws {
        let output = try TestSupport.temporaryDirectory("export-fresh")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = LeerlijnCommand.execute(["export", "--catalog", TestSupport.catalogPath, "--output", output])
        #expect(outcome.code == 0, "\(outcome.message ?? "")")
        let fresh = try ExportTestSupport.files(in: output)
        let committed = try ExportTestSupport.files(in: TestSupport.packageRoot + "/Exports")
        let hint = "run `swift run leerlijn export` to regenerate Exports/"
        #expect(committed.keys.sorted() == fresh.keys.sorted(), "\(hint)")
        for (name, bytes) in fresh.sorted(by: { $0.key < $1.key }) {
            let same = committed[name] == bytes
            #expect(same, "Exports/\(name) is stale; \(hint)")
        }
    }
}
