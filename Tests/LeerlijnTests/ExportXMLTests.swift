import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

@Suite("Export: catalogue.xml and feed.atom")
struct ExportXMLTests {
    static let catalogues: [String] = ["bundled", "hostile"]

    static func catalogue(_ name: String) throws -> Catalogue {
        name == "bundled" ? try TestSupport.catalogue() : try ExportTestSupport.hostileCatalogue()
    }

    @Test("catalogue.xml re-parses and validates against the published XSD", arguments: catalogues)
    func catalogueXMLValidates(name: String) throws {
        let catalogue = try Self.catalogue(name)
        let bytes = CatalogueXMLExporter().render(catalogue.programmes, catalogue: catalogue)
        let (summary, records) = ExportTestSupport.parse(bytes, name: "catalogue.xml", schema: try ExportTestSupport.exportSchema())
        #expect(summary.isValid, "\(summary.diagnostics.prefix(5))")
        #expect(summary.rootName == "catalogue")
        #expect(summary.rootNamespace == CatalogueXMLExporter.namespace)
        let programmes = records.filter { $0.name == "programme" }
        #expect(programmes.map { $0.attribute("id") ?? "" } == catalogue.programmes.map(\.id))
        for (node, programme) in zip(programmes, catalogue.programmes) {
            let titles = node.children(named: "title")
            #expect(titles.first { $0.attribute("lang") == "nl" }?.text == ExportTestSupport.xmlPolicy(programme.title.nl))
            #expect(node.child("lastModified")?.text == programme.lastModified.description)
            #expect(node.child("status")?.attribute("value") == programme.status.id)
        }
        #expect(records.last?.name == "vocabulary")
    }

    @Test("An empty selection still gives a valid document")
    func emptySelection() throws {
        let catalogue = try TestSupport.catalogue()
        let bytes = CatalogueXMLExporter().render([], catalogue: catalogue)
        let (summary, _) = ExportTestSupport.parse(bytes, name: "catalogue.xml", schema: try ExportTestSupport.exportSchema())
        #expect(summary.isValid, "\(summary.diagnostics)")
    }

    @Test("The published XSD file equals the embedded copy")
    func publishedSchemaMatches() throws {
        let xsd = try String(contentsOfFile: TestSupport.packageRoot + "/Catalog/schema/export-catalogue.xsd", encoding: .utf8)
        #expect(xsd == PublishedSchema.exportCatalogueXSD.text)
        let json = try String(contentsOfFile: TestSupport.packageRoot + "/Catalog/schema/export-catalogue.schema.json", encoding: .utf8)
        #expect(json == PublishedSchema.exportCatalogueSchemaJSON.text)
    }

    @Test("feed.atom has the RFC 4287 required elements and RFC 6721 tombstones", arguments: catalogues)
    func atomFeed(name: String) throws {
        let catalogue = try Self.catalogue(name)
        let bytes = AtomFeedExporter().render(catalogue.programmes, catalogue: catalogue)
        let (summary, records) = ExportTestSupport.parse(bytes, name: "feed.atom")
        #expect(summary.isValid, "\(summary.diagnostics.prefix(5))")
        #expect(summary.rootName == "feed")
        #expect(summary.rootNamespace == AtomFeedExporter.atomNamespace)
        let newest = try #require(catalogue.programmes.map(\.lastModified).max())
        #expect(records.first { $0.name == "id" }?.text == AtomFeedExporter.feedID)
        #expect(records.first { $0.name == "title" }?.text.isEmpty == false)
        #expect(records.first { $0.name == "updated" }?.text == "\(newest)T00:00:00Z")
        #expect(records.first { $0.name == "author" }?.child("name")?.text == "Leerlijn")
        let selfLink = try #require(records.first { $0.name == "link" && $0.attribute("rel") == "self" })
        #expect(selfLink.attribute("href") == "feed.atom")

        let entries = records.filter { $0.name == "entry" }
        let tombstones = records.filter { $0.name == "deleted-entry" }
        let active = catalogue.programmes.filter { $0.status.id == "active" }
        let ended = catalogue.programmes.filter { $0.status.id == "ended" }
        #expect(entries.count == active.count)
        #expect(tombstones.count == ended.count)
        for (entry, programme) in zip(entries, active) {
            #expect(entry.namespace == AtomFeedExporter.atomNamespace)
            #expect(entry.child("id")?.text == "urn:leerlijn:programme:\(programme.id)")
            #expect(entry.child("title")?.text == ExportTestSupport.xmlPolicy(programme.title.nl))
            #expect(entry.child("updated")?.text == "\(programme.lastModified)T00:00:00Z")
            #expect(entry.child("summary") != nil && entry.child("content") != nil)
            let links = entry.children(named: "link")
            #expect(links.count == 1)
            #expect(links.allSatisfy { ($0.attribute("href") ?? "").hasPrefix("https://")
                || ($0.attribute("href") ?? "").hasPrefix("http://") || ($0.attribute("href") ?? "").hasPrefix("index.html#") })
            let categories = entry.children(named: "category")
            let schemes = Set(categories.compactMap { $0.attribute("scheme") })
            // Since the audit a programme may name no audience (the factsheet gives none).
            #expect(schemes.contains("urn:leerlijn:vocabulary:audience") == !programme.audiences.isEmpty)
            #expect(schemes.contains("urn:leerlijn:vocabulary:topic"))
            if !programme.sectors.isEmpty { #expect(schemes.contains("urn:leerlijn:vocabulary:sector")) }
            if programme.ageRange != nil { #expect(schemes.contains(AtomFeedExporter.ageBandScheme)) }
            #expect(categories.allSatisfy { $0.attribute("term")?.isEmpty == false })
        }
        for (tombstone, programme) in zip(tombstones, ended) {
            #expect(tombstone.namespace == AtomFeedExporter.tombstonesNamespace)
            #expect(tombstone.attribute("ref") == "urn:leerlijn:programme:\(programme.id)")
            #expect(tombstone.attribute("when") == "\(ExportText.endDate(of: programme))T00:00:00Z")
        }
    }

    @Test("Tombstones use the end date when known, else the record's lastModified")
    func tombstoneDates() throws {
        let catalogue = try ExportTestSupport.hostileCatalogue()
        let bytes = AtomFeedExporter().render(catalogue.programmes, catalogue: catalogue)
        let (_, records) = ExportTestSupport.parse(bytes, name: "feed.atom")
        let whens = records.filter { $0.name == "deleted-entry" }.map { $0.attribute("when") ?? "" }
        #expect(whens == ["2024-06-30T00:00:00Z", "2026-11-29T00:00:00Z"])
    }

    @Test("Feed dates come from the data, never the clock")
    func feedDatesFromData() throws {
        let vocabulary = try TestSupport.catalogue().vocabulary
        let programmes = [ExportTestSupport.programme(id: "a", lastModified: "2020-01-02"),
                          ExportTestSupport.programme(id: "b", lastModified: "2021-03-04")]
        let catalogue = Catalogue(programmes: programmes, requirements: [], vocabulary: vocabulary)
        let (_, records) = ExportTestSupport.parse(AtomFeedExporter().render(programmes, catalogue: catalogue), name: "feed.atom")
        #expect(records.first { $0.name == "updated" }?.text == "2021-03-04T00:00:00Z")
        let (_, empty) = ExportTestSupport.parse(AtomFeedExporter().render([], catalogue: catalogue), name: "feed.atom")
        #expect(empty.first { $0.name == "updated" }?.text == "2021-03-04T00:00:00Z")
    }

    @Test("Characters illegal in XML 1.0 never reach an XML or Atom file")
    func noIllegalCharacters() throws {
        let catalogue = try ExportTestSupport.hostileCatalogue()
        for bytes in [CatalogueXMLExporter().render(catalogue.programmes, catalogue: catalogue),
                      AtomFeedExporter().render(catalogue.programmes, catalogue: catalogue)] {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && ![0x9, 0xA, 0xD].contains($0.value))
                || $0.value == 0xFFFE || $0.value == 0xFFFF })
        }
    }
}
