import HTTPTypes
import Hummingbird
import Leerlijn

/// `GET /programmes[.ext]` and `GET /programmes/{id}[.ext]`: the query of `leerlijn query` and
/// the renderers of `leerlijn export`, over HTTP.
struct ProgrammeRoutes: Sendable {
    let store: CatalogueStore

    /// `Cache-Control` of catalogue representations: shared caches may keep them a minute, then
    /// revalidate with the `ETag`.
    static let cacheControl = "public, max-age=60"

    func add(to router: Router<BasicRequestContext>) {
        router.get("/programmes") { request, _ in try list(request, format: nil) }
        for format in ProgrammeMediaType.allCases {
            router.get("/programmes.\(format.rawValue)") { request, _ in try list(request, format: format) }
        }
        router.get("/programmes/{id}") { request, context in
            try one(request, segment: context.parameters.get("id") ?? "")
        }
    }

    func list(_ request: Request, format explicit: ProgrammeMediaType?) throws -> Response {
        let served = store.current
        let format = try explicit ?? negotiate(request)
        // Keyed by the raw query string: a hit costs one dictionary lookup, no parsing; the same
        // filters in another order are another (identical) entry of the bounded cache.
        let key = "programmes\t\(format.rawValue)\t\(request.uri.query ?? "")"
        let representation = try served.cache.representation(for: key) {
            let parameters = try QueryParameters(request.uri.query)
            let filters = try ProgrammeFilterParameters(parameters, options: store.options)
            let matches = try filters.matches(in: served.catalogue)
            let start = min(matches.count, (filters.page - 1).multipliedReportingOverflow(by: filters.pageSize).partialValue)
            let page = Array(matches[start..<min(matches.count, start + filters.pageSize)])
            var headers = PageLinks(path: request.uri.path, parameters: parameters, page: filters.page,
                                    pageSize: filters.pageSize, total: matches.count).headers
            if format == .html { headers[.contentSecurityPolicy] = HTMLPageExporter.contentSecurityPolicy }
            return Representation(bytes: format.renderer.render(page, catalogue: served.catalogue),
                                  contentType: format.contentType, headers: headers)
        }
        return ConditionalResponse(cacheControl: Self.cacheControl, served: served)
            .response(for: representation, request: request)
    }

    func one(_ request: Request, segment: String) throws -> Response {
        let served = store.current
        try QueryParameters(request.uri.query).checkNames([])
        let (id, explicit) = splitExtension(segment, as: ProgrammeMediaType.self)
        let format = try explicit ?? negotiate(request)
        guard let programme = served.catalogue.programme(id: id) else {
            throw Problem.unknownID(id, kind: "programme", among: served.catalogue.programmes.map(\.id))
        }
        let representation = served.cache.representation(for: "programme\t\(format.rawValue)\t\(id)") {
            Representation(bytes: format.renderer.render([programme], catalogue: served.catalogue),
                           contentType: format.contentType,
                           headers: format == .html ? [.contentSecurityPolicy: HTMLPageExporter.contentSecurityPolicy] : [:])
        }
        return ConditionalResponse(cacheControl: Self.cacheControl, served: served)
            .response(for: representation, request: request)
    }

    private func negotiate(_ request: Request) throws(Problem) -> ProgrammeMediaType {
        guard let format = MediaRange.negotiate(request.headers[.accept], offers: ProgrammeMediaType.offers) else {
            throw Problem.notAcceptable(ProgrammeMediaType.offers.map(\.mediaType))
        }
        return format
    }
}

/// RFC 8288 `Link` headers for a page of results, and `X-Total-Count`.
struct PageLinks {
    let path: String
    let parameters: QueryParameters
    let page: Int
    let pageSize: Int
    let total: Int

    var headers: HTTPFields {
        let last = max(1, (total + pageSize - 1) / pageSize)
        var links = [link(1, "first")]
        if page > 1 { links.append(link(min(page - 1, last), "prev")) }
        if page < last { links.append(link(page + 1, "next")) }
        links.append(link(last, "last"))
        var fields = HTTPFields()
        fields.set("Link", links.joined(separator: ", "))
        fields.set("X-Total-Count", String(total))
        return fields
    }

    private func link(_ number: Int, _ relation: String) -> String {
        "<\(path)?\(parameters.query(replacing: [("page", String(number)), ("pageSize", String(pageSize))]))>; rel=\"\(relation)\""
    }
}
