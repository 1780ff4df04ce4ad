import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

@Suite("Export: index.html")
struct ExportHTMLTests {
    static let linked = ["catalogue.xml", "catalogue.json", "feed.atom", "catalogue.jsonld", "catalogue.csv"]

    /// Renders the page and parses everything after the DOCTYPE as XML (the page is polyglot).
    static func page(_ programmes: [Programme], _ catalogue: Catalogue) throws -> (bytes: [UInt8], html: [ElementNode]) {
        let bytes = HTMLPageExporter(linkedFiles: linked).render(programmes, catalogue: catalogue)
        let doctype = Array("<!DOCTYPE html>\n".utf8)
        #expect(Array(bytes.prefix(doctype.count)) == doctype)
        let (summary, records) = ExportTestSupport.parse(Array(bytes.dropFirst(doctype.count)), name: "index.html")
        #expect(summary.isValid, "\(summary.diagnostics.prefix(5))")
        #expect(summary.rootName == "html")
        return (bytes, records)
    }

    @Test("The page is accessible: landmarks, caption, headers, labelled controls", arguments: ["bundled", "hostile"])
    func accessibleStructure(name: String) throws {
        let catalogue = name == "bundled" ? try TestSupport.catalogue() : try ExportTestSupport.hostileCatalogue()
        let (bytes, records) = try Self.page(catalogue.programmes, catalogue)
        #expect(String(decoding: bytes.prefix(120), as: UTF8.self).contains("lang=\"nl\""))
        let elements = records.flatMap(ExportTestSupport.allElements)
        for landmark in ["header", "main", "footer", "nav"] { #expect(elements.contains { $0.name == landmark }, "\(landmark)") }
        #expect(elements.contains { $0.name == "h1" })
        let table = try #require(elements.first { $0.name == "table" })
        #expect(table.child("caption") != nil)
        #expect(elements.filter { $0.name == "th" && $0.attribute("scope") == "col" }.count == HTMLCatalogueTable.headers.count)
        let rows = ExportTestSupport.allElements(table).filter { $0.name == "tr" && $0.attribute("id") != nil }
        #expect(rows.count == catalogue.programmes.count)
        let labelled = Set(elements.filter { $0.name == "label" }.compactMap { $0.attribute("for") })
        let controls = elements.filter { ["input", "select", "textarea"].contains($0.name) }
        #expect(controls.count == 5)
        #expect(controls.allSatisfy { labelled.contains($0.attribute("id") ?? "-") })
        let form = try #require(elements.first { $0.name == "form" })
        #expect(form.attribute("hidden") != nil, "the form is revealed by the script, so the page works without it")
        let csp = try #require(elements.first { $0.attribute("http-equiv") == "Content-Security-Policy" })
        #expect(csp.attribute("content")?.contains("script-src 'self'") == true)
        #expect(csp.attribute("content")?.contains("unsafe-inline") == false)
    }

    @Test("Nothing from the data becomes markup or script")
    func noInjectedMarkup() throws {
        let catalogue = try ExportTestSupport.hostileCatalogue()
        let (bytes, records) = try Self.page(catalogue.programmes, catalogue)
        // The ItemList's JSON (inert data, with `<`, `>`, `&` escaped) is checked apart.
        let parts = String(decoding: bytes, as: UTF8.self).components(separatedBy: "<script type=\"application/ld+json\">")
        let json = parts.dropFirst().map { $0.components(separatedBy: "</script>")[0] }
        #expect(json.count == 1 && json.allSatisfy { !$0.contains("<") && !$0.contains(">") && !$0.contains("&") })
        let text = parts[0] + parts.dropFirst().map { $0.components(separatedBy: "</script>").dropFirst().joined() }.joined()
        for needle in ["<script>alert", "\"onmouseover", "' onfocus", "onmouseover=alert(1) x=\"", "]]> &"] {
            #expect(!text.contains(needle), "raw \(needle)")
        }
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("&quot;onmouseover=alert(1) x=&quot;"))
        #expect(text.contains("&#39; onfocus=&#39;alert(2)"))
        let elements = records.flatMap(ExportTestSupport.allElements)
        let scripts = elements.filter { $0.name == "script" && $0.attribute("type") != "application/ld+json" }
        #expect(scripts.count == 1)
        let data = elements.filter { $0.name == "script" && $0.attribute("type") == "application/ld+json" }
        #expect(data.count == 1, "the ItemList")
        #expect(scripts.first?.attribute("src") == FilterScript.fileName)
        #expect(scripts.first?.text.isEmpty == true)
        #expect(elements.allSatisfy { element in !element.attributes.contains { $0.name.lowercased().hasPrefix("on") } })
        let allowedLocal = Set(Self.linked + ["#catalogus", "feed.atom", "style.css"])
        for link in elements.filter({ $0.name == "a" || $0.name == "link" }) {
            let href = link.attribute("href") ?? ""
            let ownPage = href.hasPrefix("programmes/") && href.hasSuffix(".html")
                && ExportSyntax.isSlug(String(href.dropFirst(11).dropLast(5)))
            #expect(href.hasPrefix("https://") || href.hasPrefix("http://") || allowedLocal.contains(href)
                     || href.hasPrefix("#basis-") || ownPage, "href \(href)")
        }
        // Every hostile title survives as text, escaped, in its row header.
        let headers = elements.filter { $0.name == "th" && $0.attribute("scope") == "row" }
        let shown = headers.map { $0.text + ($0.child("a")?.text ?? "") }
        for value in ExportTestSupport.hostileStrings {
            let expected = ExportTestSupport.xmlPolicy(value).replacingOccurrences(of: "\u{7F}", with: "\u{FFFD}")
            #expect(shown.contains { $0.contains(expected) }, "\(value.debugDescription)")
        }
    }

    @Test("Only http(s) addresses become links", arguments: ["javascript:alert(1)", "data:text/html,x", "//evil.invalid",
                                                           "https://ok.invalid/\"onmouseover=x", "vbscript:x", "https:///x"])
    func onlyWebLinks(url: String) throws {
        let catalogue = try TestSupport.catalogue()
        var programme = ExportTestSupport.programme(id: "link")
        programme.urls = [ProgrammeURL(kind: "website", url: url)]
        let (bytes, records) = try Self.page([programme], catalogue)
        let hrefs = records.flatMap(ExportTestSupport.allElements).compactMap { $0.attribute("href") }
        #expect(!hrefs.contains(url))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("href=\"\(url)"))
        #expect(ExportPreflight().problems(in: [programme], vocabulary: catalogue.vocabulary).contains { $0.field == "url" })
    }

    @Test("Rows carry the data attributes the filter script reads")
    func dataAttributes() throws {
        let catalogue = try TestSupport.catalogue()
        let (_, records) = try Self.page(catalogue.programmes, catalogue)
        let rows = records.flatMap(ExportTestSupport.allElements).filter { $0.name == "tr" && $0.attribute("id") != nil }
        for (row, programme) in zip(rows, catalogue.programmes) {
            #expect(row.attribute("id") == HTMLPageExporter.rowID(programme.id))
            #expect(row.attribute("data-topics") == programme.topics.map(\.rawValue).joined(separator: " "))
            #expect(row.attribute("data-audiences") == programme.audiences.map(\.rawValue).joined(separator: " "))
            #expect(row.attribute("data-sectors") == programme.sectors.map(\.rawValue).joined(separator: " "))
            #expect(row.attribute("data-age-min") == programme.ageRange.map { String($0.min) })
        }
        #expect(!FilterScript.source.contains("innerHTML"))
        #expect(FilterScript.source.contains("data-"))
    }
}
