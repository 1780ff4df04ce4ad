import HTTPTypes
import Hummingbird
import Leerlijn
import NIOCore

/// `GET /plans`, `GET /plans/{profile}.{ics,json,xml,csv,txt}` for the served profiles, and
/// `POST /plans` with a profile in the body: the planner of `leerlijn plan`, over HTTP.
struct PlanRoutes: Sendable {
    let store: CatalogueStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/plans") { request, _ in try index(request) }
        router.get("/plans/{name}") { request, context in try served(request, segment: context.parameters.get("name") ?? "") }
        router.post("/plans") { request, _ in try await posted(request) }
    }

    /// The served profiles and where their plans are.
    func index(_ request: Request) throws -> Response {
        let served = store.current
        try QueryParameters(request.uri.query).checkNames([])
        let representation = served.cache.representation(for: "plans") {
            let items: [JSONValue] = served.plans.keys.sorted().map { id in
                let plan = served.plans[id]
                var links: [String: JSONValue] = [:]
                for format in PlanMediaType.allCases { links[format.rawValue] = .string("/plans/\(id).\(format.rawValue)") }
                return .object(["id": .string(id), "name": .optional(plan?.profile.name), "links": .object(links)])
            }
            return Representation(bytes: JSONValue.object(["count": .int(items.count), "plans": .array(items)]).serialized() + [0x0A],
                                  contentType: "application/json")
        }
        return ConditionalResponse(cacheControl: ProgrammeRoutes.cacheControl, served: served)
            .response(for: representation, request: request)
    }

    /// A served profile's plan.
    func served(_ request: Request, segment: String) throws -> Response {
        let served = store.current
        let parameters = try QueryParameters(request.uri.query)
        try parameters.checkNames(["reminderDays"])
        let reminderDays = try parameters.integer("reminderDays", in: 0...365) ?? store.options.reminderDays
        let (name, explicit) = splitExtension(segment, as: PlanMediaType.self)
        let format = try explicit ?? negotiate(request)
        guard let plan = served.plan(named: name) else {
            throw Problem.unknownID(name, kind: "profile", among: Array(served.plans.keys) + Array(served.planAliases.keys))
        }
        let key = "plan\t\(plan.profile.id)\t\(format.rawValue)\t\(reminderDays)"
        let representation = served.cache.representation(for: key) {
            Representation(bytes: PlanRenderer.render(plan, as: format.format, catalogue: served.catalogue, reminderDays: reminderDays),
                           contentType: format.contentType)
        }
        return ConditionalResponse(cacheControl: ProgrammeRoutes.cacheControl, served: served)
            .response(for: representation, request: request)
    }

    /// Plans for the profile in the body (XML or JSON, at most `maxBodyBytes`).
    func posted(_ request: Request) async throws -> Response {
        let served = store.current
        let parameters = try QueryParameters(request.uri.query)
        try parameters.checkNames(["as-of", "reminderDays"])
        let reminderDays = try parameters.integer("reminderDays", in: 0...365) ?? store.options.reminderDays
        var asOf: CalendarDate?
        if let text = try parameters.single("as-of") {
            guard let date = CalendarDate(iso: text) else { throw Problem(LeerlijnError.usage("--as-of: '\(text)' is not a date; use YYYY-MM-DD (e.g. 2026-09-01)")) }
            asOf = date
        }
        let format = try negotiate(request)
        let limit = store.options.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Self.tooLarge(limit) }
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: limit) } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge(limit)
        }
        let bytes = Array(body.readableBytesView)
        let loader = ProfileLoader(catalogue: served.catalogue, maxBytes: limit)
        let profile: OrganisationProfile
        do {
            switch try Self.syntax(of: request, bytes: bytes) {
            case .json: profile = try loader.decode(json: bytes, file: "request body")
            case .xml: profile = try loader.decode(xml: bytes, file: "request body")
            }
        } catch let error as LeerlijnError {
            throw Problem(error)
        }
        let plan = Planner(catalogue: served.catalogue).plan(for: profile, asOf: asOf)
        let representation = Representation(
            bytes: PlanRenderer.render(plan, as: format.format, catalogue: served.catalogue, reminderDays: reminderDays),
            contentType: format.contentType)
        return ConditionalResponse(cacheControl: "no-store", lastModified: nil).response(for: representation, request: request)
    }

    private enum Syntax { case json, xml }

    /// JSON or XML by `Content-Type`; without one, by the first byte that is not white space.
    private static func syntax(of request: Request, bytes: [UInt8]) throws(Problem) -> Syntax {
        if let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: " \t").lowercased() {
            if type == "application/json" || type.hasSuffix("+json") { return .json }
            if type == "application/xml" || type == "text/xml" || type.hasSuffix("+xml") { return .xml }
            if type != "application/octet-stream" {
                throw Problem(.unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported profile format",
                              detail: "a profile is application/xml (profile.xsd) or application/json (profile.schema.json), not \(type)")
            }
        }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : .xml
    }

    private static func tooLarge(_ limit: Int) -> Problem {
        Problem(.contentTooLarge, kind: "body-too-large", title: "The request body is too large",
                detail: "a profile may be at most \(limit) bytes")
    }

    private func negotiate(_ request: Request) throws(Problem) -> PlanMediaType {
        guard let format = MediaRange.negotiate(request.headers[.accept], offers: PlanMediaType.offers) else {
            throw Problem.notAcceptable(PlanMediaType.offers.map(\.mediaType))
        }
        return format
    }
}
