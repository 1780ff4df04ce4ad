import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML
@testable import LeerlijnCLI

@Suite("Export: plans folder")
struct ExportPlansTests {
    @Test("Every exported plan and matrix validates against the published plan schemas")
    func plansValidate() throws {
        let catalogue = try TestSupport.catalogue()
        let outputs = try PlanExports.outputs(catalogue: catalogue, directory: TestSupport.catalogPath)
        let schema = try XMLSchema(bytes: PublishedSchema.planXSD.bytes, name: "plan.xsd")
        let xml = outputs.filter { $0.relativePath.hasSuffix(".xml") }
        #expect(xml.count == 7 + catalogue.vocabulary.ids("sector").count)
        for output in xml {
            let summary = SafeXMLReader().validate(bytes: output.bytes, displayName: output.relativePath, schema: schema)
            #expect(summary.isValid, "\(output.relativePath): \(summary.diagnostics)")
        }
        for output in outputs where output.relativePath.hasSuffix(".json") && !output.relativePath.hasSuffix("schema.json") {
            #expect((try? JSONSerialization.jsonObject(with: Data(output.bytes))) is [String: Any], "\(output.relativePath)")
        }
    }

    @Test("A broken profile stops the export before anything is written")
    func brokenProfile() throws {
        let root = try TestSupport.temporaryDirectory("plans-bad")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: TestSupport.catalogPath, toPath: root + "/Catalog")
        try Data("{\"name\": 3}".utf8).write(to: URL(fileURLWithPath: root + "/Catalog/profiles/broken.json"))
        let output = root + "/out"
        let outcome = LeerlijnCommand.execute(["export", "--catalog", root + "/Catalog", "--output", output])
        #expect(outcome.code == 65, "\(outcome.message ?? "")")
        #expect(outcome.message?.contains("broken.json") == true)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
