import Dispatch
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the catalogue when its files change (checked every `reloadInterval` seconds) or on
/// SIGHUP, one reload at a time, until the server shuts down.
public struct ReloadService: Service {
    let store: CatalogueStore
    let logger: Logger

    /// Creates the service.
    public init(store: CatalogueStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Loads on a thread of its own, so that requests keep the task pool while it parses.
    private func reloadOffThePool() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .utility).async {
                store.reload(logger: logger)
                continuation.resume()
            }
        }
    }

    public func run() async throws {
        let (requests, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
        let interval = store.options.reloadInterval
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in await UnixSignalsSequence(trapping: .sighup) { continuation.yield("SIGHUP") }
                }
                if interval > 0 {
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .milliseconds(Int64(interval * 1000)))
                            if store.filesChanged() { continuation.yield("file change") }
                        }
                    }
                }
                group.addTask {
                    for await reason in requests {
                        logger.info("reloading the catalogue", metadata: ["reason": .string(reason)])
                        await reloadOffThePool()
                    }
                }
                await group.next()
                continuation.finish()
                group.cancelAll()
            }
        }
    }
}
