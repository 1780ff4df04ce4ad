import HTTPTypes
import Hummingbird

/// Turns what the router could not route into problems: a known path with another method is
/// 405 with `Allow`, anything else 404; a failure nobody expected is a 500 problem that says
/// nothing about the server's internals (the log has it).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The methods each route template allows (`*` matches one path segment).
    static let routes: [(template: [String], methods: [HTTPRequest.Method])] = [
        ([], [.get, .head]),
        (["programmes"], [.get, .head]),
        (["programmes", "*"], [.get, .head]),
        (["obligations"], [.get, .head]),
        (["plans"], [.get, .head, .post]),
        (["plans", "*"], [.get, .head]),
        (["openapi.json"], [.get, .head]),
        (["healthz"], [.get, .head]),
        (["filter.js"], [.get, .head]),
    ] + ProgrammeMediaType.allCases.map { (["programmes.\($0.rawValue)"], [.get, .head]) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            if let route = Self.routes.first(where: { Self.matches($0.template, segments) }) {
                var problem = Problem(.methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
                                      detail: "\(request.method.rawValue) is not allowed here; use "
                                          + route.methods.map(\.rawValue).joined(separator: ", "))
                problem.headers[.allow] = route.methods.map(\.rawValue).joined(separator: ", ")
                throw problem
            }
            throw Problem(.notFound, kind: "not-found", title: "Not found",
                          detail: "no resource at this path; see /openapi.json for the API")
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem(.contentTooLarge, kind: "body-too-large", title: "The request body is too large",
                          detail: "the request body is over the limit")
        } catch let problem as Problem {
            throw problem
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            context.logger.error("request failed", metadata: ["error": .string(String(describing: error))])
            throw Problem(.internalServerError, kind: "server-error", title: "The server could not answer",
                          detail: "an unexpected error occurred; it has been logged")
        }
    }

    static func matches(_ template: [String], _ segments: [String]) -> Bool {
        template.count == segments.count && zip(template, segments).allSatisfy { $0 == "*" || $0 == $1 }
    }
}
