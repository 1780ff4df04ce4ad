import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Leerlijn
import NIOCore
import Testing
@testable import LeerlijnServer

@Suite("Endpoints, in process")
struct EndpointTests {
    @Test func programmesAreTheQueryAndTheExportRenderer() async throws {
        let store = try ServerTestSupport.store()
        let catalogue = store.current.catalogue
        var input = QueryFilterInput()
        input.age = "10"
        input.topics = ["online-safety"]
        let expected = CatalogueJSONExporter().render(try input.resolve(vocabulary: catalogue.vocabulary).run(on: catalogue).map(\.programme),
                                                      catalogue: catalogue)
        try await ServerTestSupport.application(store).test(.router) { client in
            try await client.execute(uri: "/programmes?age=10&topic=online-safety", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Array(response.body.readableBytesView) == expected)
                #expect(response.headers[.eTag] == "\"" + SHA256.hex(expected) + "\"")
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                #expect(response.headers[.vary]?.contains("Accept") == true)
                #expect(response.headers[.lastModified] != nil)
            }
        }
    }

    @Test(arguments: [("json", "application/json"), ("xml", "application/xml"), ("csv", "text/csv"),
                      ("atom", "application/atom+xml"), ("jsonld", "application/ld+json"), ("html", "text/html")])
    func everyExportFormatByExtensionAndByAccept(format: String, mediaType: String) async throws {
        let store = try ServerTestSupport.store()
        let catalogue = store.current.catalogue
        let renderer = try #require(ProgrammeMediaType(rawValue: format)).renderer
        let active = CatalogueQuery().run(on: catalogue).map(\.programme)
        let expected = renderer.render(active, catalogue: catalogue)
        try await ServerTestSupport.application(store).test(.router) { client in
            let byExtension = try await client.execute(uri: "/programmes.\(format)", method: .get)
            #expect(byExtension.status == .ok)
            #expect(byExtension.headers[.contentType]?.hasPrefix(mediaType) == true)
            #expect(Array(byExtension.body.readableBytesView) == expected)
            let byAccept = try await client.execute(uri: "/programmes", method: .get, headers: [.accept: "\(mediaType);q=0.9, */*;q=0.1"])
            #expect(Array(byAccept.body.readableBytesView) == expected)
            #expect(byAccept.headers[.eTag] == byExtension.headers[.eTag])
        }
    }

    @Test func oneProgrammeAndItsFormats() async throws {
        let store = try ServerTestSupport.store()
        let programme = try #require(store.current.catalogue.programmes.first)
        try await ServerTestSupport.application(store).test(.router) { client in
            let json = try await client.execute(uri: "/programmes/\(programme.id)", method: .get)
            #expect(json.status == .ok)
            #expect(try ServerTestSupport.json(json)["count"] as? Int == 1)
            let xml = try await client.execute(uri: "/programmes/\(programme.id).xml", method: .get)
            #expect(ServerTestSupport.string(xml).contains("id=\"\(programme.id)\""))
            let missing = try await client.execute(uri: "/programmes/\(programme.id)x", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
            #expect((try ServerTestSupport.json(missing)["suggestions"] as? [String])?.first == programme.id)
        }
    }

    @Test func paginationWithLinkHeaders() async throws {
        let store = try ServerTestSupport.store()
        let total = CatalogueQuery().run(on: store.current.catalogue).count
        try await ServerTestSupport.application(store).test(.router) { client in
            let first = try await client.execute(uri: "/programmes?pageSize=10&audience=professionals,parents", method: .get)
            let links = first.headers[HTTPField.Name("Link")!] ?? ""
            #expect(links.contains("rel=\"next\""))
            #expect(links.contains("page=2&pageSize=10>; rel=\"next\""))
            #expect(links.contains("audience=professionals%2Cparents") || links.contains("audience=professionals,parents"))
            #expect(!links.contains("rel=\"prev\""))
            let count = Int(first.headers[HTTPField.Name("X-Total-Count")!] ?? "") ?? -1
            #expect(count > 10 && count <= total)
            #expect((try ServerTestSupport.json(first)["programmes"] as? [Any])?.count == 10)
            let last = (count + 9) / 10
            let end = try await client.execute(uri: "/programmes?pageSize=10&audience=professionals,parents&page=\(last)", method: .get)
            #expect((try ServerTestSupport.json(end)["programmes"] as? [Any])?.count == count - (last - 1) * 10)
            #expect(end.headers[HTTPField.Name("Link")!]?.contains("rel=\"prev\"") == true)
        }
    }

    @Test func modifiedSinceFiltersByLastModified() async throws {
        let store = try ServerTestSupport.store()
        let dates = store.current.catalogue.programmes.map(\.lastModified).sorted()
        let median = dates[dates.count / 2]
        let expected = CatalogueQuery().run(on: store.current.catalogue).filter { $0.programme.lastModified >= median }.count
        try await ServerTestSupport.application(store).test(.router) { client in
            let response = try await client.execute(uri: "/programmes?modifiedSince=\(median)&pageSize=1000", method: .get)
            #expect(try ServerTestSupport.json(response)["count"] as? Int == expected)
            let bad = try await client.execute(uri: "/programmes?modifiedSince=yesterday", method: .get)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func obligationsAsTheCLI() async throws {
        let store = try ServerTestSupport.store()
        let catalogue = store.current.catalogue
        let expected = RequirementRenderer(catalogue: catalogue)
            .json(RequirementQuery(sector: Sector("sport"), role: Role("coach")).run(on: catalogue))
        try await ServerTestSupport.application(store).test(.router) { client in
            let response = try await client.execute(uri: "/obligations?sector=sport&role=coach", method: .get)
            #expect(response.status == .ok)
            #expect(Array(response.body.readableBytesView) == expected)
            let bad = try await client.execute(uri: "/obligations?sector=sprot", method: .get)
            #expect(bad.status == .badRequest)
            #expect((try ServerTestSupport.json(bad)["suggestions"] as? [String])?.contains("sport") == true)
        }
    }

    @Test func servedPlansInEveryFormat() async throws {
        let store = try ServerTestSupport.store()
        let served = store.current
        let id = try #require(served.plans.keys.sorted().first)
        let plan = try #require(served.plans[id])
        try await ServerTestSupport.application(store).test(.router) { client in
            let index = try await client.execute(uri: "/plans", method: .get)
            #expect(try ServerTestSupport.json(index)["count"] as? Int == served.plans.count)
            for format in PlanMediaType.allCases {
                let response = try await client.execute(uri: "/plans/\(id).\(format.rawValue)", method: .get)
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView)
                        == PlanRenderer.render(plan, as: format.format, catalogue: served.catalogue, reminderDays: 7))
            }
            let calendar = try await client.execute(uri: "/plans/\(id).ics?reminderDays=2", method: .get)
            #expect(ServerTestSupport.string(calendar).contains("TRIGGER:-P2D") == !plan.sessions.isEmpty)
            #expect(calendar.headers[.contentType] == "text/calendar; charset=utf-8")
            let alias = try #require(served.planAliases.first)
            let byFile = try await client.execute(uri: "/plans/\(alias.key).json", method: .get)
            #expect(byFile.status == .ok)
            let unknown = try await client.execute(uri: "/plans/nobody.ics", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test(arguments: ["sports-club.json", "primary-school.xml"])
    func postedProfileIsPlanned(file: String) async throws {
        let store = try ServerTestSupport.store()
        let path = ServerTestSupport.catalogPath + "/profiles/" + file
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let plan = Planner(catalogue: store.current.catalogue).plan(for: try ProfileLoader(catalogue: store.current.catalogue).load(path: path))
        try await ServerTestSupport.application(store).test(.router) { client in
            let type = file.hasSuffix(".json") ? "application/json" : "application/xml"
            let response = try await client.execute(uri: "/plans", method: .post,
                                                    headers: [.contentType: type, .accept: "text/calendar"], body: ByteBuffer(bytes: bytes))
            #expect(response.status == .ok)
            #expect(Array(response.body.readableBytesView) == PlanRenderer.render(plan, as: .ics, catalogue: store.current.catalogue))
            let json = try await client.execute(uri: "/plans?as-of=2026-10-01", method: .post, headers: [.contentType: type],
                                                body: ByteBuffer(bytes: bytes))
            #expect(try ServerTestSupport.json(json)["asOf"] as? String == "2026-10-01")
        }
    }

    @Test func cataloguePageHasSubscribeLinks() async throws {
        let store = try ServerTestSupport.store()
        try await ServerTestSupport.application(store).test(.router) { client in
            let page = try await client.execute(uri: "/?age=10&topic=online-safety", method: .get)
            let html = ServerTestSupport.string(page)
            #expect(page.status == .ok)
            #expect(html.contains("href=\"/programmes.atom?age=10&amp;topic=online-safety\""))
            #expect(html.contains(".ics\""))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let hostile = try await client.execute(uri: "/?text=%3Cscript%3Ealert(1)%3C/script%3E", method: .get)
            #expect(!ServerTestSupport.string(hostile).contains("<script>"))
        }
    }

    @Test func openAPIHealthAndScript() async throws {
        let store = try ServerTestSupport.store()
        try await ServerTestSupport.application(store).test(.router) { client in
            let document = try ServerTestSupport.json(try await client.execute(uri: "/openapi.json", method: .get))
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: Any] ?? [:]
            for path in ["/", "/programmes", "/programmes.{format}", "/programmes/{id}", "/obligations", "/plans", "/plans/{name}", "/healthz", "/openapi.json"] {
                #expect(paths[path] != nil, "\(path) is documented")
            }
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.headers[.cacheControl] == "no-store")
            let body = try ServerTestSupport.json(health)
            #expect(body["contentHash"] as? String == store.contentHash)
            #expect(body["status"] as? String == "ok")
            #expect(body["loadedAt"] as? String != nil)
            let script = try await client.execute(uri: "/filter.js", method: .get)
            #expect(Array(script.body.readableBytesView) == FilterScript.bytes)
        }
    }
}
