import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Leerlijn
import NIOCore
import Testing
@testable import LeerlijnServer

@Suite("HTTP semantics")
struct HTTPSemanticsTests {
    static let feed = "/programmes?age=10&topic=online-safety"

    @Test func ifNoneMatchGives304WithTheSameValidators() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let first = try await client.execute(uri: Self.feed, method: .get)
            let etag = try #require(first.headers[.eTag])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
            for header in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                let again = try await client.execute(uri: Self.feed, method: .get, headers: [.ifNoneMatch: header])
                #expect(again.status == .notModified, "\(header)")
                #expect(again.body.readableBytes == 0)
                #expect(again.headers[.eTag] == etag)
            }
            let changed = try await client.execute(uri: Self.feed, method: .get, headers: [.ifNoneMatch: "\"stale\""])
            #expect(changed.status == .ok)
        }
    }

    @Test func ifModifiedSince() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let first = try await client.execute(uri: Self.feed, method: .get)
            let modified = try #require(first.headers[.lastModified])
            let same = try await client.execute(uri: Self.feed, method: .get, headers: [.ifModifiedSince: modified])
            #expect(same.status == .notModified)
            let older = try await client.execute(uri: Self.feed, method: .get, headers: [.ifModifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"])
            #expect(older.status == .ok)
            let garbage = try await client.execute(uri: Self.feed, method: .get, headers: [.ifModifiedSince: "yesterday"])
            #expect(garbage.status == .ok)
        }
    }

    @Test func gzipWhenAskedWithItsOwnETag() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let plain = try await client.execute(uri: "/programmes", method: .get)
            let zipped = try await client.execute(uri: "/programmes", method: .get, headers: [.acceptEncoding: "br;q=1, gzip;q=0.8"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.body.readableBytes < plain.body.readableBytes)
            var body = zipped.body
            let inflated = try body.decompress(with: .gzip())
            #expect(inflated == plain.body)
            let etag = try #require(zipped.headers[.eTag])
            #expect(etag != plain.headers[.eTag] && etag.hasSuffix("-gzip\""))
            let refused = try await client.execute(uri: "/programmes", method: .get, headers: [.acceptEncoding: "gzip;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
            let revalidated = try await client.execute(uri: "/programmes", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: etag])
            #expect(revalidated.status == .notModified)
        }
    }

    @Test func headHasTheHeadersAndNoBody() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let get = try await client.execute(uri: Self.feed, method: .get)
            let head = try await client.execute(uri: Self.feed, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.eTag] == get.headers[.eTag])
        }
    }

    @Test func corsForGet() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: Self.feed, method: .get, headers: [.origin: "https://partner.example"])
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            let preflight = try await client.execute(uri: Self.feed, method: .options, headers: [
                .origin: "https://partner.example", .accessControlRequestMethod: "GET"])
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("GET") == true)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == false)
        }
    }

    @Test func notAcceptable() async throws {
        try await ServerTestSupport.application(try ServerTestSupport.store()).test(.router) { client in
            let response = try await client.execute(uri: "/programmes", method: .get, headers: [.accept: "image/png"])
            #expect(response.status == .notAcceptable)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func httpDatesRoundTrip() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        for seconds in stride(from: Int64(0), to: 4_000_000_000, by: 97_654_321) {
            #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
        }
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
