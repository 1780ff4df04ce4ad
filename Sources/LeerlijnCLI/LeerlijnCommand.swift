import ArgumentParser
import Foundation
import Leerlijn

/// The `leerlijn` command: argument parsing and output only; the work is in the library.
public struct LeerlijnCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "leerlijn",
        abstract: "Manage awareness curricula and professional training on child sexual abuse prevention (NL).",
        discussion: """
            Examples:
              leerlijn validate
              leerlijn query --age 10 --topic online-safety
              leerlijn query --obligations --sector sport --role coach
              leerlijn plan --profile Catalog/profiles/primary-school.xml
              leerlijn export

            Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 73 cannot create output, 74 I/O.
            """,
        version: LeerlijnVersion.string,
        subcommands: [ValidateCommand.self, QueryCommand.self, PlanCommand.self, ExportCommand.self]
    )

    public init() {}

    /// Runs the command line and exits with a sysexits code.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        StandardStreams.ignoreBrokenPipeSignal()
        ProcessLifetime.keepUntilExit()
        var outcome = execute(arguments ?? Array(CommandLine.arguments.dropFirst()))
        if let message = outcome.message, !message.isEmpty {
            if outcome.code == 0 {
                do {
                    try StandardStreams.out(line: message)
                } catch is OutputClosed {
                    outcome.code = OutputClosed.exitCode
                } catch {
                    StandardStreams.err("\(error)\n")
                    outcome.code = 74
                }
            } else {
                StandardStreams.err(message + "\n")
            }
        }
        // For the benchmark: this process's own peak resident memory (VmHWM is reset by exec,
        // unlike the rusage a parent sees, which can include its own size).
        if ProcessInfo.processInfo.environment["LEERLIJN_REPORT_PEAK_MEMORY"] != nil,
           let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
            StandardStreams.err("leerlijn: \(line)\n")
        }
        Foundation.exit(outcome.code)
    }

    /// Runs one command line without exiting: returns the exit code and the text to print
    /// (an error, or help and version output). Used by `runMain` and the tests.
    public static func execute(_ arguments: [String]) -> (code: Int32, message: String?) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return (0, nil)
        } catch let error as LeerlijnError {
            return (error.exitCode, error.description)
        } catch is OutputClosed {
            return (OutputClosed.exitCode, nil)
        } catch {
            return (exitCode(for: error).rawValue, fullMessage(for: error))
        }
    }
}

/// Options shared by every command that reads the catalogue.
public struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: "The catalogue folder.")
    public var catalog: String = "Catalog"

    @Option(name: .long, help: "Largest XML file accepted, in bytes.")
    public var maxFileBytes: Int = 256 * 1024 * 1024

    public init() {}

    /// Loads and validates the catalogue.
    public func load() throws(LeerlijnError) -> Catalogue {
        guard maxFileBytes > 0 else { throw .usage("--max-file-bytes must be positive, got \(maxFileBytes)") }
        return ProcessLifetime.keep(try CatalogueLoader(maxFileBytes: maxFileBytes).load(directory: catalog))
    }
}

/// The snapshot cache options of `query` and `plan`.
public struct SnapshotOptions: ParsableArguments {
    @Flag(name: .long, help: "Read and validate the catalogue's XML even when a current snapshot exists, and write none.")
    public var noCache = false

    @Option(name: .long, help: ArgumentHelp("Folder for catalogue snapshots (default: $LEERLIJN_CACHE_DIR, else $XDG_CACHE_HOME/leerlijn, else ~/.cache/leerlijn).",
                                            valueName: "folder"))
    public var cacheDir: String?

    public init() {}

    /// The cache these options describe for `catalogue`.
    public func cache(for catalogue: CatalogueOptions) throws(LeerlijnError) -> CatalogueSnapshotCache {
        guard catalogue.maxFileBytes > 0 else { throw .usage("--max-file-bytes must be positive, got \(catalogue.maxFileBytes)") }
        if let cacheDir, cacheDir.isEmpty { throw .usage("--cache-dir: empty path") }
        return CatalogueSnapshotCache(folder: noCache ? nil : cacheDir ?? CatalogueSnapshotCache.defaultFolder(),
                                      maxFileBytes: catalogue.maxFileBytes)
    }

    /// Loads the catalogue through the cache and runs `compute` on it, starting again from the
    /// XML if a snapshot record turned out damaged on the way (nothing from a damaged snapshot
    /// is shown); then `emit`s the result, and writes a new snapshot if the XML was read.
    /// Notes go to standard error.
    public func run<T: Sendable>(_ catalogue: CatalogueOptions, compute: (Catalogue) throws -> T, emit: (T) throws -> Void) throws {
        let cache = try cache(for: catalogue)
        var loaded = try cache.load(directory: catalogue.catalog)
        _ = ProcessLifetime.keep(loaded.catalogue)
        var result = try compute(loaded.catalogue)
        if let damage = loaded.catalogue.snapshotDamage {
            loaded = try cache.reload(directory: catalogue.catalog, damage: damage)
            _ = ProcessLifetime.keep(loaded.catalogue)
            result = try compute(loaded.catalogue)
        }
        for note in loaded.notes { StandardStreams.err("leerlijn: note: \(note)\n") }
        try emit(result)
        ProcessLifetime.keep(result: result)
        if let note = cache.store(loaded) { StandardStreams.err("leerlijn: note: \(note)\n") }
    }
}

/// Options of commands that write into a folder another run may be writing too.
public struct LockOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("How long to wait for another run writing the same folder, in seconds; then exit 75.",
                                            valueName: "seconds"))
    public var lockTimeout: Double = FolderLock.defaultTimeout

    public init() {}

    /// The checked timeout.
    public func timeout() throws(LeerlijnError) -> Double {
        guard lockTimeout.isFinite, lockTimeout >= 0, lockTimeout <= 86_400 else {
            throw .usage("--lock-timeout must be 0–86400 seconds, got \(lockTimeout)")
        }
        return lockTimeout
    }
}
