import Foundation
import Testing
@testable import LeerlijnXML

/// Batches of flat records (what the catalogue loader hands to its decoding thread) must give
/// exactly the trees and diagnostics of the per-record reader, at any batch size.
@Suite("Flat record batches")
struct FlatRecordsTests {
    static let catalog = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Catalog").standardizedFileURL.path

    /// Both readings of `bytes`: per record, and in batches of `size` made into trees.
    static func both(_ bytes: [UInt8], size: Int, schema: XMLSchema? = nil)
        -> (records: [ElementNode], batched: [ElementNode], summary: SafeXMLReader.Summary, batchedSummary: SafeXMLReader.Summary,
            batchCount: Int) {
        let reader = SafeXMLReader()
        var records: [ElementNode] = []
        let summary = reader.read(bytes: bytes, displayName: "doc.xml", schema: schema) { records.append($0) }
        var batched: [ElementNode] = [], batchCount = 0
        let batchedSummary = reader.read(bytes: bytes, displayName: "doc.xml", schema: schema, batchSize: size) { batch in
            #expect(!batch.isEmpty)
            #expect(batch.recordCount <= size)
            batchCount += 1
            batched += batch.trees()
        }
        return (records, batched, summary, batchedSummary, batchCount)
    }

    static func expectSame(_ bytes: [UInt8], sizes: [Int] = [1, 2, 3, 1024], schema: XMLSchema? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        for size in sizes {
            let result = both(bytes, size: size, schema: schema)
            #expect(result.batched == result.records, "batch size \(size)", sourceLocation: sourceLocation)
            #expect(result.batchedSummary.rootName == result.summary.rootName, sourceLocation: sourceLocation)
            #expect(result.batchedSummary.rootNamespace == result.summary.rootNamespace, sourceLocation: sourceLocation)
            #expect(result.batchedSummary.diagnostics.map(\.description) == result.summary.diagnostics.map(\.description),
                    "batch size \(size)", sourceLocation: sourceLocation)
            #expect(result.batchCount == (result.records.count + size - 1) / size, "batch size \(size)", sourceLocation: sourceLocation)
        }
    }

    static let documents: [(String, String)] = [
        ("mixed content and indentation", """
        <r xmlns="urn:a"><p id="1">
            <t>Title</t>
            text after a child
            <u>x</u>
        </p><p id="2">plain</p></r>
        """),
        ("ampersands, CDATA, comments, processing instructions", """
        <r><p a="x &amp; y" b="&lt;&gt;&quot;&apos;" c="&#38;&#x26;">a &amp; b<![CDATA[ <raw> & ]]><!-- c --><?pi x?>tail</p></r>
        """),
        ("namespaces and prefixed attributes", """
        <r xmlns="urn:a" xmlns:b="urn:b"><b:p b:x="1" y="2"><q xmlns="urn:c">deep</q><b:q/></b:p><p/></r>
        """),
        ("non-ASCII text and names", "<r><p naam=\"ë—€\">Ĳsselmeer 🙂</p><é>ü</é></r>"),
        ("empty records and white space only", "<r>\n  <p/>\n  <p>   </p>\n  <p>\n    <q/>\n  </p>\n</r>"),
        ("broken inside the third record", "<r><p>1</p><p>2</p><p><q>3</q><q>4</r>"),
        ("broken after a record", "<r><p>1</p><p>2</p><"),
        ("a DOCTYPE is refused", "<!DOCTYPE r [<!ENTITY e \"x\">]><r><p>&e;</p></r>"),
        ("only a root", "<r/>"),
    ]

    @Test("Crafted documents: the same trees, root and diagnostics as the per-record reader", arguments: documents)
    func crafted(name: String, document: String) {
        Self.expectSame(Array(document.utf8))
    }

    @Test("Nesting at and over the limit")
    func nesting() {
        for depth in [SAXRecordBuilder.maxDepth - 1, SAXRecordBuilder.maxDepth, SAXRecordBuilder.maxDepth + 5] {
            let document = "<r>" + String(repeating: "<p>", count: depth) + "x" + String(repeating: "</p>", count: depth) + "<p/></r>"
            Self.expectSame(Array(document.utf8), sizes: [1, 1024])
        }
    }

    @Test("Random documents: the same trees at every batch size")
    func random() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let texts = ["", " ", "\n  ", "a", "x &amp; y", "&#38;", "<![CDATA[c&d]]>", "é", "tab\there", "&lt;tag&gt;"]
        let names = ["p", "q", "title", "b:x", "lang"]
        func element(_ depth: Int) -> String {
            let name = names[next(names.count)]
            var attributes = ""
            for index in 0..<next(3) { attributes += " a\(index)=\"\(["v", "&amp;", "&#38;", "", "ü"][next(5)])\"" }
            var body = texts[next(texts.count)]
            if depth < 5 {
                for _ in 0..<next(4) { body += element(depth + 1) + texts[next(texts.count)] }
            }
            return "<\(name)\(attributes)>\(body)</\(name)>"
        }
        for _ in 0..<150 {
            var document = "<r xmlns:b=\"urn:b\">"
            for _ in 0..<next(12) { document += texts[next(3)] + element(0) }
            document += "</r>"
            Self.expectSame(Array(document.utf8), sizes: [1, 2, 5, 1024])
        }
    }

    @Test("The bundled catalogue's files, validated against the catalogue schema while read")
    func bundledCatalogue() throws {
        let schemaPath = Self.catalog + "/schema/catalogue.xsd"
        let schema = try XMLSchema(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: schemaPath))), name: schemaPath)
        var files: [String] = []
        for folder in ["programmes", "requirements"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Self.catalog + "/" + folder).sorted()
            where name.hasSuffix(".xml") {
                files.append(Self.catalog + "/" + folder + "/" + name)
            }
        }
        #expect(files.count >= 3)
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let result = Self.both(bytes, size: 7, schema: schema)
            #expect(!result.records.isEmpty, "\(file)")
            #expect(result.summary.isValid, "\(file)")
            Self.expectSame(bytes, sizes: [1, 7, 1024], schema: schema)
        }
    }
}
