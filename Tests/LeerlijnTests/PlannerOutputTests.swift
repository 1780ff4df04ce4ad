import Foundation
import Testing
import Leerlijn
import LeerlijnXML
import LeerlijnCLI

@Suite("Planner outputs")
struct PlannerOutputTests {
    static let goldenPath = TestSupport.packageRoot + "/Tests/LeerlijnTests/Fixtures/plans"

    @Test(arguments: PlannerFixtures.exampleFiles)
    func xmlOutputIsValidAgainstPlanXSD(file: String) throws {
        let catalogue = try TestSupport.catalogue()
        let bytes = PlanRenderer.render(try PlannerFixtures.plan(file), as: .xml, catalogue: catalogue)
        let schema = try XMLSchema(bytes: PublishedSchema.planXSD.bytes, name: "plan.xsd")
        let summary = SafeXMLReader().validate(bytes: bytes, displayName: file, schema: schema)
        #expect(summary.isValid, "\(summary.diagnostics)")
        #expect(summary.rootName == "plan" && summary.rootNamespace == "urn:leerlijn:plan:1")
    }

    @Test(arguments: PlannerFixtures.exampleFiles)
    func jsonOutputMatchesPlanSchema(file: String) throws {
        let catalogue = try TestSupport.catalogue()
        let bytes = PlanRenderer.render(try PlannerFixtures.plan(file), as: .json, catalogue: catalogue)
        let value = try JSONSerialization.jsonObject(with: Data(bytes))
        let problems = try JSONSchemaChecker(schema: PublishedSchema.planSchemaJSON.text).problems(value)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func jsonExampleProfilesMatchProfileSchema() throws {
        let checker = try JSONSchemaChecker(schema: PublishedSchema.profileSchemaJSON.text)
        for file in PlannerFixtures.exampleFiles where file.hasSuffix(".json") {
            let value = try JSONSerialization.jsonObject(with: Data(PlannerFixtures.text(file).utf8))
            #expect(checker.problems(value).isEmpty, "\(file)")
        }
    }

    @Test(arguments: [PlanOutputFormat.json, .xml, .csv, .text])
    func trainingMatrixRendersAndValidates(format: PlanOutputFormat) throws {
        let catalogue = try TestSupport.catalogue()
        let matrix = TrainingMatrix(index: PlannerIndex(catalogue: catalogue), sector: Sector("education"), role: nil,
                                    asOf: nil)
        let bytes = try #require(TrainingMatrixRenderer.render(matrix, as: format, catalogue: catalogue))
        #expect(!bytes.isEmpty)
        if format == .xml {
            let schema = try XMLSchema(bytes: PublishedSchema.planXSD.bytes, name: "plan.xsd")
            #expect(SafeXMLReader().validate(bytes: bytes, displayName: "matrix", schema: schema).isValid)
        }
        if format == .json {
            let value = try JSONSerialization.jsonObject(with: Data(bytes))
            #expect(try JSONSchemaChecker(schema: PublishedSchema.planSchemaJSON.text).problems(value).isEmpty)
        }
    }

    @Test(arguments: PlanOutputFormat.allCases)
    func sameInputTwiceGivesIdenticalBytes(format: PlanOutputFormat) throws {
        let path = PlannerFixtures.profilesPath + "/primary-school.xml"
        let directory = try TestSupport.temporaryDirectory("plan")
        var outputs: [Data] = []
        for run in 0..<2 {
            let output = directory + "/plan-\(run).\(format.rawValue)"
            let result = LeerlijnCommand.execute(["plan", "--catalog", TestSupport.catalogPath, "--profile", path,
                                                  "--output-format", format.rawValue, "--output", output])
            #expect(result.code == 0, "\(result.message ?? "")")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        let same = outputs[0] == outputs[1]
        #expect(!outputs[0].isEmpty && same)
    }

    /// Golden files: every example profile in every format, compared byte for byte;
    /// `LEERLIJN_REGENERATE_GOLDENS=1` rewrites them.
    @Test(arguments: PlannerFixtures.exampleFiles)
    func goldenFiles(file: String) throws {
        let catalogue = try TestSupport.catalogue()
        let plan = try PlannerFixtures.plan(file)
        let base = (file as NSString).deletingPathExtension
        let regenerate = ProcessInfo.processInfo.environment["LEERLIJN_REGENERATE_GOLDENS"] == "1"
        for format in PlanOutputFormat.allCases {
            let bytes = PlanRenderer.render(plan, as: format, catalogue: catalogue)
            let path = Self.goldenPath + "/\(base).\(format == .text ? "txt" : format.rawValue)"
            if regenerate {
                try AtomicFileWriter.ensureDirectory(Self.goldenPath)
                try AtomicFileWriter.write(bytes, to: path)
                continue
            }
            let golden = try #require(FileManager.default.contents(atPath: path), "missing golden \(path)")
            let same = Array(golden) == bytes
            #expect(same, "\(path) differs; run with LEERLIJN_REGENERATE_GOLDENS=1 if the change is intended")
        }
    }
}
