import HTTPTypes
import Hummingbird
import NIOCore

/// Turns a representation into the response a request should get: 200 with the body
/// (gzip-coded when the client accepts it), or 304 when `If-None-Match` or
/// `If-Modified-Since` says the client already has it.
struct ConditionalResponse {
    /// `Cache-Control` for the resource.
    var cacheControl: String
    /// `Last-Modified`, seconds since the epoch.
    var lastModified: Int64?
    /// ``lastModified`` as an HTTP date, when the caller has it formatted already.
    var lastModifiedText: String?

    init(cacheControl: String, lastModified: Int64?) {
        self.cacheControl = cacheControl
        self.lastModified = lastModified
        self.lastModifiedText = lastModified.map(HTTPDate.format)
    }

    init(cacheControl: String, served: ServedCatalogue) {
        self.cacheControl = cacheControl
        self.lastModified = served.loadedAt
        self.lastModifiedText = served.lastModifiedText
    }

    func response(for representation: Representation, request: Request, status: HTTPResponse.Status = .ok) -> Response {
        let gzip = acceptsGzip(request.headers[.acceptEncoding]) && representation.body.readableBytes >= Representation.compressionThreshold
        let compressed = gzip ? representation.gzipBody() : nil
        let etag = compressed == nil ? representation.etag : representation.gzipETag
        var headers = representation.headers
        headers[.contentType] = representation.contentType
        headers[.eTag] = etag
        headers[.cacheControl] = cacheControl
        headers[.vary] = "Accept, Accept-Encoding"
        if let lastModifiedText { headers[.lastModified] = lastModifiedText }
        if status == .ok, request.method == .get || request.method == .head, notModified(request, representation) {
            return Response(status: .notModified, headers: headers)
        }
        if compressed != nil { headers[.contentEncoding] = "gzip" }
        let body = compressed ?? representation.body
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    /// RFC 9110 §13.1.2 (weak comparison) for `If-None-Match`; `If-Modified-Since` only when
    /// there is no `If-None-Match`.
    private func notModified(_ request: Request, _ representation: Representation) -> Bool {
        let values = request.headers[values: .ifNoneMatch]
        // The common case, a client echoing the tag it was given, without any parsing.
        if values.count == 1, values[0] == representation.etag || values[0] == representation.gzipETag { return true }
        if case let header = values.joined(separator: ","), !header.isEmpty {
            let tags = header.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }
            if tags.contains("*") { return true }
            let mine = [representation.etag, representation.gzipETag]
            return tags.contains { tag in mine.contains(tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse), let lastModified {
            return lastModified <= since
        }
        return false
    }

    /// Whether `Accept-Encoding` allows gzip (q > 0, directly or through `*`).
    private func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        let ranges = MediaRange.parse(header)
        if let gzip = ranges.first(where: { $0.value == "gzip" || $0.value == "x-gzip" }) { return gzip.quality > 0 }
        if let any = ranges.first(where: { $0.value == "*" }) { return any.quality > 0 }
        return false
    }
}
