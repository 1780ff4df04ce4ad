import LeerlijnXML

/// `sitemap.xml` (sitemaps.org protocol 0.9): every published page, absolute addresses only.
///
/// Written only for a site with a base URL. `lastmod` is the programme's own `lastModified`
/// (the index page's is the newest of them), never the clock.
struct SitemapExporter {
    static let fileName = "sitemap.xml"
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    var site: SiteAddress
    /// Further pages (relative paths) without a date of their own, such as plan reports.
    var otherPages: [String] = []

    func render(_ programmes: [Programme], catalogue: Catalogue) -> [UInt8]? {
        guard site.baseURL != nil else { return nil }
        var writer = XMLByteWriter(reservingCapacity: 256 + programmes.count * 160)
        writer.start("urlset")
        writer.attribute("xmlns", Self.namespace)
        func url(_ path: String, _ modified: CalendarDate?) {
            guard let location = site.absolute(path) else { return }
            writer.start("url")
            writer.element("loc", location)
            if let modified { writer.element("lastmod", modified.description) }
            writer.end()
        }
        url(ExportFormat.html.fileName, ExportText.newestModification(of: programmes, catalogue: catalogue))
        for programme in programmes { url(SiteAddress.programmePage(programme.id), programme.lastModified) }
        for page in otherPages { url(page, nil) }
        return writer.finish()
    }
}
