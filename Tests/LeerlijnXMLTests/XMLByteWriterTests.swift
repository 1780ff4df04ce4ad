import Foundation
import Testing
@testable import LeerlijnXML

@Suite("XML byte writer")
struct XMLByteWriterTests {
    static func reparse(_ bytes: [UInt8]) -> (SafeXMLReader.Summary, [ElementNode]) {
        var records: [ElementNode] = []
        let summary = SafeXMLReader().read(bytes: bytes, displayName: "written.xml") { records.append($0) }
        return (summary, records)
    }

    @Test("Escapes markup and replaces characters illegal in XML 1.0", arguments: [
        "plain", "a < b & c > d", "\"quoted\" 'single'", "tab\tline\nreturn\rend",
        "control\u{1}\u{8}\u{B}\u{C}\u{1F}chars", "non-characters \u{FFFE}\u{FFFF}", "emoji 👩🏽‍🏫 and é",
        "]]> cdata end", "",
    ])
    func roundTrip(value: String) throws {
        var writer = XMLByteWriter()
        writer.start("r", attributes: ["a": value])
        writer.element("x", value)
        let (summary, records) = Self.reparse(writer.finish())
        #expect(summary.isValid, "\(summary.diagnostics)")
        let expected = XMLByteWriterTests.policy(value)
        #expect(records.first?.text == expected)
        // Attributes are normalised by the parser only for literal whitespace; we escape it.
        _ = records
    }

    /// The documented policy: characters illegal in XML 1.0 become U+FFFD; all else survives.
    static func policy(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD: return scalar
            case 0..<0x20, 0xFFFE, 0xFFFF: return "\u{FFFD}"
            default: return scalar
            }
        }))
    }

    @Test("Attributes keep tabs, newlines and quotes")
    func attributes() throws {
        var writer = XMLByteWriter()
        writer.start("r")
        writer.start("x", attributes: ["v": "a\tb\nc\r\"d\"<&"])
        writer.end()
        let bytes = writer.finish()
        var value: String?
        _ = SafeXMLReader().read(bytes: bytes, displayName: "a.xml") { value = $0.attribute("v") }
        #expect(value == "a\tb\nc\r\"d\"<&")
    }

    @Test("Output is indented and ends with a newline")
    func layout() {
        var writer = XMLByteWriter()
        writer.start("r", attributes: ["xmlns": "urn:t"])
        writer.element("a", "1")
        writer.start("b")
        writer.end()
        let text = String(decoding: writer.finish(), as: UTF8.self)
        #expect(text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r xmlns=\"urn:t\">\n  <a>1</a>\n  <b/>\n</r>\n")
    }
}
