/// Renders `index.html` (Dutch) or `en/index.html` (English): a static, accessible catalogue page.
///
/// Both languages come from this one renderer: the wording from a table per language, the catalogue's
/// titles, summaries and vocabulary labels in the page's language. Each page links to its
/// counterpart (`hreflang` alternates in the head, a visible language switch); the English page
/// uses the shared `style.css`, `filter.js` and downloads at the root of the site.
///
/// The page works without JavaScript: every programme is a row of one table with a caption,
/// column and row headers. Filters for age, audience, topic and sector are a labelled form that
/// stays hidden until `filter.js` (published beside the page, see ``FilterScript``) shows it and
/// filters rows by their `data-*` attributes. A Content-Security-Policy allows scripts only from
/// the page's own origin, so no inline script exists to inject into; every text and attribute
/// value is escaped by one HTML writer; links are written only for http(s) addresses. Derived
/// values ("≈") and our renderings ("†") are marked in the table and explained in a legend
/// that lists every rule used, in the vocabulary's words.
public struct HTMLPageExporter: CatalogueRenderer {
    /// The Content-Security-Policy of the page.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

    /// The `id` of a programme's table row, also the fragment the feed links to.
    public static func rowID(_ programmeID: String) -> String { "programme-" + programmeID }

    /// `index.html`, or `en/index.html` for English.
    public var fileName: String { language.indexPage }
    /// The other published files the page links to, relative to it, in order.
    public var linkedFiles: [String]
    /// Where the site lives: with a base URL the page carries its canonical address and the
    /// `ItemList` absolute addresses.
    public var site: SiteAddress
    /// The page's language.
    public var language: SiteLanguage
    /// Whether the counterpart in the other language is published beside the page (as the
    /// export does): then the page announces it with `hreflang` and links to it visibly.
    public var linksTranslation: Bool

    /// Creates the exporter.
    ///
    /// - Parameters:
    ///   - linkedFiles: Relative names of the downloads to list (for example `catalogue.csv`);
    ///     the Atom feed, the JSON and the JSON-LD among them are also announced with
    ///     `<link rel="alternate">` for autodiscovery.
    ///   - site: The site's base URL, if known.
    ///   - language: The page's language (Dutch by default).
    ///   - linksTranslation: Whether the other language's page is published beside this one.
    public init(linkedFiles: [String] = [], site: SiteAddress = .relative, language: SiteLanguage = .nl,
                linksTranslation: Bool = false) {
        self.linkedFiles = linkedFiles
        self.site = site
        self.language = language
        self.linksTranslation = linksTranslation
    }

    /// Renders the page.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to list, in order.
    ///   - catalogue: Supplies the labels of vocabulary ids in the page's language.
    ///   - emit: Receives the UTF-8 bytes of `index.html` in order, in chunks of about 1 MiB.
    /// - Throws: Whatever `emit` throws.
    public func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        var html = HTMLWriter(reservingCapacity: min(Self.chunkSize + 65536, Self.capacity(for: programmes.count, perProgramme: 2048)))
        html.raw("<!DOCTYPE html>\n")
        let text = language.text
        html.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", language.code), ("xml:lang", language.code)])
        html.newline()
        writeHead(into: &html)
        html.open("body")
        html.newline()
        html.element("a", text.skipToCatalogue, [("href", "#catalogus"), ("class", "skip-link")])
        html.newline()
        html.open("header")
        if linksTranslation {
            HTMLLanguageSwitch(language: language, path: fileName, counterpart: language.counterpart.indexPage)
                .write(into: &html)
        }
        html.element("h1", text.catalogueHeading)
        html.element("p", text.catalogueIntro)
        html.close("header")
        html.newline()
        html.open("main", [("id", "catalogus")])
        html.newline()
        HTMLFilterForm(programmes: programmes, vocabulary: catalogue.vocabulary, language: language).write(into: &html)
        try HTMLCatalogueTable(programmes: programmes, vocabulary: catalogue.vocabulary, language: language)
            .write(into: &html) { html in
            if html.bytes.count >= Self.chunkSize { try emit(html.takeBytes()) }
        }
        HTMLBasisLegend(programmes: programmes, vocabulary: catalogue.vocabulary, language: language).write(into: &html)
        html.close("main")
        html.newline()
        writeFooter(into: &html)
        html.jsonLD(ProgrammeJSONLD.itemList(programmes, site: site, language: language))
        html.newline()
        html.close("body")
        html.newline()
        html.close("html")
        html.newline()
        try emit(html.takeBytes())
    }

    private func writeHead(into html: inout HTMLWriter) {
        HTMLPageHead(path: fileName, title: language.text.catalogueTitle, site: site, feeds: linkedFiles,
                     scripts: [FilterScript.fileName],
                     translations: linksTranslation ? SiteLanguage.allCases.map { ($0, $0.indexPage) } : [])
            .write(into: &html)
    }

    private func writeFooter(into html: inout HTMLWriter) {
        let text = language.text
        html.open("footer")
        html.newline()
        if !linkedFiles.isEmpty {
            html.open("nav", [("aria-label", text.downloads)])
            html.element("h2", text.downloads)
            html.open("ul")
            for file in linkedFiles {
                html.open("li")
                html.element("a", text.describe(file), [("href", SiteAddress.link(to: file, from: fileName))])
                html.close("li")
            }
            html.close("ul")
            html.close("nav")
            html.newline()
        }
        html.element("p", text.footer)
        html.newline()
        html.close("footer")
        html.newline()
    }
}
