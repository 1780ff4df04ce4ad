/// The legend of the catalogue and programme pages, in the page's language: what "stated", "derived" (with each rule the shown programmes
/// use, in the vocabulary's own words) and "rendered" mean, and the markers that show them.
struct HTMLBasisLegend {
    let programmes: [Programme]
    let vocabulary: Vocabulary
    var language: SiteLanguage = .nl

    /// The fragment of a rule's legend entry.
    static func anchor(rule: String) -> String { "basis-regel-" + rule }
    /// The fragment of the legend entry on rendered values.
    static let renderedAnchor = "basis-rendered"

    func write(into html: inout HTMLWriter) {
        html.open("section", [("id", "basis"), ("aria-labelledby", "basis-titel")])
        html.newline()
        let text = language.text
        html.element("h2", text.legendHeading, [("id", "basis-titel")])
        html.newline()
        html.open("dl")
        html.newline()
        html.element("dt", text.statedTerm, [("id", "basis-stated")])
        html.element("dd", text.statedDescription)
        html.newline()
        html.element("dt", text.derivedTerm + " (" + BasisText.derivedMarker + ")", [("id", "basis-derived")])
        html.open("dd")
        html.text(text.derivedDescription)
        html.element("code", "leerlijn query --age")
        html.text(".")
        let rules = BasisText.rules(usedBy: programmes)
        if !rules.isEmpty {
            html.open("ul")
            for rule in rules {
                html.open("li", [("id", Self.anchor(rule: rule))])
                html.element("code", rule)
                html.text(": " + (vocabulary.term(rule, in: "rule")?.label.text(in: language.code) ?? rule))
                html.close("li")
            }
            html.close("ul")
        }
        html.close("dd")
        html.newline()
        html.element("dt", text.renderedTerm + " (" + BasisText.renderedMarker + ")", [("id", Self.renderedAnchor)])
        html.element("dd", text.renderedDescription)
        html.newline()
        html.close("dl")
        html.newline()
        html.close("section")
        html.newline()
    }
}
