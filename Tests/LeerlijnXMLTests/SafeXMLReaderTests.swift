import Foundation
import Testing
@testable import LeerlijnXML

/// Hostile and broken inputs: each must be refused with a positioned diagnostic, quickly,
/// without leaking a secret file's content and without touching the network.
@Suite("Safe XML reader")
struct SafeXMLReaderTests {
    static let secretMarker = "LEERLIJN-SECRET-7f3a9c"

    static func secretFile() throws -> String {
        let path = NSTemporaryDirectory() + "leerlijn-secret-\(getpid()).txt"
        try Data("\(secretMarker)\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Reads `bytes` as a file and returns all record texts joined plus the summary.
    static func read(_ bytes: [UInt8], maxBytes: Int = SafeXMLReader.defaultMaxBytes)
        throws -> (text: String, summary: SafeXMLReader.Summary, seconds: Double) {
        let path = NSTemporaryDirectory() + "leerlijn-attack-\(UUID().uuidString).xml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var collected = ""
        let start = Date()
        let summary = SafeXMLReader(maxBytes: maxBytes).read(file: path) { node in
            collected += node.text
            for child in node.children { collected += child.text }
        }
        return (collected, summary, Date().timeIntervalSince(start))
    }

    static func attacks(secret: String, port: UInt16) -> [(String, String)] {
        let lol = (1...9).map { i in
            "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
        }.joined()
        let big = String(repeating: "A", count: 50_000)
        let quadratic = "<!DOCTYPE r [<!ENTITY a \"\(big)\">]><r><x>" + String(repeating: "&a;", count: 50_000) + "</x></r>"
        return [
            ("external file entity", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://\(secret)\">]><r><x>&x;</x></r>"),
            ("external http entity", "<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:\(port)/x\">]><r><x>&x;</x></r>"),
            ("external parameter entity", "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:\(port)/p.dtd\"> %p;]><r><x>a</x></r>"),
            ("external DTD", "<!DOCTYPE r SYSTEM \"http://127.0.0.1:\(port)/r.dtd\"><r><x>a</x></r>"),
            ("external DTD on disk", "<!DOCTYPE r SYSTEM \"\(secret)\"><r><x>a</x></r>"),
            ("billion laughs", "<!DOCTYPE r [<!ENTITY lol0 \"lol\">\(lol)]><r><x>&lol9;</x></r>"),
            ("quadratic blow-up", quadratic),
        ]
    }

    @Test("DTD-based attacks are refused without reading files or the network")
    func dtdAttacks() throws {
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let listener = try #require(LoopbackListener())
        for (name, document) in Self.attacks(secret: secret, port: listener.port) {
            let result = try Self.read(Array(document.utf8))
            #expect(!result.summary.isValid, "\(name) was accepted")
            #expect(!result.text.contains(Self.secretMarker), "\(name) leaked the secret")
            let messages = result.summary.diagnostics.map(\.description).joined(separator: "\n")
            #expect(!messages.contains(Self.secretMarker), "\(name) leaked the secret in a message")
            #expect(result.summary.diagnostics.contains { $0.message.contains("DOCTYPE") || $0.message.contains("entity") },
                    "\(name): \(messages)")
            print("attack '\(name)' refused in \(String(format: "%.4f", result.seconds)) s")
        }
        #expect(listener.acceptedConnections() == 0)
    }

    @Test("XInclude is never processed")
    func xinclude() throws {
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let document = """
            <r xmlns:xi="http://www.w3.org/2001/XInclude"><x><xi:include href="\(secret)" parse="text"/></x></r>
            """
        let result = try Self.read(Array(document.utf8))
        #expect(!result.text.contains(Self.secretMarker))
    }

    @Test("Broken documents get positioned errors", arguments: [
        ("empty", ""),
        ("truncated", "<r><x>abc</x><x>de"),
        ("two roots", "<r/><r/>"),
        ("invalid UTF-8", "<r><x>caf\u{FFFD}</x></r>"),
        ("wrong encoding declaration", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r><x>a</x></r>"),
        ("unknown encoding declaration", "<?xml version=\"1.0\" encoding=\"X-NOPE\"?><r><x>a</x></r>"),
        ("illegal raw control character", "<r><x>a\u{1}b</x></r>"),
        ("illegal character reference", "<r><x>a&#1;b</x></r>"),
        ("illegal hex character reference", "<r><x>a&#xFFFE;b</x></r>"),
        ("undeclared namespace prefix", "<r><p:x>a</p:x></r>"),
        ("undeclared entity", "<r><x>&nope;</x></r>"),
    ])
    func broken(name: String, document: String) throws {
        var bytes = Array(document.utf8)
        if name == "invalid UTF-8" {
            bytes = Array("<r><x>caf".utf8) + [0xC3, 0x28, 0xFF] + Array("</x></r>".utf8)
        }
        let result = try Self.read(bytes)
        #expect(!result.summary.isValid, "\(name) was accepted")
        let first = try #require(result.summary.diagnostics.first)
        #expect(first.line >= 1)
        #expect(first.description.contains(": error: "))
    }

    @Test("Nesting 100,000 deep is refused")
    func deepNesting() throws {
        let document = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let result = try Self.read(Array(("<r>" + document + "</r>").utf8))
        #expect(!result.summary.isValid)
        print("deep nesting refused in \(String(format: "%.4f", result.seconds)) s")
    }

    @Test("A file over the size cap is refused before parsing")
    func sizeCap() throws {
        let document = "<r>" + String(repeating: "<x>a</x>", count: 1000) + "</r>"
        let result = try Self.read(Array(document.utf8), maxBytes: 1000)
        #expect(!result.summary.isValid)
        #expect(result.summary.diagnostics.first?.message.contains("over the limit") == true)
        #expect(result.text.isEmpty)
    }

    @Test("Records stream with positions and text")
    func records() throws {
        let document = "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:t\">\n  <x id=\"1\">a &amp; b</x>\n  <x id=\"2\"><y>c</y></x>\n</r>\n"
        var records: [ElementNode] = []
        let summary = SafeXMLReader().read(bytes: Array(document.utf8), displayName: "mem") { records.append($0) }
        #expect(summary.isValid)
        #expect(summary.rootName == "r")
        #expect(summary.rootNamespace == "urn:t")
        #expect(records.count == 2)
        #expect(records[0].text == "a & b")
        #expect(records[0].attribute("id") == "1")
        #expect(records[0].line == 3)
        #expect(records[1].child("y")?.text == "c")
        #expect(records[1].line == 4)
    }

    @Test("Schema validation reports line and column for each problem")
    func schemaValidation() throws {
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
              <xs:element name="r"><xs:complexType><xs:sequence>
                <xs:element name="x" type="xs:integer" maxOccurs="unbounded"/>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """
        let schema = try XMLSchema(bytes: Array(xsd.utf8), name: "t.xsd")
        let document = "<r xmlns=\"urn:t\">\n<x>1</x>\n<x>two</x>\n<x>3</x>\n<x>four</x>\n</r>"
        let summary = SafeXMLReader().read(bytes: Array(document.utf8), displayName: "mem.xml", schema: schema) { _ in }
        let errors = summary.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(errors.map(\.line) == [3, 5])
        #expect(errors.allSatisfy { $0.file == "mem.xml" && $0.origin == "schema" })
    }

    @Test("A schema that imports from a location fails to compile instead of loading it")
    func schemaImportRefused() throws {
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="/etc/hostname"/>
            </xs:schema>
            """
        #expect(throws: XMLReadFailure.self) { try XMLSchema(bytes: Array(xsd.utf8), name: "bad.xsd") }
    }
}
