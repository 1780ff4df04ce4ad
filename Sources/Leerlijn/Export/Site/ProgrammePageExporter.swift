/// Renders `programmes/{id}.html` (Dutch) or `en/programmes/{id}.html` (English): one page per
/// programme and language, with its schema.org JSON-LD.
///
/// The page says what the catalogue says about the programme, each value with its basis
/// marker ("≈" derived, "†" rendered, see ``HTMLCatalogueTable/marker(_:into:)``) and the
/// legend; it links back to the catalogue and to the programme's own addresses (http(s) only).
/// The embedded JSON-LD is ``ProgrammeJSONLD``. The title, summary and vocabulary labels are
/// the catalogue's own in the page's language (the catalogue holds both, each with its basis);
/// the page names its counterpart with `hreflang` and links to it visibly.
struct ProgrammePageExporter {
    var site: SiteAddress
    /// Published files to announce as feeds.
    var feeds: [String]
    var language: SiteLanguage = .nl

    /// The page's path, relative to the output folder.
    func path(of programme: Programme) -> String { language.programmePage(programme.id) }

    func render(_ programme: Programme, vocabulary: Vocabulary) -> [UInt8] {
        let path = path(of: programme)
        let provenance = programme.provenance
        let text = language.text, code = language.code, other = language.counterpart.code
        var html = HTMLWriter(reservingCapacity: 8192)
        html.raw("<!DOCTYPE html>\n")
        html.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", code), ("xml:lang", code)])
        html.newline()
        HTMLPageHead(path: path, title: programme.title.text(in: code) + " – Leerlijn", site: site, feeds: feeds,
                     translations: SiteLanguage.allCases.map { ($0, $0.programmePage(programme.id)) }).write(into: &html)
        html.open("body")
        html.newline()
        html.element("a", text.skipToContent, [("href", "#inhoud"), ("class", "skip-link")])
        html.newline()
        html.open("header")
        html.open("nav", [("aria-label", text.breadcrumb)])
        html.element("a", text.backToCatalogue, [("href", SiteAddress.link(to: language.indexPage, from: path))])
        html.close("nav")
        HTMLLanguageSwitch(language: language, path: path, counterpart: language.counterpart.programmePage(programme.id))
            .write(into: &html)
        html.close("header")
        html.newline()
        html.open("main", [("id", "inhoud")])
        html.newline()
        html.open("article", [("class", "programme")])
        html.newline()
        html.open("h1")
        html.text(programme.title.text(in: code))
        HTMLCatalogueTable.marker(provenance.basisOrStated("title", code), language: language, into: &html)
        html.close("h1")
        html.newline()
        if HTMLCatalogueTable.showsEnglishTitle(programme.title) {
            html.open("p", [("class", "title-other"), ("lang", other)])
            html.text(programme.title.text(in: other))
            HTMLCatalogueTable.marker(provenance.basisOrStated("title", other), language: language, into: &html)
            html.close("p")
            html.newline()
        }
        html.open("p", [("class", "summary")])
        html.text(programme.summary.text(in: code))
        HTMLCatalogueTable.marker(provenance.basisOrStated("summary", code), language: language, into: &html)
        html.close("p")
        html.newline()
        html.open("dl", [("class", "facts")])
        html.newline()
        for (label, values) in HTMLCatalogueTable.facts(of: programme, vocabulary: vocabulary, language: language) where !values.isEmpty {
            html.element("dt", label)
            html.open("dd")
            HTMLCatalogueTable.values(values, language: language, into: &html)
            html.close("dd")
            html.newline()
        }
        let links = programme.urls.filter { ExportText.isWebURL($0.url) }
        if !links.isEmpty {
            html.element("dt", text.links)
            html.open("dd")
            html.open("ul")
            for link in links {
                html.open("li")
                html.element("a", link.url, [("href", link.url), ("rel", "noopener noreferrer")])
                html.close("li")
            }
            html.close("ul")
            html.close("dd")
            html.newline()
        }
        html.element("dt", text.source)
        html.element("dd", text.sourcePrefix + programme.source.section
                     + (programme.source.footnote.map { ", \(text.footnote) \($0)" } ?? "") + ": " + programme.source.text)
        html.newline()
        html.close("dl")
        html.newline()
        html.close("article")
        html.newline()
        HTMLBasisLegend(programmes: [programme], vocabulary: vocabulary, language: language).write(into: &html)
        html.close("main")
        html.newline()
        html.open("footer")
        html.element("p", text.footer)
        html.close("footer")
        html.newline()
        html.jsonLD(ProgrammeJSONLD.document(for: programme, vocabulary: vocabulary, site: site, language: language))
        html.newline()
        html.close("body")
        html.newline()
        html.close("html")
        html.newline()
        return html.takeBytes()
    }
}
