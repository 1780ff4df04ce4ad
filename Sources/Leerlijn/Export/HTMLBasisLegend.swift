/// The legend of `index.html`: what "stated", "derived" (with each rule the shown programmes
/// use, in the vocabulary's own words) and "rendered" mean, and the markers that show them.
struct HTMLBasisLegend {
    let programmes: [Programme]
    let vocabulary: Vocabulary

    /// The fragment of a rule's legend entry.
    static func anchor(rule: String) -> String { "basis-regel-" + rule }
    /// The fragment of the legend entry on rendered values.
    static let renderedAnchor = "basis-rendered"

    func write(into html: inout HTMLWriter) {
        html.open("section", [("id", "basis"), ("aria-labelledby", "basis-titel")])
        html.newline()
        html.element("h2", "Herkomst van de gegevens", [("id", "basis-titel")])
        html.newline()
        html.open("dl")
        html.newline()
        html.element("dt", "Vermeld (zonder teken)", [("id", "basis-stated")])
        html.element("dd", "De factsheet zegt het, in de passage die het programma als bron noemt.")
        html.newline()
        html.element("dt", "Afgeleid (" + BasisText.derivedMarker + ")", [("id", "basis-derived")])
        html.open("dd")
        html.text("Afgeleid volgens een vaste regel, die hier één keer staat. De leeftijdsfilter neemt afgeleide leeftijden mee, net als ")
        html.element("code", "leerlijn query --age")
        html.text(".")
        let rules = BasisText.rules(usedBy: programmes)
        if !rules.isEmpty {
            html.open("ul")
            for rule in rules {
                html.open("li", [("id", Self.anchor(rule: rule))])
                html.element("code", rule)
                html.text(": " + (vocabulary.term(rule, in: "rule")?.label.nl ?? rule))
                html.close("li")
            }
            html.close("ul")
        }
        html.close("dd")
        html.newline()
        html.element("dt", "Onze vertaling (" + BasisText.renderedMarker + ")", [("id", Self.renderedAnchor)])
        html.element("dd", "Een titel of samenvatting in onze eigen woorden of vertaling; geen officiële naam.")
        html.newline()
        html.close("dl")
        html.newline()
        html.close("section")
        html.newline()
    }
}
