import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

@Suite("Export: programme pages, JSON-LD, sitemap")
struct ExportSiteTests {
    static let base = "https://example.org/leerlijn/"

    static func export(site: SiteAddress) throws -> [String: [UInt8]] {
        let output = try TestSupport.temporaryDirectory("export-site")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let catalogue = try TestSupport.catalogue()
        var pipeline = ExportPipeline()
        pipeline.site = site
        _ = try pipeline.run(catalogue.programmes, catalogue: catalogue, to: output)
        return try ExportTestSupport.files(in: output)
    }

    /// The JSON-LD blocks of a page (re-parsed as XML: the pages are polyglot).
    static func jsonLD(_ bytes: [UInt8], name: String) throws -> [[String: Any]] {
        let doctype = Array("<!DOCTYPE html>\n".utf8)
        #expect(Array(bytes.prefix(doctype.count)) == doctype)
        let (summary, records) = ExportTestSupport.parse(Array(bytes.dropFirst(doctype.count)), name: name)
        #expect(summary.isValid, "\(name): \(summary.diagnostics.prefix(3))")
        let scripts = records.flatMap(ExportTestSupport.allElements).filter { $0.attribute("type") == "application/ld+json" }
        // The block's text taken from the bytes (the reader's element text is for short values).
        let text = String(decoding: bytes, as: UTF8.self)
        let blocks = text.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
            .map { $0.components(separatedBy: "</script>")[0] }
        #expect(!scripts.isEmpty && !blocks.isEmpty)
        return try blocks.map { block in
            #expect(!block.contains("<") && !block.contains("&"))
            return try #require(JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        }
    }

    @Test("With a base URL: the same bytes twice, a page per programme, a sitemap of every page")
    func deterministicSite() throws {
        let site = try SiteAddress(baseURL: "https://example.org/leerlijn")
        let first = try Self.export(site: site), second = try Self.export(site: site)
        #expect(first == second)
        let catalogue = try TestSupport.catalogue()
        for programme in catalogue.programmes { #expect(first["programmes/\(programme.id).html"] != nil, "\(programme.id)") }
        let sitemap = try #require(first["sitemap.xml"])
        let xsd = try #require(FileManager.default.contents(atPath: TestSupport.packageRoot + "/scripts/web/sitemap.xsd"))
        let schema = try XMLSchema(bytes: Array(xsd), name: "sitemap.xsd")
        let (summary, records) = ExportTestSupport.parse(sitemap, name: "sitemap.xml", schema: schema)
        #expect(summary.isValid, "\(summary.diagnostics.prefix(3))")
        let locations = records.compactMap { $0.child("loc")?.text }
        #expect(locations.count == 2 * (catalogue.programmes.count + 1))
        #expect(locations.first == Self.base)
        let pages = [Self.base, Self.base + "en/"] + catalogue.programmes.flatMap {
            [Self.base + "programmes/\($0.id).html", Self.base + "en/programmes/\($0.id).html"]
        }
        #expect(Set(locations) == Set(pages))
    }

    @Test("Every programme page embeds schema.org JSON-LD addressed by the page, with only values that have a basis")
    func programmeJSONLD() throws {
        let files = try Self.export(site: try SiteAddress(baseURL: Self.base))
        let catalogue = try TestSupport.catalogue()
        for programme in catalogue.programmes {
            let name = "programmes/\(programme.id).html"
            let blocks = try Self.jsonLD(try #require(files[name]), name: name)
            try #require(blocks.count == 1)
            let node = blocks[0]
            let address = Self.base + name
            #expect(node["@id"] as? String == address)
            #expect(node["url"] as? String == address)
            let types = node["@type"] as? [String] ?? [(node["@type"] as? String) ?? ""]
            if JSONLDExporter.courseKinds.contains(programme.kind?.rawValue ?? "") {
                #expect(types == ["Course", "LearningResource"], "\(programme.id)")
            } else {
                #expect(types == ["LearningResource"], "\(programme.id)")
            }
            let names = node["name"] as? [[String: String]] ?? []
            #expect(Set(names.compactMap { $0["@language"] }) == ["nl", "en"])
            #expect(names.contains { $0["@value"] == programme.title.nl })
            let providers = node["provider"] as? [[String: Any]] ?? []
            #expect(providers.map { $0["name"] as? String ?? "" } == programme.providers)
            #expect(providers.allSatisfy { $0["@type"] as? String == "Organization" })
            let audiences = node["audience"] as? [[String: Any]] ?? []
            #expect(audiences.map { $0["educationalRole"] as? String ?? "" } == programme.audiences.map(\.rawValue))
            #expect(audiences.allSatisfy { $0["@type"] as? String == "EducationalAudience" })
            for key in ["about", "teaches"] {
                let terms = node[key] as? [[String: Any]] ?? []
                #expect(terms.map { $0["termCode"] as? String ?? "" } == programme.topics.map(\.rawValue))
                #expect(terms.allSatisfy { ($0["inDefinedTermSet"] as? [String: Any])?["@id"] as? String
                    == "urn:leerlijn:vocabulary:topic" })
            }
            #expect((node["typicalAgeRange"] as? String) == programme.ageRange.map(ExportText.ages))
            #expect(((node["educationalLevel"] as? [Any])?.count ?? 0) == programme.educationLevels.count)
            #expect((node["inLanguage"] as? [String] ?? []) == programme.languages)
            let derived = (node["derivedValue"] as? [[String: Any]] ?? []).map { $0["basisField"] as? String ?? "" }
            #expect(derived == programme.provenance.all.filter { $0.basis.rule != nil }.map(\.field))
            #expect(node["sameAs"] as? String == ExportText.primaryURL(of: programme))
        }
    }

    @Test("Without a base URL: relative links, urn ids, no sitemap, and the disabled features named")
    func relativeSite() throws {
        let files = try Self.export(site: .relative)
        #expect(files["sitemap.xml"] == nil)
        #expect(!SiteAddress.relative.disabledFeatures.isEmpty)
        let page = try #require(files["programmes/cosec.html"])
        let node = try #require(try Self.jsonLD(page, name: "cosec").first)
        #expect(node["@id"] as? String == "urn:leerlijn:programme:cosec")
        #expect(node["url"] == nil)
        let text = String(decoding: page, as: UTF8.self)
        #expect(!text.contains("https://example.org"))
        #expect(text.contains("href=\"../style.css\""))
        #expect(!text.contains("rel=\"canonical\""))
    }

    @Test("The index carries an ItemList of every page, feeds for autodiscovery, and no doubled titles")
    func indexPage() throws {
        let files = try Self.export(site: try SiteAddress(baseURL: Self.base))
        let index = try #require(files["index.html"])
        let catalogue = try TestSupport.catalogue()
        let list = try #require(try Self.jsonLD(index, name: "index.html").first)
        #expect(list["@type"] as? String == "ItemList")
        let items = list["itemListElement"] as? [[String: Any]] ?? []
        #expect(items.map { $0["url"] as? String ?? "" } == catalogue.programmes.map { Self.base + "programmes/\($0.id).html" })
        #expect(items.map { $0["position"] as? Int ?? 0 } == Array(1...catalogue.programmes.count))
        let text = String(decoding: index, as: UTF8.self)
        #expect(text.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"\(Self.base)feed.atom\""))
        #expect(text.contains("<link rel=\"stylesheet\" href=\"style.css\" />"))
        #expect(!text.contains("(COSEC))"))
        #expect(!text.contains(" ((") && !text.contains(")))"))
        for programme in catalogue.programmes where !HTMLCatalogueTable.showsEnglishTitle(programme.title) {
            #expect(!text.contains(">" + programme.title.en + "</span>"), "\(programme.id) repeats its English title")
        }
    }

    @Test("A base URL must be an absolute http(s) address", arguments: ["example.org", "ftp://x.org/", "https://x.org/?a=1", ""])
    func rejectsBaseURL(_ value: String) {
        #expect(throws: LeerlijnError.self) { try SiteAddress(baseURL: value) }
    }

    @Test("The stylesheet has the phone, dark and print layouts and no imports")
    func styleSheet() {
        let css = StyleSheet.source
        for needle in ["@media (max-width: 40rem)", "prefers-color-scheme: dark", "@media print", "attr(data-label)"] {
            #expect(css.contains(needle), "\(needle)")
        }
        #expect(!css.contains("@import") && !css.contains("url("))
    }

    @Test("The widget and the filter script never turn data into markup")
    func scriptsBuildNoMarkup() {
        for source in [WidgetScript.source, FilterScript.source] {
            for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                              "setAttribute('on", ".style."] {
                #expect(!source.contains(forbidden), "\(forbidden)")
            }
            #expect(source.contains("textContent"))
        }
        // The widget links only to programme pages whose id is a slug, beside the catalogue it read.
        #expect(WidgetScript.source.contains("/^[a-z0-9]+(-[a-z0-9]+)*$/"))
        #expect(WidgetScript.source.contains("new URL((filter.language === 'en' ? 'en/programmes/' : 'programmes/') + programme.id + '.html', catalogueURL)"))
        // With data-language="en" the widget speaks English: English titles, pages and count.
        #expect(WidgetScript.source.contains("'No programmes found.'"))
    }

    @Test("The filter script keeps the filters in the query string under the controls' names")
    func filtersInQueryString() {
        for name in ["'age'", "'stated-ages-only'", "control.name", "replaceState", "URLSearchParams"] {
            #expect(FilterScript.source.contains(name), "\(name)")
        }
    }
}
