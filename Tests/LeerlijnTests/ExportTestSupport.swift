import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

/// Shared fixtures and helpers of the export tests.
enum ExportTestSupport {
    /// Values that try to break out of every format: formula injection, quoting, markup,
    /// script, attribute breaking, control and non-characters.
    static let hostileStrings: [String] = [
        "=HYPERLINK(\"http://evil.invalid/\",\"click\")", "+1", "-1", "@x", "\tTab first", "\rCR first",
        "quote \" inside", "comma, inside", "new\nline\r\nand CRLF", "<script>alert(1)</script>",
        "\"onmouseover=alert(1) x=\"", "' onfocus='alert(2)", "control \u{1} and \u{1F} and \u{7F}",
        "non-characters \u{FFFE}\u{FFFF}", "]]> & &amp; &#60;", "line\u{2028}separator", "emoji 👩🏽‍🏫 é",
    ]

    /// The model's programme with only the required fields set.
    static func programme(id: String, title: String = "Titel", summary: String = "Samenvatting",
                          status: ProgrammeStatus = .active, lastModified: String = "2026-11-29") -> Programme {
        Programme(
            id: id, title: LocalizedText(nl: title, en: title), summary: LocalizedText(nl: summary, en: summary),
            kind: "material", providers: [], audiences: ["children"], ageRange: AgeRange(min: 6, max: 10),
            educationLevels: [], sectors: ["education"], roles: [], topics: ["online-safety"], formats: [],
            languages: [], accessibility: [], peerLed: nil, evidence: "not-assessed", duration: nil, cost: nil,
            urls: [], status: status, validFrom: nil, validUntil: nil, recommendations: [],
            source: SourceReference(section: "IX", text: "test"), note: nil,
            lastModified: CalendarDate(iso: lastModified) ?? CalendarDate(daysSinceEpoch: 0))
    }

    /// A catalogue with one programme per hostile string, in every free-text field.
    static func hostileCatalogue() throws -> Catalogue {
        let vocabulary = try TestSupport.catalogue().vocabulary
        var programmes: [Programme] = []
        for (offset, text) in hostileStrings.enumerated() {
            var programme = programme(id: "hostile-\(offset)", title: text, summary: text)
            programme.providers = [text]
            programme.note = text
            programme.source = SourceReference(section: "IX", footnote: 1, text: text)
            programme.urls = [ProgrammeURL(kind: "website", url: "https://example.org/?q=\(offset)&x='y'")]
            programme.cost = offset.isMultiple(of: 2) ? "free" : nil
            programme.peerLed = offset.isMultiple(of: 3) ? true : nil
            programme.duration = "PT2H"
            programme.languages = ["nl", "en"]
            programme.recommendations = ["VIII-2"]
            if offset == 3 { programme.status = .ended(date: CalendarDate(iso: "2024-06-30"), year: nil) }
            if offset == 4 { programme.status = .ended(date: nil, year: 2025) }
            programmes.append(programme)
        }
        return Catalogue(programmes: programmes, requirements: [], vocabulary: vocabulary)
    }

    /// The policy every XML and HTML output applies to text: characters illegal in XML 1.0 become U+FFFD.
    static func xmlPolicy(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD: return scalar
            case 0..<0x20, 0xFFFE, 0xFFFF: return "\u{FFFD}"
            default: return scalar
            }
        }))
    }

    /// Re-parses XML with libxml2 (optionally validating) and returns the summary and the root's children.
    static func parse(_ bytes: [UInt8], name: String, schema: XMLSchema? = nil) -> (SafeXMLReader.Summary, [ElementNode]) {
        var records: [ElementNode] = []
        let summary = SafeXMLReader().read(bytes: bytes, displayName: name, schema: schema) { records.append($0) }
        return (summary, records)
    }

    /// The export XSD, compiled from the embedded copy.
    static func exportSchema() throws -> XMLSchema {
        try XMLSchema(bytes: PublishedSchema.exportCatalogueXSD.bytes, name: "catalogue.xsd")
    }

    /// Every element below `node`, depth first, including `node`.
    static func allElements(_ node: ElementNode) -> [ElementNode] {
        [node] + node.children.flatMap(allElements)
    }

    /// Every regular file below `directory`, as relative path → bytes.
    static func files(in directory: String) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return result
    }
}
