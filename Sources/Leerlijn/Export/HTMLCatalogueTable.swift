/// The catalogue table of `index.html` and `en/index.html`: one row per programme, with
/// `data-*` for filtering, in the page's language.
///
/// Row data attributes hold space-separated vocabulary ids (`data-audiences`, `data-topics`,
/// `data-sectors`) and the age range (`data-age-min`, `data-age-max`, and its basis
/// `data-age-basis`: `stated` or `derived`), which `filter.js` reads. Every derived value is
/// followed by "≈" and every rendered title or summary by "†", each a link to the legend
/// (``HTMLBasisLegend``) whose title names the rule.
struct HTMLCatalogueTable {
    let programmes: [Programme]
    let vocabulary: Vocabulary
    var language: SiteLanguage = .nl

    /// The column headers of the Dutch page.
    static var headers: [String] { SiteText.dutch.headers }

    /// Writes the table; `afterRow` may hand the buffer over (to stream a large page).
    func write(into html: inout HTMLWriter, afterRow: (inout HTMLWriter) throws -> Void = { _ in }) rethrows {
        html.open("table", [("id", "catalogue")])
        html.newline()
        let text = language.text
        html.element("caption", "\(text.captionPrefix) (\(programmes.count))")
        html.newline()
        html.open("thead")
        html.open("tr")
        for header in text.headers { html.element("th", header, [("scope", "col")]) }
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
        let text = language.text, code = language.code, other = language.counterpart.code
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
        html.open("th", [("scope", "row"), ("data-label", text.headers[0])])
        html.element("a", programme.title.text(in: code), [("href", SiteAddress.programmePage(programme.id))])
        Self.marker(provenance.basisOrStated("title", code), language: language, into: &html)
        // The other language's title on a line of its own, without added parentheses (titles
        // often carry their own abbreviation in parentheses), and only when it says something else.
        if Self.showsEnglishTitle(programme.title) {
            html.open("span", [("lang", other), ("class", "title-other")])
            html.text(programme.title.text(in: other))
            Self.marker(provenance.basisOrStated("title", other), language: language, into: &html)
            html.close("span")
        }
        html.close("th")
        html.newline()
        cell(text.headers[1], [(programme.summary.text(in: code), provenance.basisOrStated("summary", code))], into: &html)
        for (label, values) in Self.facts(of: programme, vocabulary: vocabulary, language: language) {
            cell(label, values, into: &html)
        }
        html.newline()
        html.close("tr")
        html.newline()
    }

    /// Whether the English title adds anything: it differs and neither title contains the other.
    static func showsEnglishTitle(_ title: LocalizedText) -> Bool {
        let nl = title.nl.lowercased(), en = title.en.lowercased()
        return !nl.contains(en) && !en.contains(nl)
    }

    /// The columns after the summary, as (header, values with their basis), in header order,
    /// in `language` (vocabulary labels in that language; providers as the catalogue gives them).
    static func facts(of programme: Programme, vocabulary: Vocabulary,
                      language: SiteLanguage = .nl) -> [(label: String, values: [(text: String, basis: Basis)])] {
        let provenance = programme.provenance
        let text = language.text, headers = text.headers
        func labelled<T: VocabularyTerm>(_ field: String, _ terms: [T]) -> [(text: String, basis: Basis)] {
            terms.map { (vocabulary.label($0, language: language.code), provenance.basisOrStated(field, $0.rawValue)) }
        }
        return [
            (headers[2], programme.kind.map { [(vocabulary.label($0, language: language.code), provenance.basisOrStated("kind"))] } ?? []),
            (headers[3], labelled("audience", programme.audiences)),
            (headers[4], programme.ageRange.map { [("\($0.min)–\($0.max) \(text.years)", provenance.basisOrStated("ageRange"))] } ?? []),
            (headers[5], labelled("topic", programme.topics)),
            (headers[6], labelled("sector", programme.sectors)),
            (headers[7], programme.providers.map { ($0, provenance.basisOrStated("provider", $0)) }),
            (headers[8], [(status(programme.status, text), provenance.basisOrStated("status"))]),
        ]
    }

    /// One cell: the values joined by ", ", each followed by its basis marker; `data-label`
    /// names the column for the narrow layout, where rows become cards.
    private func cell(_ label: String, _ values: [(text: String, basis: Basis)], into html: inout HTMLWriter) {
        html.open("td", [("data-label", label)])
        Self.values(values, language: language, into: &html)
        html.close("td")
    }

    /// Values joined by ", ", each followed by its basis marker.
    static func values(_ values: [(text: String, basis: Basis)], language: SiteLanguage = .nl,
                       into html: inout HTMLWriter) {
        for (offset, value) in values.enumerated() {
            if offset > 0 { html.raw(", ") }
            html.text(value.text)
            marker(value.basis, language: language, into: &html)
        }
    }

    /// The marker of a derived or rendered value: a link to its legend entry whose title and
    /// accessible name say the basis; nothing for a stated value.
    static func marker(_ basis: Basis, language: SiteLanguage = .nl, into html: inout HTMLWriter) {
        switch basis {
        case .stated:
            return
        case .derived(let rule):
            let text = "\(language.text.derivedByRule) \(rule)"
            html.element("a", BasisText.derivedMarker, [("href", "#" + HTMLBasisLegend.anchor(rule: rule)),
                                                        ("class", "basis-derived"), ("title", text), ("aria-label", text)])
        case .rendered:
            let text = language.text.ourRendering
            html.element("a", BasisText.renderedMarker, [("href", "#" + HTMLBasisLegend.renderedAnchor),
                                                         ("class", "basis-rendered"), ("title", text), ("aria-label", text)])
        }
    }

    private static func status(_ status: ProgrammeStatus, _ text: SiteText) -> String {
        switch status {
        case .active: return text.active
        case .ended(let date?, _): return "\(text.ended) (\(date))"
        case .ended(nil, let year?): return "\(text.ended) (\(year))"
        case .ended(nil, nil): return text.ended
        }
    }
}
