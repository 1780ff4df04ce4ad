import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// One structured log record per request: method, path, status, bytes, duration, request id.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status, bytes: response.body.contentLength, since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context, status: error.status, bytes: nil, since: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: HTTPResponse.Status, bytes: Int?, since start: ContinuousClock.Instant) {
        let level: Logger.Level = status.code >= 500 ? .error : .info
        guard context.logger.logLevel <= level else { return }
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        context.logger.log(level: level, "request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "query": .string(request.uri.query ?? ""),
            "status": .stringConvertible(status.code),
            "bytes": .string(bytes.map(String.init) ?? "-"),
            "durationMicros": .stringConvertible(micros),
        ])
    }
}
