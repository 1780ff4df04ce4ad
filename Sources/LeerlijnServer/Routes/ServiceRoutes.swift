import Foundation
import HTTPTypes
import Hummingbird
import Leerlijn

/// `GET /obligations`, `GET /healthz`, `GET /openapi.json` and `GET /filter.js`.
struct ServiceRoutes: Sendable {
    let store: CatalogueStore

    /// The OpenAPI 3.1 document, embedded from `openapi.json` in this target.
    static let openAPI = Representation(bytes: PackageResources.openapi_json, contentType: "application/json")
    /// The page script of the HTML catalogue.
    static let filterScript = Representation(bytes: FilterScript.bytes, contentType: "text/javascript; charset=utf-8")

    func add(to router: Router<BasicRequestContext>) {
        router.get("/obligations") { request, _ in try obligations(request) }
        router.get("/healthz") { request, _ in try health(request) }
        router.get("/openapi.json") { request, _ in try fixed(Self.openAPI, request) }
        router.get("/filter.js") { request, _ in try fixed(Self.filterScript, request) }
    }

    /// As `leerlijn query --obligations`: the obligations that bind a sector, role, audience or age.
    func obligations(_ request: Request) throws -> Response {
        let served = store.current
        let parameters = try QueryParameters(request.uri.query)
        guard MediaRange.negotiate(request.headers[.accept], offers: [("application/json", true)]) != nil else {
            throw Problem.notAcceptable(["application/json"])
        }
        let representation = try served.cache.representation(for: "obligations\t" + parameters.canonicalKey) {
            try parameters.checkNames(["sector", "role", "audience", "age", "as-of"])
            var input = QueryFilterInput()
            input.sectors = parameters.values("sector")
            input.roles = parameters.values("role")
            input.audiences = parameters.values("audience")
            input.age = try parameters.single("age")
            input.asOf = try parameters.single("as-of")
            let query = try ProgrammeFilterParameters.resolve(input, vocabulary: served.catalogue.vocabulary)
            let found = RequirementQuery(sector: query.sectors.first, role: query.roles.first,
                                         audience: query.audiences.first, age: query.age, asOf: query.asOf).run(on: served.catalogue)
            return Representation(bytes: RequirementRenderer(catalogue: served.catalogue).json(found), contentType: "application/json")
        }
        return ConditionalResponse(cacheControl: ProgrammeRoutes.cacheControl, served: served)
            .response(for: representation, request: request)
    }

    /// The catalogue being served, when it was loaded, and how the last reload went.
    func health(_ request: Request) throws -> Response {
        try QueryParameters(request.uri.query).checkNames([])
        let served = store.current, status = store.status
        let body = JSONValue.object([
            "status": .string(status.lastError == nil ? "ok" : "stale"),
            "version": .string(LeerlijnVersion.string),
            "contentHash": .string(served.contentHash),
            "loadedAt": .string(Self.timestamp(served.loadedAt)),
            "programmes": .int(served.catalogue.programmes.count),
            "requirements": .int(served.catalogue.requirements.count),
            "profiles": .int(served.plans.count),
            "reloads": .int(status.reloads),
            "lastReloadAttempt": .optional(status.lastAttempt.map(Self.timestamp)),
            "lastReloadError": .optional(status.lastError),
        ])
        let representation = Representation(bytes: body.serialized() + [0x0A], contentType: "application/json")
        return ConditionalResponse(cacheControl: "no-store", lastModified: nil).response(for: representation, request: request)
    }

    private func fixed(_ representation: Representation, _ request: Request) throws -> Response {
        try QueryParameters(request.uri.query).checkNames([])
        return ConditionalResponse(cacheControl: "public, max-age=3600", lastModified: nil).response(for: representation, request: request)
    }

    /// RFC 3339 in UTC, to the second.
    static func timestamp(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
