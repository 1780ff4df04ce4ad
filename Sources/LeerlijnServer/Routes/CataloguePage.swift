import Hummingbird
import Leerlijn

/// `GET /`: the catalogue page, filtered on the server by the same parameters as
/// `/programmes`, with links to subscribe to exactly this filter (Atom, JSON, CSV, iCalendar
/// for the served profiles' plans). No script: the form submits to the page itself.
struct CataloguePage: Sendable {
    let store: CatalogueStore

    /// The page's policy: no scripts at all, forms only to itself.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'"

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try page(request) }
    }

    func page(_ request: Request) throws -> Response {
        let served = store.current
        let parameters = try QueryParameters(request.uri.query)
        guard MediaRange.negotiate(request.headers[.accept], offers: [("text/html", true)]) != nil else {
            throw Problem.notAcceptable(["text/html"])
        }
        let representation = try served.cache.representation(for: "page\t" + parameters.canonicalKey) {
            let filters = try ProgrammeFilterParameters(parameters, options: store.options, paging: false)
            let programmes = try filters.matches(in: served.catalogue)
            return Representation(bytes: Array(render(programmes, parameters: parameters, served: served).utf8),
                                  contentType: "text/html; charset=utf-8",
                                  headers: [.contentSecurityPolicy: Self.contentSecurityPolicy])
        }
        return ConditionalResponse(cacheControl: ProgrammeRoutes.cacheControl, served: served)
            .response(for: representation, request: request)
    }

    private func render(_ programmes: [Programme], parameters: QueryParameters, served: ServedCatalogue) -> String {
        let vocabulary = served.catalogue.vocabulary
        let query = parameters.query(replacing: [])
        let suffix = query.isEmpty ? "" : "?" + query
        var html = """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Leerlijn: catalogus</title>
            <link rel="alternate" type="application/atom+xml" title="Leerlijn (Atom, dit filter)" href="\(escape("/programmes.atom" + suffix))">
            </head><body><header><h1>Leerlijn: programma’s en trainingen</h1>
            <p>Live uit de catalogus (inhoud \(escape(String(served.contentHash.prefix(12))))). Bron: factsheet van het Lanzarote-comité over Nederland.</p></header>
            <main><form method="get" action="/" aria-label="Filters">

            """
        html += select("age", label: "Leeftijd", ids: (0...25).map(String.init), labels: nil, parameters: parameters)
        for (name, vocabularyName, label) in [("audience", "audience", "Doelgroep"), ("topic", "topic", "Onderwerp"),
                                              ("sector", "sector", "Sector")] {
            let ids = vocabulary.ids(vocabularyName)
            let labels = ids.map { vocabulary.term($0, in: vocabularyName)?.label.nl ?? $0 }
            html += select(name, label: label, ids: ids, labels: labels, parameters: parameters)
        }
        let text = parameters.values("text").first ?? ""
        html += "<label>Zoeken <input type=\"search\" name=\"text\" value=\"\(escape(text))\"></label>\n"
        html += "<button type=\"submit\">Filter</button></form>\n"
        html += "<nav aria-label=\"Abonneren\"><h2>Abonneren op dit filter</h2><ul>\n"
        for (format, label) in [("atom", "Atom-feed"), ("json", "JSON"), ("jsonld", "JSON-LD"), ("xml", "XML"), ("csv", "CSV")] {
            html += "<li><a href=\"\(escape("/programmes.\(format)" + suffix))\">\(label)</a></li>\n"
        }
        html += "</ul><h2>Agenda’s van trainingsplannen</h2><ul>\n"
        for id in served.plans.keys.sorted() {
            let name = served.plans[id]?.profile.name ?? id
            html += "<li><a href=\"\(escape("/plans/\(id).ics"))\">\(escape(name))</a> (iCalendar; "
                + "<a href=\"\(escape("/plans/\(id).txt"))\">tekst</a>)</li>\n"
        }
        html += "</ul></nav>\n<table><caption>\(programmes.count) programma’s</caption>\n"
        html += "<thead><tr><th scope=\"col\">Titel</th><th scope=\"col\">Leeftijd</th><th scope=\"col\">Aanbieder</th></tr></thead><tbody>\n"
        for programme in programmes {
            html += "<tr><th scope=\"row\"><a href=\"\(escape("/programmes/\(programme.id).html"))\">\(escape(programme.title.nl))</a></th>"
                + "<td>\(escape(programme.ageRange.map { "\($0)" } ?? "–"))</td>"
                + "<td>\(escape(programme.providers.joined(separator: ", ")))</td></tr>\n"
        }
        html += "</tbody></table></main><footer><p>Gegenereerd door Leerlijn \(escape(LeerlijnVersion.string)); "
            + "<a href=\"/openapi.json\">API</a>.</p></footer></body></html>\n"
        return html
    }

    private func select(_ name: String, label: String, ids: [String], labels: [String]?, parameters: QueryParameters) -> String {
        let chosen = Set(parameters.values(name))
        var html = "<label>\(escape(label)) <select name=\"\(name)\"><option value=\"\"></option>"
        for (offset, id) in ids.enumerated() {
            html += "<option value=\"\(escape(id))\"\(chosen.contains(id) ? " selected" : "")>\(escape(labels?[offset] ?? id))</option>"
        }
        return html + "</select></label>\n"
    }

    /// Escapes text and attribute values.
    func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
