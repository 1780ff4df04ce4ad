/// The filter form of `index.html` and `en/index.html`: labelled controls for age, audience,
/// topic and sector, in the page's language (the values are vocabulary ids in both).
///
/// The age filter matches derived ages too, as `leerlijn query --age` does; its checkbox keeps
/// only stated ages, as `--stated-ages-only` does.
///
/// It is `hidden` in the static page (it does nothing without JavaScript) and `filter.js`
/// reveals it. Select options list only the terms the shown programmes use, in vocabulary order.
struct HTMLFilterForm {
    let programmes: [Programme]
    let vocabulary: Vocabulary
    var language: SiteLanguage = .nl

    func write(into html: inout HTMLWriter) {
        html.open("form", [("id", "filters"), ("role", "search"), ("aria-label", "Filters"), ("hidden", "hidden")])
        html.newline()
        let text = language.text
        html.element("h2", text.filterHeading)
        html.newline()
        html.open("p")
        html.element("label", text.ageLabel, [("for", "filter-age")])
        html.raw(" ")
        html.void("input", [("type", "number"), ("id", "filter-age"), ("name", "age"), ("min", "0"), ("max", "25"),
                            ("inputmode", "numeric")])
        html.close("p")
        html.newline()
        html.open("p")
        html.void("input", [("type", "checkbox"), ("id", "filter-stated-ages"), ("name", "stated-ages-only")])
        html.raw(" ")
        html.element("label", text.statedAgesLabel, [("for", "filter-stated-ages")])
        html.close("p")
        html.newline()
        select(id: "filter-audience", name: "audience", label: text.audienceLabel,
               terms: used(Audience.vocabularyName, programmes.flatMap { $0.audiences.map(\.rawValue) }), into: &html)
        select(id: "filter-topic", name: "topic", label: text.topicLabel,
               terms: used(Topic.vocabularyName, programmes.flatMap { $0.topics.map(\.rawValue) }), into: &html)
        select(id: "filter-sector", name: "sector", label: text.sectorLabel,
               terms: used(Sector.vocabularyName, programmes.flatMap { $0.sectors.map(\.rawValue) }), into: &html)
        html.open("p")
        html.element("button", text.clearFilters, [("type", "reset")])
        html.close("p")
        html.newline()
        html.element("p", "", [("id", "filter-status"), ("role", "status"), ("aria-live", "polite"),
                               ("data-message", text.shownMessage)])
        html.newline()
        html.close("form")
        html.newline()
    }

    /// The terms of vocabulary `name` that occur in `ids`, in vocabulary order; unknown ids last.
    private func used(_ name: String, _ ids: [String]) -> [(id: String, label: String)] {
        let present = Set(ids)
        var result: [(id: String, label: String)] = []
        var seen = Set<String>()
        for term in vocabulary.lists[name] ?? [] where present.contains(term.id) {
            result.append((term.id, term.label.text(in: language.code)))
            seen.insert(term.id)
        }
        for id in present.subtracting(seen).sorted() { result.append((id, id)) }
        return result
    }

    private func select(id: String, name: String, label: String, terms: [(id: String, label: String)],
                        into html: inout HTMLWriter) {
        html.open("p")
        html.element("label", label, [("for", id)])
        html.raw(" ")
        html.open("select", [("id", id), ("name", name)])
        html.element("option", language.text.allOption, [("value", "")])
        for term in terms { html.element("option", term.label, [("value", term.id)]) }
        html.close("select")
        html.close("p")
        html.newline()
    }
}
