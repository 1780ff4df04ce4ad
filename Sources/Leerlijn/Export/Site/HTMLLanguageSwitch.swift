/// The visible link from a page to its counterpart in the other language.
///
/// The link's text is the other language's own name ("English", "Nederlands") and carries that
/// language in `lang` and `hreflang`, so a screen reader pronounces it right; the `<nav>` is
/// labelled in the page's language.
struct HTMLLanguageSwitch {
    /// The page's language.
    var language: SiteLanguage
    /// The page's path, relative to the output folder.
    var path: String
    /// The counterpart's path, relative to the output folder.
    var counterpart: String

    func write(into html: inout HTMLWriter) {
        let other = language.counterpart
        html.open("nav", [("class", "language-switch"), ("aria-label", language.text.languageNavigation)])
        html.element("a", other.nativeName, [("href", SiteAddress.link(to: counterpart, from: path)),
                                             ("hreflang", other.code), ("lang", other.code)])
        html.close("nav")
        html.newline()
    }
}
