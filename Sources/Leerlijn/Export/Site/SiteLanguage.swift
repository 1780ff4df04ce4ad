/// A language of the published pages: Dutch at the root of the site, English under `en/`.
///
/// One set of renderers serves both languages: they take a `SiteLanguage` and pick the
/// catalogue's text (``LocalizedText/text(in:)``, vocabulary labels) and their own wording
/// (one table per language) by it, so the two sites cannot drift apart in structure. Shared assets
/// (`style.css`, `filter.js`, `widget.js`, the feeds and data files) exist once, at the root.
public enum SiteLanguage: String, Sendable, CaseIterable, Hashable {
    /// Dutch: `index.html`, `programmes/{id}.html`; the `x-default` of every page pair.
    case nl
    /// English: `en/index.html`, `en/programmes/{id}.html`.
    case en

    /// The BCP 47 tag, for `lang` and `hreflang`.
    public var code: String { rawValue }

    /// The folder of the language's pages, relative to the output folder, with its trailing `/`
    /// (empty for Dutch).
    public var folder: String {
        switch self {
        case .nl: ""
        case .en: "en/"
        }
    }

    /// The other language of the pair.
    public var counterpart: SiteLanguage {
        switch self {
        case .nl: .en
        case .en: .nl
        }
    }

    /// The catalogue page of this language, relative to the output folder.
    public var indexPage: String { folder + ExportFormat.html.fileName }

    /// A programme's page in this language, relative to the output folder.
    public func programmePage(_ id: String) -> String { folder + SiteAddress.programmePage(id) }

    /// The page's name in its own language, for the language switch.
    public var nativeName: String {
        switch self {
        case .nl: "Nederlands"
        case .en: "English"
        }
    }

    /// The wording of the pages in this language.
    var text: SiteText { SiteText.of(self) }
}
