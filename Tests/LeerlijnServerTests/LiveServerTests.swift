import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Leerlijn
import NIOCore
import Testing
@testable import LeerlijnServer

#if canImport(Glibc)
import Glibc
#endif

/// One server on an ephemeral loopback port, with real sockets: a normal request, then
/// hostile ones (malformed request line, huge headers, a half-open connection).
@Suite("Live server on 127.0.0.1", .timeLimit(.minutes(1)))
struct LiveServerTests {
    /// ``exchange(port:_:timeout:)`` on a thread of its own: blocking socket calls must not
    /// hold one of the few threads the server's tasks need.
    static func exchange(port: Int, _ request: [UInt8], timeout: Int = 20) async -> (bytes: [UInt8], closed: Bool) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: blockingExchange(port: port, request, timeout: timeout)) }
        }
    }

    /// Sends raw bytes and reads until the server closes or `timeout` passes.
    static func blockingExchange(port: Int, _ request: [UInt8], timeout: Int = 20) -> (bytes: [UInt8], closed: Bool) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return ([], false) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return ([], false) }
        if !request.isEmpty { _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return (received, true) }
            if count < 0 { return (received, errno == ECONNRESET) }
            received += buffer[0..<count]
        }
    }

    @Test func liveServerAnswersAndSurvivesHostileClients() async throws {
        var options = ServerTestSupport.options()
        options.idleTimeout = 1
        let store = try CatalogueStore(options: options)
        let app = LeerlijnServer.application(store: store, logger: ServerTestSupport.logger)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // Fresh connections with `Connection: close` throughout: with a 1 s idle timeout, a
            // kept-alive client connection may be closed by the server whenever the machine is
            // busy between two requests, which is the server doing its job, not a failure.
            let request = "GET /programmes?age=10&topic=online-safety HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            let first = String(decoding: await Self.exchange(port: port, Array((request + "\r\n").utf8)).bytes, as: UTF8.self)
            #expect(first.hasPrefix("HTTP/1.1 200 OK"))
            let etag = try #require(first.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?
                .dropFirst(5).trimmingCharacters(in: .whitespaces))
            let cached = String(decoding: await Self.exchange(port: port, Array((request + "If-None-Match: \(etag)\r\n\r\n").utf8)).bytes,
                                as: UTF8.self)
            #expect(cached.hasPrefix("HTTP/1.1 304"))

            let malformed = await Self.exchange(port: port, Array("GARBAGE\r\n\r\n".utf8))
            #expect(malformed.closed)
            #expect(!String(decoding: malformed.bytes, as: UTF8.self).contains(" 200 "))

            let hugeHeader = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "a", count: 64 * 1024) + "\r\n\r\n"
            let huge = await Self.exchange(port: port, Array(hugeHeader.utf8))
            #expect(huge.closed)
            #expect(!String(decoding: huge.bytes, as: UTF8.self).contains(" 200 "))

            // Half-open: a request head that never ends; the idle timeout closes it.
            let started = ContinuousClock.now
            let trickle = await Self.exchange(port: port, Array("GET /healthz HTTP/1.1\r\nHost: x\r\n".utf8), timeout: 20)
            #expect(trickle.closed)
            #expect(ContinuousClock.now - started < .seconds(19))

            let traversal = await Self.exchange(port: port, Array("GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            let text = String(decoding: traversal.bytes, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 4"))
            #expect(!text.contains("root:x:0:0"))

            // Still serving.
            let healthy = await Self.exchange(port: port, Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            #expect(String(decoding: healthy.bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK"))
        }
    }
}
