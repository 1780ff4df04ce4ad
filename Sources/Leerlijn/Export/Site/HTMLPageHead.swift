/// The `<head>` shared by every published page: charset, viewport, the Content-Security-Policy,
/// the one stylesheet, the canonical address (with a base URL) and the feeds announced for
/// autodiscovery, and for a page published in both languages its `hreflang` alternates.
struct HTMLPageHead {
    /// The page's path relative to the output folder (`index.html`, `programmes/x.html`).
    var path: String
    var title: String
    var site: SiteAddress
    /// Published files to announce with `<link rel="alternate">` (the Atom feed, the JSON).
    var feeds: [String]
    var scripts: [String] = []
    /// The page's path in each language (relative to the output folder), for pages published in
    /// both: written as `<link rel="alternate" hreflang>` for each language, itself included,
    /// and `x-default` for the Dutch page. Empty for pages in one language only.
    var translations: [(language: SiteLanguage, path: String)] = []

    func write(into html: inout HTMLWriter) {
        html.open("head")
        html.newline()
        html.void("meta", [("charset", "utf-8")])
        html.newline()
        html.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        html.newline()
        html.void("meta", [("http-equiv", "Content-Security-Policy"), ("content", HTMLPageExporter.contentSecurityPolicy)])
        html.newline()
        html.void("meta", [("name", "referrer"), ("content", "no-referrer")])
        html.newline()
        html.void("meta", [("name", "color-scheme"), ("content", "light dark")])
        html.newline()
        html.element("title", title)
        html.newline()
        html.void("link", [("rel", "stylesheet"), ("href", SiteAddress.link(to: StyleSheet.fileName, from: path))])
        html.newline()
        if let canonical = site.absolute(path) {
            html.void("link", [("rel", "canonical"), ("href", canonical)])
            html.newline()
        }
        for (language, page) in translations {
            html.void("link", [("rel", "alternate"), ("hreflang", language.code), ("href", href(page))])
            html.newline()
        }
        if let fallback = translations.first(where: { $0.language == .nl }) {
            html.void("link", [("rel", "alternate"), ("hreflang", "x-default"), ("href", href(fallback.path))])
            html.newline()
        }
        for feed in feeds {
            let href = href(feed)
            switch feed {
            case ExportFormat.atom.fileName:
                html.void("link", [("rel", "alternate"), ("type", "application/atom+xml"), ("href", href),
                                   ("title", "Leerlijn (Atom)")])
            case ExportFormat.json.fileName:
                html.void("link", [("rel", "alternate"), ("type", "application/json"), ("href", href),
                                   ("title", "Leerlijn (JSON)")])
            case ExportFormat.jsonld.fileName:
                html.void("link", [("rel", "alternate"), ("type", "application/ld+json"), ("href", href),
                                   ("title", "Leerlijn (schema.org JSON-LD)")])
            default:
                continue
            }
            html.newline()
        }
        for script in scripts {
            html.element("script", "", [("src", SiteAddress.link(to: script, from: path)), ("defer", "defer")])
            html.newline()
        }
        html.close("head")
        html.newline()
    }

    /// The address of a published file: absolute with a base URL, else relative to this page.
    private func href(_ file: String) -> String {
        site.absolute(file) ?? SiteAddress.link(to: file, from: path)
    }
}
