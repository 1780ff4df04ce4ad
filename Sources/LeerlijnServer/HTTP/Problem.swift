import HTTPTypes
import Hummingbird
import Leerlijn
import NIOCore

/// An RFC 9457 problem: what the client got wrong, as `application/problem+json`.
///
/// The detail is the command line's own message (the same validation produced it), with the
/// parameter, the offending value and the suggested ids as members a program can read.
/// Handlers throw it; Hummingbird turns it into the response.
public struct Problem: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short, stable kind such as `unknown-parameter`; the `type` URI ends in it.
    public var kind: String
    /// A title for the kind.
    public var title: String
    /// The explanation for this occurrence.
    public var detail: String
    /// The query parameter concerned, when one is.
    public var parameter: String?
    /// Nearest valid values or ids, best first.
    public var suggestions: [String] = []
    /// Every problem of an input document (profile errors with line, column, field and value).
    public var errors: [Diagnostic] = []
    /// Extra response headers (`Allow` for 405).
    public var headers: HTTPFields = [:]

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, kind: String, title: String, detail: String, parameter: String? = nil,
                suggestions: [String] = [], errors: [Diagnostic] = []) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.parameter = parameter
        self.suggestions = suggestions
        self.errors = errors
    }

    /// A library error as a problem: usage errors are 400 with the CLI's text (its parameter
    /// and suggestions picked out of it), invalid documents are 400 with every diagnostic.
    public init(_ error: LeerlijnError) {
        switch error {
        case .usage(let message):
            self.init(.badRequest, kind: "invalid-parameter", title: "A query parameter is not valid",
                      detail: message, parameter: Self.parameter(in: message), suggestions: Self.suggestions(in: message))
        case .invalidData(let diagnostics):
            self.init(.badRequest, kind: "invalid-document", title: "The document is not valid",
                      detail: diagnostics.first(where: { !$0.isWarning })?.description ?? error.description,
                      errors: diagnostics)
        case .missingInput, .cannotCreate, .io, .busy:
            self.init(.internalServerError, kind: "server-error", title: "The server could not answer",
                      detail: "the server could not read its own data")
        }
    }

    /// The JSON body.
    var body: JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("urn:leerlijn:problem:\(kind)"),
            "title": .string(title),
            "status": .int(status.code),
            "detail": .string(detail),
        ]
        if let parameter { members["parameter"] = .string(parameter) }
        if !suggestions.isEmpty { members["suggestions"] = .strings(suggestions) }
        if !errors.isEmpty {
            members["errors"] = .array(errors.map { diagnostic in
                var item: [String: JSONValue] = [
                    "file": .string(diagnostic.file), "line": .int(diagnostic.line), "column": .int(diagnostic.column),
                    "message": .string(diagnostic.message),
                ]
                if let field = diagnostic.field { item["field"] = .string(field) }
                if let value = diagnostic.value { item["value"] = .string(value) }
                return .object(item)
            })
        }
        return .object(members)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        fields[.cacheControl] = "no-store"
        let bytes = body.serialized() + [0x0A]
        let buffer = ByteBuffer(bytes: bytes)
        return Response(status: status, headers: fields,
                        body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: buffer))
    }

    /// `--age: …` → `age`.
    static func parameter(in message: String) -> String? {
        guard message.hasPrefix("--"), let colon = message.firstIndex(of: ":") else { return nil }
        return String(message[message.index(message.startIndex, offsetBy: 2)..<colon])
    }

    /// The quoted ids after `did you mean`, up to the question mark.
    static func suggestions(in message: String) -> [String] {
        guard let start = message.range(of: "did you mean ") else { return [] }
        let rest = message[start.upperBound...]
        let end = rest.firstIndex(of: "?") ?? rest.endIndex
        return rest[..<end].split(separator: ",").map { $0.trimmingCharacters(in: " '") }.filter { !$0.isEmpty }
    }
}

extension Problem {
    /// A 404 for an id that is not in the catalogue, with the nearest ids.
    static func unknownID(_ id: String, kind: String, among ids: [String]) -> Problem {
        let nearest = EditDistance.nearest(to: id, among: ids, limit: 3)
        return Problem(.notFound, kind: "unknown-\(kind)", title: "No such \(kind)",
                       detail: "unknown \(kind) '\(id)'"
                           + (nearest.isEmpty ? "" : "; did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?"),
                       suggestions: nearest)
    }

    /// A 406 naming what the resource offers.
    static func notAcceptable(_ offered: [String]) -> Problem {
        Problem(.notAcceptable, kind: "not-acceptable", title: "No acceptable representation",
                detail: "this resource is available as \(offered.joined(separator: ", "))")
    }
}
