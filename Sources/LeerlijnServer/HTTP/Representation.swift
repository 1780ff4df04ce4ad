import CompressNIO
import HTTPTypes
import Leerlijn
import NIOCore
import Synchronization

/// Rendered response bytes with everything conditional requests need: a strong `ETag` (the
/// SHA-256 of the bytes), the media type and extra headers such as `Link`.
///
/// A representation is immutable once made; its gzip variant is made the first time a client
/// asks and then kept, with its own strong `ETag` (`"…-gzip"`), because a different coding is
/// a different representation (RFC 9110 §8.8.3).
final class Representation: Sendable {
    /// The identity-coded body.
    let body: ByteBuffer
    /// The quoted strong entity tag of ``body``.
    let etag: String
    /// `Content-Type`.
    let contentType: String
    /// `Link`, `X-Total-Count`, `Content-Security-Policy` …
    let headers: HTTPFields
    private let gzipped = Mutex<ByteBuffer?>(nil)

    /// The smallest body worth compressing.
    static let compressionThreshold = 1024

    init(bytes: [UInt8], contentType: String, headers: HTTPFields = [:]) {
        self.body = ByteBuffer(bytes: bytes)
        let digest = SHA256.hex(bytes)
        self.etag = "\"" + digest + "\""
        self.gzipETag = "\"" + digest + "-gzip\""
        self.contentType = contentType
        self.headers = headers
    }

    /// The entity tag of the gzip variant.
    let gzipETag: String

    /// The gzip variant, made once; nil when compression fails (the identity body is sent).
    func gzipBody() -> ByteBuffer? {
        if let done = gzipped.withLock({ $0 }) { return done }
        var input = body
        guard let compressed = try? input.compress(with: .gzip()) else { return nil }
        gzipped.withLock { $0 = compressed }
        return compressed
    }
}

/// Representations by request key, for one loaded catalogue; dropped with it on reload.
///
/// Bounded: when full it starts again empty, which keeps the common feeds hot without an
/// eviction policy to get wrong.
final class RepresentationCache: Sendable {
    private let entries = Mutex<[String: Representation]>([:])
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// The cached representation for `key`, or the one `make` renders (then cached).
    func representation(for key: String, make: () throws -> Representation) rethrows -> Representation {
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let made = try make()
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }

    /// How many entries are held.
    var count: Int { entries.withLock { $0.count } }
}
