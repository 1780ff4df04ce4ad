import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The HTTP server of Leerlijn: live partner feeds, calendar subscriptions and plans.
///
/// Route handlers are as thin as the command-line commands: request → the filter input the
/// CLI parses → query or plan → the exporters' renderers → bytes, whose SHA-256 is the ETag.
public enum LeerlijnServer {
    /// The router with every endpoint and the middleware (request log, problems, CORS).
    ///
    /// - Parameter store: The catalogue to serve.
    /// - Returns: A router for an ``Hummingbird/Application`` or an in-process test.
    public static func router(store: CatalogueStore) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self, options: [.autoGenerateHeadEndpoints])
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: CORSMiddleware(
            allowOrigin: .all,
            allowHeaders: [.accept, .contentType, .ifNoneMatch, .ifModifiedSince],
            allowMethods: [.get, .head],
            exposedHeaders: ["ETag", "Link", "Last-Modified", "X-Total-Count", "Content-Encoding"],
            maxAge: .seconds(3600)))
        CataloguePage(store: store).add(to: router)
        ProgrammeRoutes(store: store).add(to: router)
        PlanRoutes(store: store).add(to: router)
        ServiceRoutes(store: store).add(to: router)
        return router
    }

    /// The application: the router on HTTP/1.1 with the options' limits, and live reload.
    ///
    /// - Parameters:
    ///   - store: The catalogue to serve.
    ///   - logger: The structured log.
    ///   - onServerRunning: Called with the bound channel (for the port actually chosen).
    /// - Returns: An application to run with `runService()`.
    public static func application(store: CatalogueStore, logger: Logger,
                                   onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let options = store.options
        let channel = HTTP1Channel.Configuration(
            idleTimeout: .seconds(options.idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: options.maxHeaderBytes,
                                            maxHeaderListSize: options.maxHeaderBytes, maxHeaderFieldCount: 100))
        return Application(
            router: router(store: store),
            server: .http1(configuration: channel),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "leerlijn-serve",
                availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections, logger: logger)),
            services: [ReloadService(store: store, logger: logger)],
            onServerRunning: onServerRunning,
            logger: logger)
    }
}
