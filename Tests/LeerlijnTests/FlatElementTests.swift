import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

/// The decoder reads records in place (`FlatElement`); what it reads must be what the
/// per-record reader builds as element trees: names, attributes (with `&#38;` decoded), text
/// in pieces, children, lines and columns.
@Suite("Records read in place")
struct FlatElementTests {
    static let documents = [
        "<r xmlns=\"urn:a\"><p id=\"1\">\n    <t>Title</t>\n    text after a child\n    <u>x</u>\n</p><p id=\"2\">plain</p></r>",
        "<r><p a=\"x &amp; y\" b=\"&lt;&gt;&quot;&apos;\" c=\"&#38;&#x26;\">a &amp; b<![CDATA[ <raw> & ]]><!-- c --><?pi x?>tail</p></r>",
        "<r xmlns=\"urn:a\" xmlns:b=\"urn:b\"><b:p b:x=\"1\" y=\"2\"><q xmlns=\"urn:c\">deep</q><b:q/></b:p><p/></r>",
        "<r><p naam=\"ë—€\">Ĳsselmeer 🙂</p><é>ü</é></r>",
        "<r>\n  <p/>\n  <p>   </p>\n  <p>\n    <q><s a='1'><t>x</t></s>y</q>\n  </p>\n</r>",
    ]

    @Test("Trees made from the in-place view equal the per-record reader's, at every batch size", arguments: documents)
    func sameAsTrees(document: String) {
        let bytes = Array(document.utf8)
        var records: [ElementNode] = []
        _ = SafeXMLReader().read(bytes: bytes, displayName: "doc.xml") { records.append($0) }
        #expect(!records.isEmpty)
        for size in [1, 2, 1024] {
            var viewed: [ElementNode] = []
            _ = SafeXMLReader().read(bytes: bytes, displayName: "doc.xml", batchSize: size) { batch in
                viewed += batch.withRecords(classify: Name.classify) { view in view.records.map { $0.tree() } }
            }
            #expect(viewed == records, "batch size \(size)")
        }
    }

    @Test("Codes and lookups by code agree with the names")
    func codes() {
        let document = "<programmes><programme id=\"a-1\"><title lang=\"nl\" basis=\"stated\">T</title><x basis=\"y\"/>"
            + "<topic basis=\"derived\" rule=\"r\">grooming</topic></programme></programmes>"
        _ = SafeXMLReader().read(bytes: Array(document.utf8), displayName: "doc.xml", batchSize: 8) { batch in
            batch.withRecords(classify: Name.classify) { view in
                for record in view.records {
                    #expect(record.field == .programme)
                    #expect(record.attribute(.id) == "a-1")
                    #expect(record.attribute(.lang) == nil)
                    #expect(record.children.map(\.field) == [.title, .other, .topic])
                    let fields = Fields(record)
                    #expect(fields.first(.topic)?.attribute(.rule) == "r")
                    #expect(fields.all(.title).map(\.text) == ["T"])
                    #expect(Array(fields.all(.summary)).isEmpty)
                    #expect(Array(Fields(nil).all(.title)).isEmpty)
                }
            }
        }
        // Ranks follow the names' string order (what Provenance sorts by).
        let named = Name.allCases.dropFirst().sorted { Name.rank[Int($0.rawValue)] < Name.rank[Int($1.rawValue)] }
        #expect(named.map { "\($0)" } == named.map { "\($0)" }.sorted())
    }
}
