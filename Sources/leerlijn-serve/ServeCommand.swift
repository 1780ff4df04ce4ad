import ArgumentParser
import Foundation
import Leerlijn
import LeerlijnServer
import Logging

/// `leerlijn-serve`: serves the catalogue, partner feeds, plans and calendars over HTTP.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leerlijn-serve",
        abstract: "Serve the Leerlijn catalogue, partner feeds, plans and calendar subscriptions over HTTP.",
        discussion: """
            Loads and validates the catalogue (as `leerlijn validate`), plans every profile in --profiles, and serves them on 127.0.0.1:8080 by default. Catalogue changes are picked up within --reload-interval seconds, or at once on SIGHUP; an invalid catalogue keeps the previous one serving (see /healthz).

            Examples:
              leerlijn-serve
              leerlijn-serve --host 0.0.0.0 --port 9000 --catalog /srv/leerlijn/Catalog
              curl 'http://127.0.0.1:8080/programmes?age=10&topic=online-safety'

            Exit codes: 0 ok, 64 usage, 65 invalid catalogue or profile, 66 missing catalogue.
            """,
        version: LeerlijnVersion.string
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(help: "The catalogue folder.") var catalog = "Catalog"
    @Option(help: "Folder of organisation profiles served under /plans (default: CATALOG/profiles).") var profiles: String?
    @Option(help: "Days before a session that a plan calendar's reminder fires (0: none).") var reminderDays = PlanRenderer.defaultReminderDays
    @Option(help: "Seconds between checks for changed catalogue files (0: only on SIGHUP).") var reloadInterval: Double = 2
    @Option(help: "Seconds an idle or trickling connection is kept.") var idleTimeout: Int64 = 30
    @Option(help: "Connections served at once.") var maxConnections = 1024
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func run() async throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.catalog = catalog
        options.profiles = profiles
        options.reminderDays = reminderDays
        options.reloadInterval = reloadInterval
        options.idleTimeout = idleTimeout
        options.maxConnections = maxConnections
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level: '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port number") }
        guard (0...365).contains(reminderDays) else { throw ValidationError("--reminder-days: give 0 to 365") }
        guard idleTimeout > 0, maxConnections > 0, reloadInterval >= 0 else {
            throw ValidationError("--idle-timeout and --max-connections must be positive, --reload-interval not negative")
        }
        var logger = Logger(label: "leerlijn-serve")
        logger.logLevel = level
        let store: CatalogueStore
        do {
            store = try CatalogueStore(options: options)
        } catch {
            // A failed write to standard error (a full disk, a closed pipe) must not trap:
            // the load error's own exit code stands, or 74 when even the message is lost.
            do {
                try FileHandle.standardError.write(contentsOf: Data((error.description + "\n").utf8))
            } catch {
                throw ExitCode(74)
            }
            throw ExitCode(error.exitCode)
        }
        logger.info("catalogue loaded", metadata: ["contentHash": .string(store.contentHash), "catalog": .string(catalog)])
        let app = LeerlijnServer.application(store: store, logger: logger)
        try await app.runService()
    }
}
