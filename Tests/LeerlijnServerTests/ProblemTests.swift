import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Leerlijn
import NIOCore
import Testing
@testable import LeerlijnServer

@Suite("Errors as RFC 9457 problems")
struct ProblemTests {
    /// The CLI's message for the same input.
    static func cliMessage(_ change: (inout QueryFilterInput) -> Void) throws -> String {
        var input = QueryFilterInput()
        change(&input)
        do {
            _ = try input.resolve(vocabulary: try ServerTestSupport.store().current.catalogue.vocabulary)
            return ""
        } catch let error as LeerlijnError {
            guard case .usage(let message) = error else { return "" }
            return message
        }
    }

    @Test(arguments: [
        ("age=26", "age"), ("ages=9-4", "ages"), ("topic=onlne-safety", "topic"), ("sector=sprot", "sector"),
        ("language=1x", "language"), ("recommendation=XX-1", "recommendation"), ("as-of=2026-13-01", "as-of"),
        ("text=%20", "text"), ("min-evidence=strong", "min-evidence"),
    ])
    func badValuesCarryTheCLIMessage(query: String, parameter: String) async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: "/programmes?\(query)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let body = try ServerTestSupport.json(response)
            #expect(body["parameter"] as? String == parameter)
            #expect(body["status"] as? Int == 400)
            #expect((body["type"] as? String)?.hasPrefix("urn:leerlijn:problem:") == true)
            let detail = body["detail"] as? String ?? ""
            #expect(detail.hasPrefix("--\(parameter): "))
        }
    }

    @Test func suggestionsAreTheCLIsSuggestions() async throws {
        let message = try Self.cliMessage { $0.topics = ["onlne-safety"] }
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let body = try ServerTestSupport.json(try await client.execute(uri: "/programmes?topic=onlne-safety", method: .get))
            #expect(body["detail"] as? String == message)
            #expect((body["suggestions"] as? [String])?.first == "online-safety")
        }
    }

    @Test func unknownParameterAndBadFlags() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let unknown = try ServerTestSupport.json(try await client.execute(uri: "/programmes?topics=sexting", method: .get))
            #expect(unknown["parameter"] as? String == "topics")
            #expect((unknown["suggestions"] as? [String])?.first == "topic")
            let flag = try await client.execute(uri: "/programmes?peer-led=maybe", method: .get)
            #expect(flag.status == .badRequest)
            let twice = try await client.execute(uri: "/programmes?age=4&age=5", method: .get)
            #expect(twice.status == .badRequest)
            let page = try await client.execute(uri: "/programmes?pageSize=0", method: .get)
            #expect(page.status == .badRequest)
            let escape = try await client.execute(uri: "/programmes?text=%ZZ", method: .get)
            #expect(escape.status == .badRequest)
        }
    }

    @Test(arguments: [("DELETE", "/programmes"), ("PUT", "/plans"), ("POST", "/programmes/x"), ("PATCH", "/healthz"), ("POST", "/")])
    func wrongMethodIs405WithAllow(method: String, path: String) async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: path, method: try #require(HTTPRequest.Method(method)))
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow]?.contains("GET") == true)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test(arguments: ["/nothing", "/programmes/a/b", "/../../etc/passwd", "/plans/..%2F..%2Fetc%2Fpasswd", "/%00", "/programmes.exe"])
    func unknownPathsAre404AndNeverAFile(path: String) async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            #expect(!ServerTestSupport.string(response).contains("root:"))
        }
    }
}
