import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

@Suite("Export: English pages under en/, hreflang, sitemap alternates")
struct ExportTranslationTests {
    static let base = ExportSiteTests.base

    /// A page's elements (re-parsed with libxml2: the pages are polyglot) and its text.
    static func page(_ files: [String: [UInt8]], _ path: String) throws -> (elements: [ElementNode], text: String) {
        let bytes = try #require(files[path], "missing \(path)")
        let doctype = Array("<!DOCTYPE html>\n".utf8)
        let (summary, records) = ExportTestSupport.parse(Array(bytes.dropFirst(doctype.count)), name: path)
        #expect(summary.isValid, "\(path): \(summary.diagnostics.prefix(3))")
        return (records.flatMap(ExportTestSupport.allElements), String(decoding: bytes, as: UTF8.self))
    }

    /// Resolves a relative link written on the page at `from` to a path in the output folder.
    static func resolve(_ href: String, from: String) -> String {
        var parts = from.split(separator: "/").dropLast().map(String.init)
        for part in href.split(separator: "/").map(String.init) {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The `hreflang` alternates in a page's head, as hreflang → href.
    static func alternates(_ elements: [ElementNode]) -> [String: String] {
        var result: [String: String] = [:]
        for link in elements where link.name == "link" && link.attribute("rel") == "alternate" {
            if let language = link.attribute("hreflang"), let href = link.attribute("href") {
                #expect(result[language] == nil, "\(language) twice")
                result[language] = href
            }
        }
        return result
    }

    /// Every page pair of the bundled catalogue: (Dutch path, English path, programme or nil).
    static func pairs(_ catalogue: Catalogue) -> [(nl: String, en: String, programme: Programme?)] {
        [("index.html", "en/index.html", nil)]
            + catalogue.programmes.map { ("programmes/\($0.id).html", "en/programmes/\($0.id).html", $0) }
    }

    @Test("Every page has an English counterpart in English, and each pair names the other with hreflang, both ways")
    func reciprocalPairs() throws {
        let files = try ExportSiteTests.export(site: try SiteAddress(baseURL: Self.base))
        let catalogue = try TestSupport.catalogue()
        for (nlPath, enPath, programme) in Self.pairs(catalogue) {
            let nl = try Self.page(files, nlPath), en = try Self.page(files, enPath)
            #expect(nl.text.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\" xml:lang=\"nl\">"), "\(nlPath)")
            #expect(en.text.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">"), "\(enPath)")
            let nlAddress = nlPath == "index.html" ? Self.base : Self.base + nlPath
            let enAddress = enPath == "en/index.html" ? Self.base + "en/" : Self.base + enPath
            let expected = ["nl": nlAddress, "en": enAddress, "x-default": nlAddress]
            #expect(Self.alternates(nl.elements) == expected, "\(nlPath)")
            #expect(Self.alternates(en.elements) == expected, "\(enPath)")
            // The visible switch: a link in the other language, to the counterpart.
            for (page, path, other, target) in [(nl, nlPath, "en", enPath), (en, enPath, "nl", nlPath)] {
                let switches = page.elements.filter { $0.name == "a" && $0.attribute("hreflang") == other }
                try #require(switches.count == 1, "\(path)")
                #expect(switches[0].attribute("lang") == other)
                #expect(Self.resolve(switches[0].attribute("href") ?? "", from: path) == target, "\(path)")
            }
            guard let programme else { continue }
            let h1 = try #require(en.elements.first { $0.name == "h1" })
            #expect(h1.text == programme.title.en, "\(enPath)")
            let summary = try #require(en.elements.first { $0.attribute("class") == "summary" })
            #expect(summary.text == programme.summary.en, "\(enPath)")
            for audience in programme.audiences {
                #expect(en.text.contains(catalogue.vocabulary.label(audience, language: "en")), "\(enPath): \(audience)")
            }
        }
    }

    @Test("English pages have English wording and share the root's stylesheet, scripts and downloads")
    func englishWording() throws {
        let files = try ExportSiteTests.export(site: .relative)
        let index = try Self.page(files, "en/index.html")
        for english in ["Provenance of the data", "Skip to the catalogue", "Clear filters", "Learner’s age (years)",
                        "{shown} of {total} programmes shown", ">All</option>", ">Programme</th>"] {
            #expect(index.text.contains(english), "\(english)")
        }
        for dutch in ["Herkomst van de gegevens", "Wis filters", ">Alle</option>", "programma’s getoond", "Gegenereerd door"] {
            #expect(!index.text.contains(dutch), "\(dutch)")
        }
        for asset in ["../style.css", "../filter.js", "../feed.atom", "../catalogue.csv"] {
            #expect(index.text.contains("href=\"\(asset)\"") || index.text.contains("src=\"\(asset)\""), "\(asset)")
        }
        // Relative alternates, resolving to the pair.
        let relative = Self.alternates(index.elements)
        #expect(relative.mapValues { Self.resolve($0, from: "en/index.html") }
                == ["nl": "index.html", "en": "en/index.html", "x-default": "index.html"])
        let page = try Self.page(files, "en/programmes/cosec.html")
        #expect(page.text.contains("href=\"../../style.css\""))
        #expect(page.text.contains(">Source</dt>") && !page.text.contains(">Bron</dt>"))
        #expect(page.elements.contains { $0.name == "a" && $0.attribute("href") == "../index.html" && $0.text == "Leerlijn: catalogue" })
        // No English page without a Dutch one and the other way round.
        let dutchPages = Set(files.keys.filter { $0.hasPrefix("programmes/") })
        let englishPages = Set(files.keys.filter { $0.hasPrefix("en/programmes/") }.map { String($0.dropFirst(3)) })
        #expect(dutchPages == englishPages && !dutchPages.isEmpty)
    }

    @Test("The English programme page's JSON-LD keeps the programme's one @id and gives its own url")
    func englishJSONLD() throws {
        let files = try ExportSiteTests.export(site: try SiteAddress(baseURL: Self.base))
        let catalogue = try TestSupport.catalogue()
        for programme in catalogue.programmes {
            let path = "en/programmes/\(programme.id).html"
            let bytes = try #require(files[path])
            let node = try #require(try ExportSiteTests.jsonLD(bytes, name: path).first)
            #expect(node["@id"] as? String == Self.base + "programmes/\(programme.id).html")
            #expect(node["url"] as? String == Self.base + path)
        }
        let index = try #require(files["en/index.html"])
        let list = try #require(try ExportSiteTests.jsonLD(index, name: "en/index.html").first)
        #expect(list["@id"] as? String == Self.base + "en/")
        let items = list["itemListElement"] as? [[String: Any]] ?? []
        #expect(items.map { $0["url"] as? String ?? "" } == catalogue.programmes.map { Self.base + "en/programmes/\($0.id).html" })
        #expect(items.map { $0["name"] as? String ?? "" } == catalogue.programmes.map(\.title.en))
    }

    @Test("The sitemap lists both languages, each entry with reciprocal xhtml:link alternates")
    func sitemapAlternates() throws {
        let files = try ExportSiteTests.export(site: try SiteAddress(baseURL: Self.base))
        let catalogue = try TestSupport.catalogue()
        let xsd = try #require(FileManager.default.contents(atPath: TestSupport.packageRoot + "/scripts/web/sitemap.xsd"))
        let schema = try XMLSchema(bytes: Array(xsd), name: "sitemap.xsd")
        let sitemap = try #require(files["sitemap.xml"])
        let (summary, records) = ExportTestSupport.parse(sitemap, name: "sitemap.xml", schema: schema)
        #expect(summary.isValid, "\(summary.diagnostics.prefix(3))")
        var alternatesByLocation: [String: [String: String]] = [:]
        for record in records {
            let location = try #require(record.child("loc")?.text)
            var alternates: [String: String] = [:]
            for link in record.children(named: "link") {
                #expect(link.namespace == SitemapExporter.xhtmlNamespace && link.attribute("rel") == "alternate")
                alternates[link.attribute("hreflang") ?? ""] = link.attribute("href")
            }
            alternatesByLocation[location] = alternates
        }
        for (nlPath, enPath, _) in Self.pairs(catalogue) {
            let nl = nlPath == "index.html" ? Self.base : Self.base + nlPath
            let en = enPath == "en/index.html" ? Self.base + "en/" : Self.base + enPath
            let expected = ["nl": nl, "en": en, "x-default": nl]
            #expect(alternatesByLocation[nl] == expected, "\(nl)")
            #expect(alternatesByLocation[en] == expected, "\(en)")
        }
        #expect(alternatesByLocation.count == 2 * (catalogue.programmes.count + 1))
    }

    @Test("Relative links between folders skip the folders both share", arguments: [
        ("en/index.html", "en/programmes/x.html", "../index.html"),
        ("en/index.html", "index.html", "en/index.html"),
        ("index.html", "en/index.html", "../index.html"),
        ("style.css", "en/programmes/x.html", "../../style.css"),
        ("programmes/x.html", "en/programmes/x.html", "../../programmes/x.html"),
        ("en/programmes/x.html", "programmes/x.html", "../en/programmes/x.html"),
    ])
    func relativeLinks(target: String, from: String, expected: String) {
        #expect(SiteAddress.link(to: target, from: from) == expected)
        #expect(Self.resolve(expected, from: from) == target)
    }
}
