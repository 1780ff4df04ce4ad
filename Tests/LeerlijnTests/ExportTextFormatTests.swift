import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

@Suite("Export: JSON, JSON-LD, CSV and HTML")
struct ExportTextFormatTests {
    static let catalogues: [String] = ["bundled", "hostile"]

    static func catalogue(_ name: String) throws -> Catalogue {
        name == "bundled" ? try TestSupport.catalogue() : try ExportTestSupport.hostileCatalogue()
    }

    static func schemaChecker() throws -> JSONSchemaChecker {
        try JSONSchemaChecker(schema: EmbeddedSchemas.exportCatalogueSchemaJSON)
    }

    @Test("catalogue.json parses and matches its schema's required fields and types", arguments: catalogues)
    func jsonMatchesSchema(name: String) throws {
        let catalogue = try Self.catalogue(name)
        let bytes = CatalogueJSONExporter().render(catalogue.programmes, catalogue: catalogue)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(try Self.schemaChecker().problems(parsed) == [])
        #expect(parsed["count"] as? Int == catalogue.programmes.count)
        let programmes = try #require(parsed["programmes"] as? [[String: Any]])
        #expect(programmes.map { $0["id"] as? String ?? "" } == catalogue.programmes.map(\.id))
        for (object, programme) in zip(programmes, catalogue.programmes) {
            #expect((object["title"] as? [String: String])?["nl"] == programme.title.nl)
            #expect(object["note"] as? String == programme.note)
        }
    }

    @Test("The checker rejects documents that break the schema")
    func checkerCatchesProblems() throws {
        let checker = try Self.schemaChecker()
        let bad: [String: Any] = ["count": "3", "programmes": [["id": "Not A Slug"]], "version": 1, "vocabulary": [:]]
        let problems = checker.problems(bad)
        #expect(problems.contains { $0.contains("$.count: expected [\"integer\"]") })
        #expect(problems.contains { $0.contains("missing title") })
        #expect(problems.contains { $0.contains("does not match") })
    }

    @Test("Streaming JSON gives exactly the bytes of serialising the whole document", arguments: catalogues)
    func streamedEqualsTree(name: String) throws {
        let catalogue = try Self.catalogue(name)
        let streamed = CatalogueJSONExporter().render(catalogue.programmes, catalogue: catalogue)
        let whole = CatalogueJSONExporter.document(catalogue.programmes, catalogue: catalogue).serialized() + [0x0A]
        #expect(streamed == whole)
        let empty = CatalogueJSONExporter().render([], catalogue: catalogue)
        #expect(empty == CatalogueJSONExporter.document([], catalogue: catalogue).serialized() + [0x0A])
    }

    @Test("catalogue.jsonld is a schema.org graph of Course and LearningResource nodes", arguments: catalogues)
    func jsonLD(name: String) throws {
        let catalogue = try Self.catalogue(name)
        let bytes = JSONLDExporter().render(catalogue.programmes, catalogue: catalogue)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(parsed["@context"] as? String == "https://schema.org")
        let graph = try #require(parsed["@graph"] as? [[String: Any]])
        var byID: [String: [String: Any]] = [:]
        for node in graph { byID[node["@id"] as? String ?? ""] = node }
        #expect(byID.count == graph.count, "node ids are unique")
        func resolved(_ value: Any?) -> [[String: Any]] {
            (value as? [[String: Any]] ?? []).compactMap { byID[$0["@id"] as? String ?? ""] }
        }
        for (node, programme) in zip(graph, catalogue.programmes) {
            let expectedType = ["course", "lesson-method"].contains(programme.kind?.rawValue ?? "") ? "Course" : "LearningResource"
            #expect(node["@type"] as? String == expectedType)
            #expect(node["@id"] as? String == "urn:leerlijn:programme:\(programme.id)")
            #expect((node["typicalAgeRange"] as? String) == programme.ageRange.map { "\($0.min)-\($0.max)" })
            let audiences = resolved(node["audience"])
            #expect(audiences.map { $0["educationalRole"] as? String ?? "" } == programme.audiences.map(\.rawValue))
            #expect(audiences.allSatisfy { $0["@type"] as? String == "EducationalAudience" })
            let topics = resolved(node["about"])
            #expect(topics.map { $0["termCode"] as? String ?? "" } == programme.topics.map(\.rawValue))
            #expect(topics.allSatisfy { $0["@type"] as? String == "DefinedTerm" && ($0["name"] as? [Any])?.count == 2 })
            #expect(resolved(node["teaches"]).count == programme.topics.count)
            #expect(resolved(node["educationalLevel"]).count == programme.educationLevels.count)
            switch programme.cost?.rawValue {
            case "free"?: #expect(JSONSchemaChecker.isBool(node["isAccessibleForFree"] as Any) && node["isAccessibleForFree"] as? Bool == true)
            case "paid"?: #expect(node["isAccessibleForFree"] as? Bool == false)
            default: #expect(node["isAccessibleForFree"] == nil)
            }
            if let providers = node["provider"] as? [[String: Any]] {
                #expect(providers.map { $0["name"] as? String ?? "" } == programme.providers)
                #expect(providers.allSatisfy { $0["@type"] as? String == "Organization" })
            }
            if let url = node["url"] as? String { #expect(url.hasPrefix("http://") || url.hasPrefix("https://")) }
        }
        #expect(graph.count > catalogue.programmes.count, "the vocabulary terms follow the programmes")
        let streamed = bytes
        #expect(streamed == JSONLDExporter.document(catalogue.programmes, catalogue: catalogue).serialized() + [0x0A])
    }

    @Test("catalogue.csv parses back with RFC 4180, a constant column count and neutralised formulas", arguments: catalogues)
    func csvRoundTrip(name: String) throws {
        let catalogue = try Self.catalogue(name)
        let bytes = CSVExporter().render(catalogue.programmes, catalogue: catalogue)
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF], "no byte-order mark")
        let rows = try ExportCSVParser.parse(bytes)
        #expect(rows.first == CSVExporter.columns)
        #expect(rows.count == catalogue.programmes.count + 1)
        #expect(rows.allSatisfy { $0.count == CSVExporter.columns.count })
        let titleColumn = try #require(CSVExporter.columns.firstIndex(of: "title_nl"))
        for (row, programme) in zip(rows.dropFirst(), catalogue.programmes) {
            let cleaned = ExportText.withoutControlCharacters(programme.title.nl)
            #expect(row[titleColumn] == CSVWriter.neutralised(cleaned))
            for cell in row {
                if let first = cell.unicodeScalars.first {
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "formula-like cell \(cell.debugDescription)")
                }
                #expect(!cell.unicodeScalars.contains { $0.value < 0x20 && ![0x9, 0xA, 0xD].contains($0.value) })
            }
        }
    }

    @Test("The CSV injection cases are neutralised cell by cell")
    func csvInjectionCases() throws {
        let catalogue = try ExportTestSupport.hostileCatalogue()
        let rows = try ExportCSVParser.parse(CSVExporter().render(catalogue.programmes, catalogue: catalogue))
        let titles = Set(rows.dropFirst().map { $0[1] })
        for expected in ["'=HYPERLINK(\"http://evil.invalid/\",\"click\")", "'+1", "'-1", "'@x", "'\tTab first",
                         "'\rCR first", "quote \" inside", "comma, inside", "new\nline\r\nand CRLF",
                         "control \u{FFFD} and \u{FFFD} and \u{FFFD}"] {
            #expect(titles.contains(expected), "missing \(expected.debugDescription)")
        }
    }
}
