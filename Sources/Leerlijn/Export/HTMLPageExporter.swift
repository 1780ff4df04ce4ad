/// Renders `index.html`: a static, accessible catalogue page.
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

    /// `index.html`.
    public var fileName: String { ExportFormat.html.fileName }
    /// The other published files the page links to, relative to it, in order.
    public var linkedFiles: [String]
    /// Where the site lives: with a base URL the page carries its canonical address and the
    /// `ItemList` absolute addresses.
    public var site: SiteAddress

    /// Creates the exporter.
    ///
    /// - Parameters:
    ///   - linkedFiles: Relative names of the downloads to list (for example `catalogue.csv`);
    ///     the Atom feed, the JSON and the JSON-LD among them are also announced with
    ///     `<link rel="alternate">` for autodiscovery.
    ///   - site: The site's base URL, if known.
    public init(linkedFiles: [String] = [], site: SiteAddress = .relative) {
        self.linkedFiles = linkedFiles
        self.site = site
    }

    /// Renders the page.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to list, in order.
    ///   - catalogue: Supplies the Dutch labels of vocabulary ids.
    ///   - emit: Receives the UTF-8 bytes of `index.html` in order, in chunks of about 1 MiB.
    /// - Throws: Whatever `emit` throws.
    public func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        var html = HTMLWriter(reservingCapacity: min(Self.chunkSize + 65536, Self.capacity(for: programmes.count, perProgramme: 2048)))
        html.raw("<!DOCTYPE html>\n")
        html.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "nl"), ("xml:lang", "nl")])
        html.newline()
        writeHead(into: &html)
        html.open("body")
        html.newline()
        html.element("a", "Direct naar de catalogus", [("href", "#catalogus"), ("class", "skip-link")])
        html.newline()
        html.open("header")
        html.element("h1", "Leerlijn: programma’s en trainingen")
        html.element("p", "Voorlichting, lesmethoden, trainingen en diensten over seksuele uitbuiting en seksueel "
                     + "misbruik van kinderen in Nederland. Bron: factsheet van het Lanzarote-comité van de Raad van "
                     + "Europa over Nederland (maart 2023, bijgewerkt maart 2025).")
        html.close("header")
        html.newline()
        html.open("main", [("id", "catalogus")])
        html.newline()
        HTMLFilterForm(programmes: programmes, vocabulary: catalogue.vocabulary).write(into: &html)
        try HTMLCatalogueTable(programmes: programmes, vocabulary: catalogue.vocabulary).write(into: &html) { html in
            if html.bytes.count >= Self.chunkSize { try emit(html.takeBytes()) }
        }
        HTMLBasisLegend(programmes: programmes, vocabulary: catalogue.vocabulary).write(into: &html)
        html.close("main")
        html.newline()
        writeFooter(into: &html)
        html.jsonLD(ProgrammeJSONLD.itemList(programmes, site: site))
        html.newline()
        html.close("body")
        html.newline()
        html.close("html")
        html.newline()
        try emit(html.takeBytes())
    }

    private func writeHead(into html: inout HTMLWriter) {
        HTMLPageHead(path: fileName, title: "Leerlijn: catalogus", site: site, feeds: linkedFiles,
                     scripts: [FilterScript.fileName]).write(into: &html)
    }

    private func writeFooter(into html: inout HTMLWriter) {
        html.open("footer")
        html.newline()
        if !linkedFiles.isEmpty {
            html.open("nav", [("aria-label", "Downloads")])
            html.element("h2", "Downloads")
            html.open("ul")
            for file in linkedFiles {
                html.open("li")
                html.element("a", Self.describe(file), [("href", file)])
                html.close("li")
            }
            html.close("ul")
            html.close("nav")
            html.newline()
        }
        html.element("p", "Gegenereerd door Leerlijn \(LeerlijnVersion.string). Gegevens die de bron niet "
                     + "noemt, zijn weggelaten.")
        html.newline()
        html.close("footer")
        html.newline()
    }

    private static func describe(_ file: String) -> String {
        switch file {
        case ExportFormat.xml.fileName: return "Catalogus als XML (catalogue.xml, schema catalogue.xsd)"
        case ExportFormat.json.fileName: return "Catalogus als JSON (catalogue.json, schema catalogue.schema.json)"
        case ExportFormat.atom.fileName: return "Atom-feed (feed.atom)"
        case ExportFormat.jsonld.fileName: return "Linked data, schema.org (catalogue.jsonld)"
        case ExportFormat.csv.fileName: return "Spreadsheet (catalogue.csv)"
        default: return file
        }
    }
}
