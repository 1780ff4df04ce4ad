import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

/// Every output carries the basis of the values it shows, the same way (issue 9).
@Suite("Exports and queries carry the basis")
struct ExportBasisTests {
    static let rule = Vocabulary.educationLevelAgesRule

    /// Two programmes: `derived` states a primary level but no ages (so rule
    /// education-level-ages gives 4–12), a rendered English title and a feature; `stated`
    /// states its ages 6–10.
    static func catalogue() throws -> Catalogue {
        let derived = """
          <programme id="derived">
            <title lang="nl" basis="stated">Methode</title>
            <title lang="en" basis="rendered">Method</title>
            <summary lang="nl" basis="rendered">Samenvatting.</summary>
            <summary lang="en" basis="rendered">Summary.</summary>
            <audience basis="stated">children</audience>
            <educationLevel basis="stated">primary</educationLevel>
            <topic basis="stated">online-safety</topic>
            <feature basis="stated">practical-cases</feature>
            <evidence basis="stated">not-assessed</evidence>
            <status value="active" basis="derived" rule="present-as-of-update"/>
            <source section="IX">test</source>
            <lastModified>2026-11-29</lastModified>
          </programme>
        """
        let root = try TestSupport.makeCatalog([
            "programmes/a.xml": TestSupport.programmesFile(derived, TestSupport.programme(id: "stated")),
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        return try CatalogueLoader().load(directory: root)
    }

    static func programme(_ id: String, in catalogue: Catalogue) throws -> Programme {
        try #require(catalogue.programmes.first { $0.id == id })
    }

    @Test("The fixture: ages derived from the education level at load")
    func fixture() throws {
        let catalogue = try Self.catalogue()
        let derived = try Self.programme("derived", in: catalogue)
        #expect(derived.ageRange == AgeRange(min: 4, max: 12))
        #expect(derived.ageRangeBasis == .derived(rule: Self.rule))
        #expect(try Self.programme("stated", in: catalogue).ageRangeBasis == .stated)
    }

    @Test("catalogue.xml: basis and rule on every value, validated against its XSD")
    func xml() throws {
        let catalogue = try Self.catalogue()
        let bytes = CatalogueXMLExporter().render(catalogue.programmes, catalogue: catalogue)
        let (summary, records) = ExportTestSupport.parse(bytes, name: "catalogue.xml", schema: try ExportTestSupport.exportSchema())
        #expect(summary.isValid, "\(summary.diagnostics.prefix(5))")
        let node = try #require(records.first { $0.attribute("id") == "derived" })
        let ages = try #require(node.child("ageRange"))
        #expect(ages.attribute("basis") == "derived" && ages.attribute("rule") == Self.rule)
        #expect(node.children(named: "title").first { $0.attribute("lang") == "en" }?.attribute("basis") == "rendered")
        #expect(node.child("feature")?.text == "practical-cases")
        #expect(node.child("kind") == nil, "kind is optional and left out when unknown")
        let skipped: Set<String> = ["source", "note", "lastModified"]
        for child in node.children where !skipped.contains(child.name) {
            #expect(child.attribute("basis") != nil, "\(child.name) has no basis")
            #expect((child.attribute("basis") == "derived") == (child.attribute("rule") != nil), "\(child.name)")
        }
        let primary = records.last?.children.first { $0.attribute("name") == "educationLevel" }?
            .children.first { $0.attribute("id") == "primary" }
        #expect(primary?.attribute("minAge") == "4" && primary?.attribute("maxAge") == "12")
    }

    @Test("The source writer writes the basis: its output validates against catalogue.xsd and round-trips")
    func sourceWriter() throws {
        let catalogue = try Self.catalogue()
        let bytes = ProgrammeSourceWriter.document(catalogue.programmes)
        let schema = try XMLSchema(bytes: Array(PublishedSchema.catalogueXSD.text.utf8), name: "catalogue.xsd")
        let (summary, _) = ExportTestSupport.parse(bytes, name: "programmes.xml", schema: schema)
        #expect(summary.isValid, "\(summary.diagnostics.prefix(5))")
        let root = try TestSupport.makeCatalog(["programmes/a.xml": String(decoding: bytes, as: UTF8.self)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reloaded = try CatalogueLoader().load(directory: root)
        #expect(reloaded.programmes == catalogue.programmes)
    }

    @Test("catalogue.json: basis array, ageRangeBasis, features and a null kind, valid against its schema")
    func json() throws {
        let catalogue = try Self.catalogue()
        let bytes = CatalogueJSONExporter().render(catalogue.programmes, catalogue: catalogue)
        #expect(bytes == CatalogueJSONExporter.document(catalogue.programmes, catalogue: catalogue).serialized() + [0x0A])
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        #expect(try JSONSchemaChecker(schema: PublishedSchema.exportCatalogueSchemaJSON.text).problems(object) == [])
        let programmes = try #require((object as? [String: Any])?["programmes"] as? [[String: Any]])
        let derived = try #require(programmes.first { $0["id"] as? String == "derived" })
        #expect(derived["ageRangeBasis"] as? String == "derived:" + Self.rule)
        #expect(derived["kind"] is NSNull)
        #expect(derived["features"] as? [String] == ["practical-cases"])
        let basis = try #require(derived["basis"] as? [[String: String]])
        #expect(basis.contains(["field": "ageRange", "basis": "derived", "rule": Self.rule]))
        #expect(basis.contains(["field": "title", "value": "en", "basis": "rendered"]))
        #expect(basis.contains(["field": "audience", "value": "children", "basis": "stated"]))
        #expect(basis.map { $0["field"] ?? "" } == basis.map { $0["field"] ?? "" }.sorted(), "Provenance.all order")
        let stated = try #require(programmes.first { $0["id"] as? String == "stated" })
        #expect(stated["ageRangeBasis"] as? String == "stated")
    }

    @Test("catalogue.json's schema refuses a basis that is not stated, derived with a rule, or rendered")
    func jsonSchemaRefuses() throws {
        let checker = try JSONSchemaChecker(schema: PublishedSchema.exportCatalogueSchemaJSON.text)
        let catalogue = try Self.catalogue()
        let good = CatalogueJSONExporter.document(catalogue.programmes, catalogue: catalogue).serialized()
        for (bad, replacement) in [("\"rule\": \"\(Self.rule)\"", "\"rule\": \"Bad Rule\""),
                                   ("\"basis\": \"rendered\"", "\"basis\": \"guessed\"")] {
            let text = String(decoding: good, as: UTF8.self)
            #expect(text.contains(bad))
            let object = try JSONSerialization.jsonObject(with: Data(text.replacingOccurrences(of: bad, with: replacement).utf8))
            #expect(!checker.problems(object).isEmpty, "\(replacement)")
        }
    }

    @Test("catalogue.csv: basis columns appended after the original ones")
    func csv() throws {
        let catalogue = try Self.catalogue()
        let rows = try ExportCSVParser.parse(CSVExporter().render(catalogue.programmes, catalogue: catalogue))
        let header = try #require(rows.first)
        #expect(Array(header.suffix(5)) == ["features", "age_range_basis", "title_nl_basis", "title_en_basis", "basis"])
        #expect(header.firstIndex(of: "last_modified") == 32, "earlier column positions stay")
        let row = try #require(rows.first { $0.first == "derived" })
        let cell = { (name: String) in header.firstIndex(of: name).map { row[$0] } }
        #expect(cell("age_range_basis") == "derived:" + Self.rule)
        #expect(cell("title_nl_basis") == "stated")
        #expect(cell("title_en_basis") == "rendered")
        #expect(cell("features") == "practical-cases")
        let basis = try #require(cell("basis"))
        #expect(basis.contains("ageRange:derived:\(Self.rule)"))
        #expect(basis.contains("title=en:rendered; title=nl:stated"))
        #expect(basis.contains("audience=children:stated"))
    }

    @Test("index.html: markers on derived and rendered values, a legend naming each rule, the age basis for the filter")
    func html() throws {
        let catalogue = try Self.catalogue()
        let bytes = HTMLPageExporter().render(catalogue.programmes, catalogue: catalogue)
        let (summary, records) = ExportTestSupport.parse(Array(bytes.dropFirst("<!DOCTYPE html>\n".utf8.count)), name: "index.html")
        #expect(summary.isValid, "\(summary.diagnostics.prefix(5))")
        let elements = records.flatMap(ExportTestSupport.allElements)
        let row = try #require(elements.first { $0.attribute("id") == HTMLPageExporter.rowID("derived") })
        #expect(row.attribute("data-age-basis") == "derived")
        let markers = ExportTestSupport.allElements(row).filter { $0.name == "a" && $0.attribute("href")?.hasPrefix("#basis-") == true }
        let ageMarker = try #require(markers.first { $0.attribute("href") == "#basis-regel-\(Self.rule)" })
        #expect(ageMarker.text == "≈")
        #expect(ageMarker.attribute("title")?.contains(Self.rule) == true)
        #expect(markers.contains { $0.text == "†" && $0.attribute("href") == "#basis-rendered" })
        let statedRow = try #require(elements.first { $0.attribute("id") == HTMLPageExporter.rowID("stated") })
        #expect(statedRow.attribute("data-age-basis") == "stated")
        #expect(!ExportTestSupport.allElements(statedRow).contains { $0.text == "≈" && $0.attribute("href")?.contains("regel-\(Self.rule)") == true })
        let legend = try #require(elements.first { $0.name == "section" && $0.attribute("id") == "basis" })
        let entry = try #require(ExportTestSupport.allElements(legend).first { $0.attribute("id") == "basis-regel-\(Self.rule)" })
        let statement = try #require(catalogue.vocabulary.term(Self.rule, in: "rule")?.label.nl)
        #expect(entry.text.contains(statement))
        #expect(ExportTestSupport.allElements(legend).contains { $0.attribute("id") == "basis-rendered" })
        #expect(ExportTestSupport.allElements(legend).contains { $0.attribute("id") == "basis-stated" })
        #expect(elements.contains { $0.attribute("id") == "filter-stated-ages" })
        #expect(FilterScript.source.contains("data-age-basis"))
    }

    @Test("catalogue.jsonld: derived values marked under the Leerlijn namespace; rendered names kept")
    func jsonLD() throws {
        let catalogue = try Self.catalogue()
        let bytes = JSONLDExporter().render(catalogue.programmes, catalogue: catalogue)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let context = try #require((parsed["@context"] as? [Any])?.last as? [String: Any])
        #expect((context["derivedValue"] as? [String: Any])?["@id"] as? String == "leerlijn:derivedValue")
        let graph = try #require(parsed["@graph"] as? [[String: Any]])
        let node = try #require(graph.first { $0["identifier"] as? String == "derived" })
        let derived = try #require(node["derivedValue"] as? [[String: Any]])
        let ruleID = JSONLDExporter.termID("rule", Self.rule)
        #expect(derived.contains { $0["basisField"] as? String == "ageRange" && $0["basisRule"] as? String == ruleID })
        #expect(node["typicalAgeRange"] as? String == "4-12")
        let rendered = try #require(node["renderedValue"] as? [[String: Any]])
        #expect(rendered.contains { $0["basisField"] as? String == "title" && $0["basisValue"] as? String == "en" })
        #expect((node["name"] as? [[String: Any]])?.contains { $0["@value"] as? String == "Method" } == true)
        #expect(node["learningResourceType"] == nil, "no kind, no type")
        #expect(graph.contains { $0["@id"] as? String == ruleID })
        let stated = try #require(graph.first { $0["identifier"] as? String == "stated" })
        #expect(stated["derivedValue"] == nil)
    }

    @Test("query --explain names the basis of the ages it matched on; the table marks derived ages")
    func explain() throws {
        let catalogue = try Self.catalogue()
        var query = CatalogueQuery()
        query.age = 6
        let matches = query.run(on: catalogue, explain: true)
        #expect(matches.map(\.programme.id).sorted() == ["derived", "stated"])
        let derived = try #require(matches.first { $0.programme.id == "derived" })
        #expect(derived.explanation.contains("ages 4–12: derived from education level primary (rule \(Self.rule)); contains age 6"))
        let stated = try #require(matches.first { $0.programme.id == "stated" })
        #expect(stated.explanation.contains("ages 6–10: stated; contains age 6"))
        let table = QueryTableRenderer(width: 120).render(matches, explain: false)
        #expect(table.contains("4–12≈"))
        #expect(table.contains("6–10 ") && !table.contains("6–10≈"))
    }

    @Test("--stated-ages-only keeps the strict match; by default derived ages match, on both query paths",
          arguments: [false, true])
    func statedAgesOnly(strict: Bool) throws {
        let catalogue = try Self.catalogue()
        var input = QueryFilterInput()
        input.ages = "4-5"
        input.statedAgesOnly = strict
        let query = try input.resolve(vocabulary: catalogue.vocabulary)
        let expected = strict ? [String]() : ["derived"]
        #expect(query.run(on: catalogue).map(\.programme.id) == expected)
        #expect(catalogue.programmes.filter { query.matchesDirectly($0, vocabulary: catalogue.vocabulary) }.map(\.id) == expected)
        input.ages = "7-8"
        let both = try input.resolve(vocabulary: catalogue.vocabulary).run(on: catalogue).map(\.programme.id).sorted()
        #expect(both == (strict ? ["stated"] : ["derived", "stated"]))
    }

    @Test("--stated-ages-only without an age filter is a usage error")
    func statedAgesOnlyNeedsAges() throws {
        var input = QueryFilterInput()
        input.statedAgesOnly = true
        #expect(throws: LeerlijnError.self) { try input.resolve(vocabulary: try Self.catalogue().vocabulary) }
    }
}
