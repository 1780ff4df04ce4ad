import Foundation
import Testing
@testable import Leerlijn

@Suite("Catalogue loader: bad input")
struct CatalogueLoaderBadInputTests {
    /// Loads `files` as a catalogue and returns the diagnostics it must produce.
    func diagnostics(_ files: [String: String], maxFileBytes: Int = 1 << 28) throws -> [Diagnostic] {
        let root = try TestSupport.makeCatalog(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try CatalogueLoader(maxFileBytes: maxFileBytes).load(directory: root)
            Issue.record("the catalogue loaded")
            return []
        } catch {
            guard case .invalidData(let diagnostics) = error else {
                Issue.record("expected invalid data (65), got \(error)")
                return []
            }
            #expect(error.exitCode == 65)
            return diagnostics
        }
    }

    @Test("A good minimal catalogue loads")
    func minimal() throws {
        let root = try TestSupport.makeCatalog([
            "programmes/a.xml": TestSupport.programmesFile(TestSupport.programme(id: "one")),
        ])
        let catalogue = try CatalogueLoader().load(directory: root)
        #expect(catalogue.programmes.map(\.id) == ["one"])
        #expect(catalogue.programmes.first?.ageRange == AgeRange(min: 6, max: 10))
    }

    @Test("Duplicate ids across files name both places")
    func duplicateIDs() throws {
        let found = try diagnostics([
            "programmes/a.xml": TestSupport.programmesFile(TestSupport.programme(id: "same")),
            "programmes/b.xml": TestSupport.programmesFile(TestSupport.programme(id: "same")),
        ])
        let message = try #require(found.first { $0.field == "id" })
        #expect(message.value == "same")
        #expect(message.file.hasSuffix("programmes/b.xml"))
        #expect(message.message.contains("programmes/a.xml:3"))
        #expect(message.description.contains(":3:1: error: duplicate id 'same'"))
    }

    @Test("Inverted and negative ages", arguments: [
        ("<ageRange min=\"12\" max=\"4\"/>", "greater than max"),
        ("<ageRange min=\"-3\" max=\"4\"/>", "-3"),
        ("<ageRange min=\"3\" max=\"40\"/>", "40"),
    ])
    func ages(range: String, expected: String) throws {
        let found = try diagnostics([
            "programmes/a.xml": TestSupport.programmesFile(TestSupport.programme(id: "ages", ages: range)),
        ])
        #expect(found.contains { $0.message.contains(expected) }, "\(found)")
        #expect(found.allSatisfy { $0.line > 0 })
    }

    @Test("Unknown vocabulary values name the field and suggest valid ids")
    func unknownVocabulary() throws {
        let found = try diagnostics([
            "programmes/a.xml": TestSupport.programmesFile(TestSupport.programme(id: "v", topic: "sextng")),
        ])
        let message = try #require(found.first)
        #expect(found.count == 1, "libxml2's duplicate enumeration messages are folded: \(found)")
        #expect(message.field == "topic")
        #expect(message.value == "sextng")
        #expect(message.message.contains("did you mean 'sexting'"))
        #expect(message.message.contains("Valid values: "))
    }

    @Test("Ended status problems", arguments: [
        ("<status value=\"active\" date=\"2024-01-01\"/>", "active entry has no end date"),
        ("<status value=\"ended\" date=\"2024-01-01\" year=\"2023\"/>", "contradicts"),
    ])
    func status(status: String, expected: String) throws {
        let found = try diagnostics([
            "programmes/a.xml": TestSupport.programmesFile(TestSupport.programme(id: "s", status: status)),
        ])
        #expect(found.contains { $0.message.contains(expected) }, "\(found)")
    }

    @Test("Every error is reported, not just the first")
    func allErrors() throws {
        let found = try diagnostics([
            "programmes/a.xml": TestSupport.programmesFile(
                TestSupport.programme(id: "a1", topic: "nope"),
                TestSupport.programme(id: "a2", ages: "<ageRange min=\"9\" max=\"2\"/>")),
            "programmes/b.xml": "<programmes xmlns=\"urn:leerlijn:catalogue:1\"><programme id=\"x\">",
        ])
        let files = Set(found.map { ($0.file as NSString).lastPathComponent })
        #expect(files == ["a.xml", "b.xml"])
        #expect(found.count >= 3)
    }

    @Test("Hostile files inside a catalogue are refused", arguments: [
        "<!DOCTYPE programmes [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><programmes xmlns=\"urn:leerlijn:catalogue:1\">&x;</programmes>",
        "<programmes xmlns=\"urn:leerlijn:catalogue:1\"/><programmes xmlns=\"urn:leerlijn:catalogue:1\"/>",
        "",
        "<programmes xmlns=\"urn:leerlijn:catalogue:1\">\u{1}</programmes>",
        "<programmes xmlns=\"urn:leerlijn:catalogue:1\">&#1;</programmes>",
        "<programmes xmlns=\"urn:other\"/>",
        "<requirements xmlns=\"urn:leerlijn:catalogue:1\"/>",
    ])
    func hostile(document: String) throws {
        let found = try diagnostics(["programmes/a.xml": document])
        #expect(!found.isEmpty)
        #expect(!found.map(\.description).joined().contains("root:x:0:0"))
    }

    @Test("A file over the cap is refused")
    func cap() throws {
        let found = try diagnostics([
            "programmes/a.xml": TestSupport.programmesFile(TestSupport.programme(id: "big")),
        ], maxFileBytes: 100)
        #expect(found.contains { $0.message.contains("over the limit") })
    }

    @Test("A missing catalogue folder is missing input (66)")
    func missing() {
        #expect {
            _ = try CatalogueLoader().load(directory: "/nonexistent/leerlijn")
        } throws: { error in
            (error as? LeerlijnError)?.exitCode == 66
        }
    }
}
