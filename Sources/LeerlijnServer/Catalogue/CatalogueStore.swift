import Foundation
import Leerlijn
import Logging
import Synchronization

/// Holds the catalogue being served and swaps in a new one atomically.
///
/// Requests take ``current`` once and use that snapshot to the end. ``reload(logger:)`` loads
/// and validates in full before the swap; a catalogue that does not load leaves the old one
/// serving and is reported in `/healthz` and the log.
public final class CatalogueStore: Sendable {
    /// What the last reload attempt did.
    public struct Status: Sendable {
        /// When the last reload was attempted, seconds since the epoch.
        public var lastAttempt: Int64?
        /// The error of the last reload, nil when it succeeded (or none was tried).
        public var lastError: String?
        /// How many catalogues have been swapped in since start.
        public var reloads = 0
    }

    /// The options the store was made with.
    public let options: ServerOptions
    private let served: Mutex<ServedCatalogue>
    private let state = Mutex(Status())
    private let lastFingerprint: Mutex<[String]>

    /// Loads the catalogue for the first time.
    ///
    /// - Throws: ``LeerlijnError`` when the catalogue or a profile does not load.
    public init(options: ServerOptions) throws(LeerlijnError) {
        self.options = options
        let files = CatalogueFiles(options: options)
        self.lastFingerprint = Mutex(files.fingerprint())
        self.served = Mutex(try ServedCatalogue.load(options: options, now: Self.now()))
    }

    /// The catalogue to answer one request from.
    var current: ServedCatalogue { served.withLock { $0 } }

    /// The reload status.
    public var status: Status { state.withLock { $0 } }

    /// The content hash of the catalogue being served.
    public var contentHash: String { current.contentHash }

    /// Whether the files changed since the last load (or check).
    func filesChanged() -> Bool {
        let fingerprint = CatalogueFiles(options: options).fingerprint()
        return lastFingerprint.withLock { last in
            defer { last = fingerprint }
            return last != fingerprint
        }
    }

    /// Loads the catalogue again and swaps it in when it is valid and its content changed.
    ///
    /// - Returns: Whether a new catalogue is now served.
    @discardableResult
    public func reload(logger: Logger) -> Bool {
        let started = Self.now()
        _ = filesChanged()
        do {
            let next = try ServedCatalogue.load(options: options, now: started)
            state.withLock { $0.lastAttempt = started; $0.lastError = nil }
            let swapped = served.withLock { current -> Bool in
                guard current.contentHash != next.contentHash else { return false }
                current = next
                return true
            }
            if swapped {
                state.withLock { $0.reloads += 1 }
                logger.info("catalogue reloaded", metadata: [
                    "contentHash": .string(next.contentHash), "programmes": .stringConvertible(next.catalogue.programmes.count),
                ])
            }
            return swapped
        } catch {
            state.withLock { $0.lastAttempt = started; $0.lastError = error.description }
            logger.error("catalogue reload failed; the previous catalogue stays in service", metadata: [
                "error": .string(error.description), "contentHash": .string(contentHash),
            ])
            return false
        }
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
