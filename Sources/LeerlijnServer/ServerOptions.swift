import Leerlijn

/// How `leerlijn-serve` runs: where it listens, what it serves, and its limits.
public struct ServerOptions: Sendable {
    /// The address to bind; loopback by default.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one.
    public var port = 8080
    /// The catalogue folder.
    public var catalog = "Catalog"
    /// The folder of organisation profiles served under `/plans`; `CATALOG/profiles` when nil.
    public var profiles: String?
    /// Days before a session that a plan calendar's reminder fires.
    public var reminderDays = PlanRenderer.defaultReminderDays
    /// How often the catalogue files are checked for changes, in seconds; 0 checks only on SIGHUP.
    public var reloadInterval: Double = 2
    /// Seconds a connection may stay idle (or half-open, or trickle a request) before it is closed.
    public var idleTimeout: Int64 = 30
    /// Connections served at once; more wait in the listen backlog.
    public var maxConnections = 1024
    /// The largest request body accepted (a profile), in bytes.
    public var maxBodyBytes = 1 << 20
    /// The largest request head (request line and headers), in bytes.
    public var maxHeaderBytes = 32 * 1024
    /// The largest catalogue file accepted, in bytes.
    public var maxFileBytes = 256 * 1024 * 1024
    /// Rendered responses kept per loaded catalogue.
    public var cacheEntries = 512
    /// Programmes per page when the client does not say.
    public var defaultPageSize = 100
    /// The largest page a client may ask for.
    public var maxPageSize = 1000

    /// Options with the defaults: 127.0.0.1:8080, `Catalog`, `Catalog/profiles`.
    public init() {}

    /// The profiles folder actually used.
    public var profilesFolder: String { profiles ?? catalog + "/profiles" }
}
