/// The catalogue table of `index.html`: one row per programme, with `data-*` for filtering.
///
/// Row data attributes hold space-separated vocabulary ids (`data-audiences`, `data-topics`,
/// `data-sectors`) and the age range (`data-age-min`, `data-age-max`, and its basis
/// `data-age-basis`: `stated` or `derived`), which `filter.js` reads. Every derived value is
/// followed by "≈" and every rendered title or summary by "†", each a link to the legend
/// (``HTMLBasisLegend``) whose title names the rule.
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
        let provenance = programme.provenance
        var attributes: [(StaticString, String)] = [("id", HTMLPageExporter.rowID(programme.id))]
        if let ages = programme.ageRange {
            attributes.append(("data-age-min", String(ages.min)))
            attributes.append(("data-age-max", String(ages.max)))
            attributes.append(("data-age-basis", provenance.basisOrStated("ageRange").id))
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
        Self.marker(provenance.basisOrStated("title", "nl"), into: &html)
        if programme.title.en != programme.title.nl {
            html.raw(" ")
            html.open("span", [("lang", "en")])
            html.text("(" + programme.title.en + ")")
            Self.marker(provenance.basisOrStated("title", "en"), into: &html)
            html.close("span")
        }
        html.close("th")
        html.newline()
        cell([(programme.summary.nl, provenance.basisOrStated("summary", "nl"))], into: &html)
        cell(programme.kind.map { [(vocabulary.label($0), provenance.basisOrStated("kind"))] } ?? [], into: &html)
        cell(labelled("audience", programme.audiences, provenance), into: &html)
        cell(programme.ageRange.map { [("\($0.min)–\($0.max) jaar", provenance.basisOrStated("ageRange"))] } ?? [], into: &html)
        cell(labelled("topic", programme.topics, provenance), into: &html)
        cell(labelled("sector", programme.sectors, provenance), into: &html)
        cell(programme.providers.map { ($0, provenance.basisOrStated("provider", $0)) }, into: &html)
        cell([(status(programme.status), provenance.basisOrStated("status"))], into: &html)
        html.newline()
        html.close("tr")
        html.newline()
    }

    /// One cell: the values joined by ", ", each followed by its basis marker.
    private func cell(_ values: [(text: String, basis: Basis)], into html: inout HTMLWriter) {
        html.open("td")
        for (offset, value) in values.enumerated() {
            if offset > 0 { html.raw(", ") }
            html.text(value.text)
            Self.marker(value.basis, into: &html)
        }
        html.close("td")
    }

    /// The Dutch labels of `terms` with the basis of each (recorded under `field`).
    private func labelled<T: VocabularyTerm>(_ field: String, _ terms: [T], _ provenance: Provenance) -> [(text: String, basis: Basis)] {
        terms.map { (vocabulary.label($0), provenance.basisOrStated(field, $0.rawValue)) }
    }

    /// The marker of a derived or rendered value: a link to its legend entry whose title and
    /// accessible name say the basis; nothing for a stated value.
    static func marker(_ basis: Basis, into html: inout HTMLWriter) {
        switch basis {
        case .stated:
            return
        case .derived(let rule):
            let text = "afgeleid volgens regel \(rule)"
            html.element("a", BasisText.derivedMarker, [("href", "#" + HTMLBasisLegend.anchor(rule: rule)),
                                                        ("class", "basis-derived"), ("title", text), ("aria-label", text)])
        case .rendered:
            let text = "onze vertaling of samenvatting"
            html.element("a", BasisText.renderedMarker, [("href", "#" + HTMLBasisLegend.renderedAnchor),
                                                         ("class", "basis-rendered"), ("title", text), ("aria-label", text)])
        }
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
