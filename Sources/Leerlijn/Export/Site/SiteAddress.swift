/// Where the published pages will live, if known: the base URL given to `export --base-url`.
///
/// With a base URL every page knows its own absolute address, which is what crawlers and
/// harvesters want: the programme pages' JSON-LD `@id` and `url`, the index's `ItemList`, the
/// sitemap. Without one the pages link to each other relatively and those features are left
/// out (``disabledFeatures`` names them, and the export prints them), because an address we
/// invented would be a fact the catalogue does not state.
public struct SiteAddress: Sendable, Hashable {
    /// The base URL, ending with `/`; `nil` for a relative site.
    public let baseURL: String?

    /// A relative site: no absolute addresses anywhere.
    public static let relative = SiteAddress(checkedBaseURL: nil)

    private init(checkedBaseURL: String?) { self.baseURL = checkedBaseURL }

    /// Checks and normalises a base URL (a trailing `/` is added when missing).
    ///
    /// - Parameter baseURL: An absolute `https://` or `http://` address without query or fragment.
    /// - Throws: ``LeerlijnError/usage(_:)`` for anything else.
    public init(baseURL: String) throws(LeerlijnError) {
        guard ExportText.isWebURL(baseURL), !baseURL.contains("?"), !baseURL.contains("#") else {
            throw .usage("--base-url must be an absolute http(s) address without query or fragment, such as "
                         + "https://example.org/leerlijn/ (got '\(baseURL)')")
        }
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// The absolute address of a published file, or `nil` for a relative site.
    ///
    /// - Parameter path: The path relative to the output folder, such as `programmes/x.html`.
    public func absolute(_ path: String) -> String? {
        // A folder's index page is addressed as the folder (`…/leerlijn/`, `…/leerlijn/en/`).
        let index = ExportFormat.html.fileName
        let page = path == index ? "" : path.hasSuffix("/" + index) ? String(path.dropLast(index.count)) : path
        return baseURL.map { $0 + page }
    }

    /// How a page at `from` (relative path) links to `path`: relative in both cases, so that
    /// a copy of the folder works anywhere. Folders the two share are skipped
    /// (`en/programmes/x.html` links to `en/index.html` as `../index.html`).
    public static func link(to path: String, from: String) -> String {
        var source = from.split(separator: "/").dropLast()
        var target = path.split(separator: "/", omittingEmptySubsequences: false)
        while target.count > 1, let first = source.first, first == target[0] {
            source = source.dropFirst()
            target.removeFirst()
        }
        return String(repeating: "../", count: source.count) + target.joined(separator: "/")
    }

    /// The features a relative site leaves out, for the export's report; empty with a base URL.
    public var disabledFeatures: [String] {
        guard baseURL == nil else { return [] }
        return [
            "sitemap.xml (a sitemap needs absolute addresses)",
            "absolute JSON-LD @id and url of the programme pages (they keep urn:leerlijn:programme: ids)",
            "absolute addresses in the index pages' ItemList (relative ones are written)",
            "absolute hreflang alternates between the Dutch and English pages (relative ones are written)",
        ]
    }

    /// The relative path of a programme's page.
    public static func programmePage(_ id: String) -> String { "programmes/\(id).html" }
}
