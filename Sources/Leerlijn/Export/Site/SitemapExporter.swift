import LeerlijnXML

/// `sitemap.xml` (sitemaps.org protocol 0.9): every published page, absolute addresses only.
///
/// Written only for a site with a base URL. Each page published in both languages is listed in
/// both, each entry with `xhtml:link rel="alternate"` for every language (itself included) and
/// `x-default` for the Dutch page, as search engines read language alternates from sitemaps.
/// `lastmod` is the programme's own `lastModified` (the index pages' is the newest of them),
/// never the clock.
struct SitemapExporter {
    static let fileName = "sitemap.xml"
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    var site: SiteAddress
    /// Further pages (relative paths) without a date of their own, such as plan reports.
    var otherPages: [String] = []

    func render(_ programmes: [Programme], catalogue: Catalogue) -> [UInt8]? {
        guard site.baseURL != nil else { return nil }
        var writer = XMLByteWriter(reservingCapacity: 512 + programmes.count * 1200)
        writer.start("urlset")
        writer.attribute("xmlns", Self.namespace)
        writer.attribute("xmlns:xhtml", Self.xhtmlNamespace)
        func url(_ path: String, _ modified: CalendarDate?, translations: ((SiteLanguage) -> String)? = nil) {
            guard let location = site.absolute(path) else { return }
            writer.start("url")
            writer.element("loc", location)
            if let modified { writer.element("lastmod", modified.description) }
            let alternates = translations.map { page in
                SiteLanguage.allCases.compactMap { language in site.absolute(page(language)).map { (language.code, $0) } }
            } ?? []
            if alternates.count == SiteLanguage.allCases.count, let fallback = alternates.first {
                for (code, address) in alternates + [("x-default", fallback.1)] {
                    writer.start("xhtml:link")
                    writer.attribute("rel", "alternate")
                    writer.attribute("hreflang", code)
                    writer.attribute("href", address)
                    writer.end()
                }
            }
            writer.end()
        }
        let newest = ExportText.newestModification(of: programmes, catalogue: catalogue)
        for language in SiteLanguage.allCases {
            url(language.indexPage, newest, translations: \.indexPage)
        }
        for programme in programmes {
            for language in SiteLanguage.allCases {
                url(language.programmePage(programme.id), programme.lastModified) { $0.programmePage(programme.id) }
            }
        }
        for page in otherPages { url(page, nil) }
        return writer.finish()
    }
}
