/// Renders `programmes/{id}.html`: one page per programme, with its schema.org JSON-LD.
///
/// The page says what the catalogue says about the programme, each value with its basis
/// marker ("≈" derived, "†" rendered, see ``HTMLCatalogueTable/marker(_:into:)``) and the
/// legend; it links back to the catalogue and to the programme's own addresses (http(s) only).
/// The embedded JSON-LD is ``ProgrammeJSONLD``.
struct ProgrammePageExporter {
    var site: SiteAddress
    /// Published files to announce as feeds.
    var feeds: [String]

    func render(_ programme: Programme, vocabulary: Vocabulary) -> [UInt8] {
        let path = SiteAddress.programmePage(programme.id)
        let provenance = programme.provenance
        var html = HTMLWriter(reservingCapacity: 8192)
        html.raw("<!DOCTYPE html>\n")
        html.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "nl"), ("xml:lang", "nl")])
        html.newline()
        HTMLPageHead(path: path, title: programme.title.nl + " – Leerlijn", site: site, feeds: feeds).write(into: &html)
        html.open("body")
        html.newline()
        html.element("a", "Direct naar de inhoud", [("href", "#inhoud"), ("class", "skip-link")])
        html.newline()
        html.open("header")
        html.open("nav", [("aria-label", "Kruimelpad")])
        html.element("a", "Leerlijn: catalogus", [("href", SiteAddress.link(to: ExportFormat.html.fileName, from: path))])
        html.close("nav")
        html.close("header")
        html.newline()
        html.open("main", [("id", "inhoud")])
        html.newline()
        html.open("article", [("class", "programme")])
        html.newline()
        html.open("h1")
        html.text(programme.title.nl)
        HTMLCatalogueTable.marker(provenance.basisOrStated("title", "nl"), into: &html)
        html.close("h1")
        html.newline()
        if HTMLCatalogueTable.showsEnglishTitle(programme.title) {
            html.open("p", [("class", "title-en"), ("lang", "en")])
            html.text(programme.title.en)
            HTMLCatalogueTable.marker(provenance.basisOrStated("title", "en"), into: &html)
            html.close("p")
            html.newline()
        }
        html.open("p", [("class", "summary")])
        html.text(programme.summary.nl)
        HTMLCatalogueTable.marker(provenance.basisOrStated("summary", "nl"), into: &html)
        html.close("p")
        html.newline()
        html.open("dl", [("class", "facts")])
        html.newline()
        for (label, values) in HTMLCatalogueTable.facts(of: programme, vocabulary: vocabulary) where !values.isEmpty {
            html.element("dt", label)
            html.open("dd")
            HTMLCatalogueTable.values(values, into: &html)
            html.close("dd")
            html.newline()
        }
        let links = programme.urls.filter { ExportText.isWebURL($0.url) }
        if !links.isEmpty {
            html.element("dt", "Adressen")
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
        html.element("dt", "Bron")
        html.element("dd", "Factsheet van het Lanzarote-comité over Nederland, hoofdstuk " + programme.source.section
                     + (programme.source.footnote.map { ", voetnoot \($0)" } ?? "") + ": " + programme.source.text)
        html.newline()
        html.close("dl")
        html.newline()
        html.close("article")
        html.newline()
        HTMLBasisLegend(programmes: [programme], vocabulary: vocabulary).write(into: &html)
        html.close("main")
        html.newline()
        html.open("footer")
        html.element("p", "Gegenereerd door Leerlijn \(LeerlijnVersion.string). Gegevens die de bron niet noemt, zijn weggelaten.")
        html.close("footer")
        html.newline()
        html.jsonLD(ProgrammeJSONLD.document(for: programme, vocabulary: vocabulary, site: site))
        html.newline()
        html.close("body")
        html.newline()
        html.close("html")
        html.newline()
        return html.takeBytes()
    }
}
