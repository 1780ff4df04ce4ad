import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Leerlijn
import NIOCore
import Testing
@testable import LeerlijnServer

/// Hostile profiles and catalogue files posted to `POST /plans`: every one is a 4xx problem,
/// never a crash, a 500, or the content of a file on the server.
@Suite("Hostile request bodies")
struct HostileProfileTests {
    static let laughs = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><profile>&lol3;</profile>
        """

    static let bodies: [(String, String, [UInt8])] = [
        ("external file entity", "application/xml",
         Array("<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><profile id=\"x\">&x;</profile>".utf8)),
        ("external parameter entity", "application/xml",
         Array("<!DOCTYPE p [<!ENTITY % x SYSTEM \"http://127.0.0.1:9/x.dtd\"> %x;]><profile/>".utf8)),
        ("billion laughs", "application/xml", Array(laughs.utf8)),
        ("XInclude", "application/xml",
         Array("<profile xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></profile>".utf8)),
        ("deep nesting", "application/xml", Array((String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)).utf8)),
        ("truncated XML", "application/xml", Array("<profile xmlns=\"urn:leerlijn:profile:1\" id=\"a\"><name>".utf8)),
        ("two roots", "application/xml", Array("<profile/><profile/>".utf8)),
        ("invalid UTF-8", "application/xml", [0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x3C, 0x2F, 0x70, 0x3E]),
        ("illegal character reference", "application/xml", Array("<profile>&#1;</profile>".utf8)),
        ("empty XML", "application/xml", []),
        ("a catalogue file instead", "application/xml",
         Array("<programmes xmlns=\"urn:leerlijn:catalogue:1\"><programme id=\"../../x\"/></programmes>".utf8)),
        ("empty JSON", "application/json", []),
        ("truncated JSON", "application/json", Array("{\"id\": \"a\", \"name\": ".utf8)),
        ("deep JSON", "application/json", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
        ("wrong JSON types", "application/json", Array("{\"id\": 5, \"name\": [], \"kind\": null, \"roles\": \"all\"}".utf8)),
        ("JSON array", "application/json", Array("[1, 2, 3]".utf8)),
        ("JSON with NUL", "application/json", Array("{\"id\": \"a\u{0}b\"}".utf8)),
        ("huge number", "application/json", Array("{\"id\": \"a\", \"roles\": [{\"role\": \"coach\", \"headcount\": 1e999999}]}".utf8)),
    ]

    @Test(arguments: bodies.indices)
    func hostileBodyIsAProblem(index: Int) async throws {
        let (name, type, bytes) = Self.bodies[index]
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: "/plans", method: .post, headers: [.contentType: type], body: ByteBuffer(bytes: bytes))
            #expect(response.status == .badRequest, "\(name)")
            #expect(response.headers[.contentType] == "application/problem+json", "\(name)")
            #expect(!ServerTestSupport.string(response).contains("root:x:0:0"), "\(name)")
        }
    }

    @Test func bodyOverOneMebibyteIs413() async throws {
        let big = ByteBuffer(bytes: [UInt8](repeating: 0x20, count: (1 << 20) + 1))
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: "/plans", method: .post, headers: [.contentType: "application/json"], body: big)
            #expect(response.status == .contentTooLarge)
            #expect(try ServerTestSupport.json(response)["type"] as? String == "urn:leerlijn:problem:body-too-large")
        }
    }

    @Test func unsupportedMediaTypeIs415() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: "/plans", method: .post, headers: [.contentType: "text/csv"],
                                                    body: ByteBuffer(string: "a,b"))
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func invalidProfileNamesFieldAndValue() async throws {
        let path = ServerTestSupport.catalogPath + "/profiles/sports-club.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"sport\"", with: "\"sprot\"")
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: "/plans", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: text))
            #expect(response.status == .badRequest)
            let errors = try ServerTestSupport.json(response)["errors"] as? [[String: Any]] ?? []
            #expect(errors.contains { ($0["value"] as? String) == "sprot" || ($0["message"] as? String)?.contains("sprot") == true })
        }
    }
}
