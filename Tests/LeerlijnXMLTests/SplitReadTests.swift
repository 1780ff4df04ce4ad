import Foundation
import Synchronization
import Testing
@testable import LeerlijnXML

/// A file read in two parts at once (`SafeXMLReader.readInParts`) must give exactly the records
/// of reading it whole, lines and columns included, or decline (nil) so that the caller reads it
/// whole: never a different answer.
@Suite("Reading a file in two parts")
struct SplitReadTests {
    /// Records `p` of any content under a root `r`; nothing across records.
    static let schema = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="r"><xs:complexType><xs:sequence>
        <xs:element name="p" minOccurs="0" maxOccurs="unbounded"><xs:complexType mixed="true">
          <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
          <xs:anyAttribute processContents="skip"/>
        </xs:complexType></xs:element>
      </xs:sequence><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>
    </xs:schema>
    """

    /// A document of `count` records, each on lines of its own, with varied content.
    static func document(count: Int, seed: UInt64, declaration: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                         middle: String? = nil, at position: Int? = nil) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let texts = ["", "a", "x &amp; y", "&#38;", "<![CDATA[c&d]]>", "é 🙂", "tab\there", "&lt;tag&gt;", "two\nlines"]
        var document = declaration + "<!-- a catalogue -->\n<r a=\"x > y\">\n"
        for index in 0..<count {
            if index == (position ?? count / 2), let middle { document += middle }
            let attributes = (0..<next(3)).map { " a\($0)=\"\(["v", "&amp;", "&#38;", "", "ü"][next(5)])\"" }.joined()
            var body = texts[next(texts.count)]
            for _ in 0..<next(4) { body += "\n    <q k=\"\(next(100))\">\(texts[next(texts.count)])</q>" }
            document += "  <p id=\"\(index)\"\(attributes)>\(body)\n  </p>\n"
        }
        return document + "</r>\n"
    }

    /// The records of `bytes` read whole, and read in parts (nil when declined).
    static func both(_ bytes: [UInt8], minimumSize: Int = 1) throws
        -> (whole: [ElementNode], wholeSummary: SafeXMLReader.Summary, parts: [ElementNode]?, batchesPerPart: [Int]) {
        let schema = try XMLSchema(bytes: Array(Self.schema.utf8), name: "test.xsd")
        let root = NSTemporaryDirectory() + "leerlijn-split-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/doc.xml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = SafeXMLReader()
        var whole: [ElementNode] = []
        let wholeSummary = reader.read(file: path, schema: schema, batchSize: 7) { whole += $0.trees() }
        let collected = Mutex<[[ElementNode]]>([[], []])
        let counts = Mutex<[Int]>([0, 0])
        let summary = reader.readInParts(file: path, schema: schema, batchSize: 7, minimumSize: minimumSize) { part, batch in
            let trees = batch.trees()
            collected.withLock { $0[part] += trees }
            counts.withLock { $0[part] += 1 }
        }
        let parts = collected.withLock { $0 }
        if let summary {
            #expect(summary.rootName == wholeSummary.rootName)
            #expect(summary.rootNamespace == wholeSummary.rootNamespace)
            #expect(summary.diagnostics.isEmpty)
        }
        return (whole, wholeSummary, summary == nil ? nil : parts[0] + parts[1], counts.withLock { $0 })
    }

    @Test("Valid documents: the same records, lines and columns as the whole read, from both parts", arguments: [1, 2, 3, 4])
    func same(seed: UInt64) throws {
        let bytes = Array(Self.document(count: 400, seed: seed).utf8)
        let result = try Self.both(bytes)
        #expect(result.wholeSummary.isValid)
        #expect(result.whole.count == 400)
        let read = result.parts != nil
        try #require(read, "the document was not read in parts")
        #expect(result.parts == result.whole, "the records differ")
        #expect(result.batchesPerPart.allSatisfy { $0 > 0 }, "\(result.batchesPerPart)")
    }

    @Test("A byte-order mark, a namespace and a prefixed root are carried into the second part")
    func prefixedRoot() throws {
        let schema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
          <xs:element name="r"><xs:complexType><xs:sequence>
            <xs:element name="p" minOccurs="0" maxOccurs="unbounded" type="xs:string"/>
          </xs:sequence></xs:complexType></xs:element>
        </xs:schema>
        """
        var text = "\u{FEFF}<?xml version='1.0' encoding='utf-8'?>\n<t:r xmlns:t=\"urn:t\">\n"
        for index in 0..<300 { text += "  <t:p>record \(index)</t:p>\n" }
        text += "</t:r>\n"
        let compiled = try XMLSchema(bytes: Array(schema.utf8), name: "t.xsd")
        let root = NSTemporaryDirectory() + "leerlijn-split-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/doc.xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var whole: [ElementNode] = []
        let wholeSummary = SafeXMLReader().read(file: path, schema: compiled, batchSize: 10) { whole += $0.trees() }
        #expect(wholeSummary.isValid, "\(wholeSummary.diagnostics)")
        let collected = Mutex<[[ElementNode]]>([[], []])
        let summary = SafeXMLReader().readInParts(file: path, schema: compiled, batchSize: 10, minimumSize: 1) { part, batch in
            let trees = batch.trees()
            collected.withLock { $0[part] += trees }
        }
        #expect(summary?.rootName == "r")
        #expect(summary?.rootNamespace == "urn:t")
        let parts = collected.withLock { $0 }
        #expect(parts[0] + parts[1] == whole)
        #expect(!parts[1].isEmpty)
    }

    /// Documents the whole read answers, which reading in parts must decline.
    static let declined: [(String, String)] = [
        ("a comment over the middle holding record-like lines", "  <!-- \n  <p id=\"c\">in a comment</p>\n" + String(repeating: "  <p>x</p>\n", count: 300) + "  -->\n"),
        ("a CDATA-like run inside a record over the middle",
         "  <p><![CDATA[\n" + String(repeating: "  <p>x</p>\n", count: 300) + "]]></p>\n"),
        ("an element the schema refuses in the second half", "  <q/>\n"),
        ("a record not closed", "  <p><q>\n"),
    ]

    @Test("Comments, CDATA, invalid and broken documents: declined, whatever the whole read says", arguments: declined)
    func declinedDocuments(name: String, middle: String) throws {
        // The odd part sits just after the middle record, where the cut is looked for.
        let bytes = Array(Self.document(count: 400, seed: 9, middle: middle).utf8)
        let result = try Self.both(bytes)
        let read = result.parts != nil
        #expect(!read, "\(name): read in parts")
    }

    @Test("A problem in either part alone declines the whole", arguments: [10, 390])
    func eitherPart(record: Int) throws {
        for middle in ["  <q/>\n", "  <p><q>\n", "  <p a=\"1\" a=\"2\"/>\n"] {
            let bytes = Array(Self.document(count: 400, seed: 11, middle: middle, at: record).utf8)
            let result = try Self.both(bytes)
            #expect(!result.wholeSummary.isValid)
            let read = result.parts != nil
            #expect(!read, "\(middle) before record \(record): read in parts")
        }
    }

    @Test("Other encodings, CR line endings, a DOCTYPE and small files are not cut")
    func notCut() throws {
        let latin = Self.document(count: 300, seed: 5, declaration: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n")
        #expect(try Self.both(Array(latin.utf8)).parts == nil)
        let crlf = Self.document(count: 300, seed: 5).replacingOccurrences(of: "\n", with: "\r\n")
        let crlfResult = try Self.both(Array(crlf.utf8))
        #expect(crlfResult.parts == nil)
        #expect(crlfResult.wholeSummary.isValid)
        let doctype = Self.document(count: 300, seed: 5, declaration: "<!DOCTYPE r>\n")
        #expect(try Self.both(Array(doctype.utf8)).parts == nil)
        let small = Array(Self.document(count: 300, seed: 5).utf8)
        let below = try Self.both(small, minimumSize: small.count + 1).parts != nil
        let at = try Self.both(small, minimumSize: small.count).parts != nil
        #expect(!below)
        #expect(at)
    }

    @Test("The cut is found at a record's line and only there")
    func shape() throws {
        let prefix = Array("<?xml version=\"1.0\"?>\n<!-- c -->\n<?pi x?>\n<a:r x='1>2' xmlns:a=\"u\">\n  <a:p>".utf8)
        let shape = try #require(SplitShape(prefix: prefix))
        #expect(shape.rootName == Array("a:r".utf8))
        #expect(shape.recordName == Array("a:p".utf8))
        #expect(prefix[shape.headerEnd - 1] == UInt8(ascii: ">"))
        #expect(prefix[shape.headerEnd] == 0x0A)
        let window = Array("x</a:p>\n  <a:pp>\n\t<a:p/>\n  <a:p>".utf8)
        let cut = try #require(shape.recordLineStart(in: window))
        #expect(Array(window[cut...]).starts(with: Array("\t<a:p/>".utf8)))
        #expect(SplitShape(prefix: Array("<r/>".utf8)) == nil)
        #expect(SplitShape(prefix: Array("<r>text<p/>".utf8)) == nil)
        #expect(SplitShape(prefix: Array("<?xml version='1.0' encoding='UTF-16'?><r><p/>".utf8)) == nil)
    }

    @Test("The catalogue schema keeps reading in parts sound: each record root holds one repeated record, nothing spans records")
    func catalogueSchemaAllowsParts() throws {
        let path = FlatRecordsTests.catalog + "/schema/catalogue.xsd"
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let text = String(decoding: bytes, as: UTF8.self)
        for construct in ["xs:unique", "xs:key", "xs:keyref", "\"xs:ID\"", "\"xs:IDREF\"", "\"xs:IDREFS\""] {
            #expect(!text.contains(construct), "\(construct) would tie records across the cut")
        }
        var roots: [String: ElementNode] = [:]
        _ = SafeXMLReader().read(bytes: bytes, displayName: path) { node in
            if node.name == "element", let name = node.attribute("name") { roots[name] = node }
        }
        for (root, record) in [("programmes", "programme"), ("requirements", "requirement")] {
            let element = try #require(roots[root])
            let type = try #require(element.child("complexType"))
            #expect(type.children.map(\.name) == ["sequence"] && type.attributes.isEmpty, "\(root)")
            let particles = type.child("sequence")?.children ?? []
            #expect(particles.count == 1, "\(root)")
            #expect(particles.first?.name == "element" && particles.first?.attribute("name") == record, "\(root)")
            #expect(particles.first?.attribute("maxOccurs") == "unbounded", "\(root)")
        }
    }
}
