/// The catalogue table of `index.html`: one row per programme, with `data-*` for filtering.
///
/// Row data attributes hold space-separated vocabulary ids (`data-audiences`, `data-topics`,
/// `data-sectors`) and the age range (`data-age-min`, `data-age-max`), which `filter.js` reads.
struct HTMLCatalogueTable {
    let programmes: [Programme]
    let vocabulary: Vocabulary

    static let headers: [String] = [
        "Programma", "Samenvatting", "Soort", "Doelgroepen", "Leeftijd", "Onderwerpen", "Sectoren",
        "Aanbieders", "Status",
    ]

    /// Writes the table; `afterRow` may hand the buffer over (to stream a large page).
    func write(into html: inout HTMLWriter, afterRow: (inout HTMLWriter) throws -> Void = { _ in }) rethrows {
        html.open("table", [("id", "catalogue")])
        html.newline()
        html.element("caption", "Programma’s, materialen, trainingen en diensten (\(programmes.count))")
        html.newline()
        html.open("thead")
        html.open("tr")
        for header in Self.headers { html.element("th", header, [("scope", "col")]) }
        html.close("tr")
        html.close("thead")
        html.newline()
        html.open("tbody")
        html.newline()
        for programme in programmes {
            row(programme, into: &html)
            try afterRow(&html)
        }
        html.close("tbody")
        html.newline()
        html.close("table")
        html.newline()
    }

    private func row(_ programme: Programme, into html: inout HTMLWriter) {
        var attributes: [(StaticString, String)] = [("id", HTMLPageExporter.rowID(programme.id))]
        if let ages = programme.ageRange {
            attributes.append(("data-age-min", String(ages.min)))
            attributes.append(("data-age-max", String(ages.max)))
        }
        attributes.append(("data-audiences", programme.audiences.map(\.rawValue).joined(separator: " ")))
        attributes.append(("data-topics", programme.topics.map(\.rawValue).joined(separator: " ")))
        attributes.append(("data-sectors", programme.sectors.map(\.rawValue).joined(separator: " ")))
        html.open("tr", attributes)
        html.newline()
        html.open("th", [("scope", "row")])
        if let url = ExportText.primaryURL(of: programme) {
            html.element("a", programme.title.nl, [("href", url), ("rel", "noopener noreferrer")])
        } else {
            html.text(programme.title.nl)
        }
        if programme.title.en != programme.title.nl {
            html.raw(" ")
            html.element("span", "(" + programme.title.en + ")", [("lang", "en")])
        }
        html.close("th")
        html.newline()
        html.element("td", programme.summary.nl)
        html.element("td", programme.kind.map { vocabulary.label($0) } ?? "")
        html.element("td", labels(programme.audiences))
        html.element("td", programme.ageRange.map { "\($0.min)–\($0.max) jaar" } ?? "")
        html.element("td", labels(programme.topics))
        html.element("td", labels(programme.sectors))
        html.element("td", programme.providers.joined(separator: ", "))
        html.element("td", status(programme.status))
        html.newline()
        html.close("tr")
        html.newline()
    }

    private func labels<T: VocabularyTerm>(_ terms: [T]) -> String {
        terms.map { vocabulary.label($0) }.joined(separator: ", ")
    }

    private func status(_ status: ProgrammeStatus) -> String {
        switch status {
        case .active: return "Actief"
        case .ended(let date?, _): return "Beëindigd (\(date))"
        case .ended(nil, let year?): return "Beëindigd (\(year))"
        case .ended(nil, nil): return "Beëindigd"
        }
    }
}
