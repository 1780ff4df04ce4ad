import Foundation
import Testing
@testable import Leerlijn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Real `leerlijn export` processes racing for one folder, a held folder, and a full disk.
@Suite("Export: one writer per folder, out of space", .serialized)
struct ExportConcurrencyTests {
    struct Outcome {
        var status: Int32?
        var stderr: String
    }

    /// Starts `leerlijn` with `arguments` (optionally under `prlimit`), without waiting.
    static func start(_ binary: String, _ arguments: [String], fileSizeLimit: Int? = nil) throws -> (Process, Pipe) {
        let process = Process()
        if let fileSizeLimit {
            // The limit applies to the child only; leerlijn ignores SIGXFSZ, so writes fail with EFBIG.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
            process.arguments = ["--fsize=\(fileSizeLimit):\(fileSizeLimit)", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    static func finish(_ started: (Process, Pipe)) -> Outcome {
        let data = started.1.fileHandleForReading.readDataToEndOfFile()
        started.0.waitUntilExit()
        return Outcome(status: started.0.terminationReason == .exit ? started.0.terminationStatus : nil,
                       stderr: String(decoding: data, as: UTF8.self))
    }

    static func export(_ binary: String, catalog: String, output: String, extra: [String] = [],
                       fileSizeLimit: Int? = nil) throws -> Outcome {
        finish(try start(binary, ["export", "--catalog", catalog, "--output", output] + extra, fileSizeLimit: fileSizeLimit))
    }

    @Test("Two exports of different catalogues started at once into one folder both succeed, one after the other: the folder equals one fresh export, never a mix")
    func simultaneousExports() throws {
        guard let binary = ExportDurabilityTests.binary else {
            Issue.record("no built leerlijn binary next to the test bundle")
            return
        }
        let catalogA = try ExportDurabilityTests.makeCatalog(count: 600, variant: "A")
        let catalogB = try ExportDurabilityTests.makeCatalog(count: 600, variant: "B")
        let work = try TestSupport.temporaryDirectory("export-race")
        defer { for path in [catalogA, catalogB, work] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try Self.export(binary, catalog: catalogA, output: work + "/fresh-a").status == 0)
        #expect(try Self.export(binary, catalog: catalogB, output: work + "/fresh-b").status == 0)
        let freshA = try ExportTestSupport.files(in: work + "/fresh-a")
        let freshB = try ExportTestSupport.files(in: work + "/fresh-b")
        #expect(freshA["catalogue.xml"] != nil && freshA[FolderLock.fileName] == nil)
        #expect(Set(freshA.keys) == Set(freshB.keys))
        #expect(freshA.keys.filter { freshA[$0] != freshB[$0] }.count > 1, "the two exports differ in several files")
        var endedA = 0, endedB = 0
        for round in 0..<8 {
            // Round 0 races to create the folder too; later rounds overwrite it.
            let output = work + "/shared"
            let first = try Self.start(binary, ["export", "--catalog", catalogA, "--output", output])
            let second = try Self.start(binary, ["export", "--catalog", catalogB, "--output", output])
            let outcomes = [Self.finish(first), Self.finish(second)]
            for outcome in outcomes {
                #expect(outcome.status == 0, "round \(round): \(outcome.stderr)")
            }
            // files(in:) lists hidden files too: no lock file, no temporary file is left, and
            // the folder is one whole export (whichever ran last), never files of both.
            let final = try ExportTestSupport.files(in: output)
            let odd = final.keys.filter { final[$0] != freshA[$0] && final[$0] != freshB[$0] }.sorted()
            #expect(final == freshA || final == freshB, "round \(round): a mix of two exports, or leftovers: \(odd)")
            if final == freshA { endedA += 1 } else if final == freshB { endedB += 1 }
        }
        print("export race: 8 rounds, the folder ended as export A \(endedA) times, as export B \(endedB) times")
    }

    @Test("A folder held by another process: exit 75 naming that process after --lock-timeout; nothing written")
    func heldFolder() throws {
        try Self.withHeldFolder(count: 20, variant: "H") { binary, catalog, output, lock in
            let busy = try Self.export(binary, catalog: catalog, output: output, extra: ["--lock-timeout", "0.2"])
            #expect(busy.status == 75, "\(busy.stderr)")
            #expect(busy.stderr.contains("process \(getpid())") && busy.stderr.contains(output), "\(busy.stderr)")
            #expect(busy.stderr.split(separator: "\n").count == 1, "\(busy.stderr)")
            let plan = Self.finish(try Self.start(binary, ["plan", "--catalog", catalog, "--sector", "sport",
                                                           "--output", output + "/plan.txt", "--lock-timeout", "0"]))
            #expect(plan.status == 75, "\(plan.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: output) == [FolderLock.fileName])
            lock.release()
            #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
            #expect(try Self.export(binary, catalog: catalog, output: output).status == 0)
            #expect(try Self.export(binary, catalog: catalog, output: output, extra: ["--lock-timeout", "-1"]).status == 64)
        }
    }

    /// The built `leerlijn`, a catalogue of `count` programmes and an empty output folder locked
    /// by this process, for `body`; the lock is released (if `body` has not) and both folders
    /// removed afterwards. Without a built binary, records an issue and skips `body`.
    static func withHeldFolder(count: Int, variant: String,
                               _ body: (_ binary: String, _ catalog: String, _ output: String, _ lock: FolderLock) throws -> Void) throws {
        guard let binary = ExportDurabilityTests.binary else {
            Issue.record("no built leerlijn binary next to the test bundle")
            return
        }
        let catalog = try ExportDurabilityTests.makeCatalog(count: count, variant: variant)
        let output = try TestSupport.temporaryDirectory("export-held-" + variant)
        defer { for path in [catalog, output] { try? FileManager.default.removeItem(atPath: path) } }
        let lock = try FolderLock.acquire(output, timeout: 0)
        defer { lock.release() }
        try body(binary, catalog, output, lock)
    }

    @Test("A bus error (a mapped snapshot truncated by another program) ends the command with exit 74 and a message, not a signal")
    func busError() throws {
        // A command kept waiting for a held folder stands in for one reading a snapshot: the
        // signal is the same whatever raised it.
        try Self.withHeldFolder(count: 5, variant: "B") { binary, catalog, output, _ in
            let started = try Self.start(binary, ["export", "--catalog", catalog, "--output", output, "--lock-timeout", "30"])
            // The handler is installed first thing in `runMain`; the command's main thread
            // first sleeps (state S) after that — loading, or waiting for the folder — never
            // while the dynamic linker is still starting it.
            let pid = started.0.processIdentifier
            func sleeping() -> Bool {
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { return false }
                return stat[stat.index(after: close)...].split(separator: " ").first == "S"
            }
            var polls = 0
            while !sleeping(), polls < 3000 {
                usleep(10_000)
                polls += 1
            }
            #expect(sleeping(), "the command never waited")
            kill(pid, SIGBUS)
            let outcome = Self.finish(started)
            #expect(outcome.status == 74, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("snapshot file in the cache shrank while in use"), "\(outcome.stderr)")
        }
    }

    @Test("Stale temporary files of dead runs are removed; those of a live process are left alone")
    func liveTemporaryFilesSurvive() throws {
        guard let binary = ExportDurabilityTests.binary else {
            Issue.record("no built leerlijn binary next to the test bundle")
            return
        }
        let catalog = try ExportDurabilityTests.makeCatalog(count: 20, variant: "T")
        let output = try TestSupport.temporaryDirectory("export-temps")
        defer { for path in [catalog, output] { try? FileManager.default.removeItem(atPath: path) } }
        let live = output + "/.catalogue.csv\(AtomicFileWriter.temporaryMarker)\(getpid())-7"
        let dead = output + "/.catalogue.csv\(AtomicFileWriter.temporaryMarker)999999999-7"
        let unnamed = output + "/.catalogue.csv\(AtomicFileWriter.temporaryMarker)x"
        for path in [live, dead, unnamed] { #expect(FileManager.default.createFile(atPath: path, contents: Data("partial".utf8))) }
        #expect(AtomicFileWriter.writerProcess(ofTemporaryFile: (live as NSString).lastPathComponent) == getpid())
        #expect(try Self.export(binary, catalog: catalog, output: output).status == 0)
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(!FileManager.default.fileExists(atPath: dead) && !FileManager.default.fileExists(atPath: unnamed))
    }

    @Test("A file-size limit mid-export: exit 74 naming the file; earlier files intact, no temporary file left",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit")))
    func fileSizeLimit() throws {
        guard let binary = ExportDurabilityTests.binary else {
            Issue.record("no built leerlijn binary next to the test bundle")
            return
        }
        let oldCatalog = try ExportDurabilityTests.makeCatalog(count: 400, variant: "O")
        let newCatalog = try ExportDurabilityTests.makeCatalog(count: 400, variant: "N")
        let work = try TestSupport.temporaryDirectory("export-fsize")
        defer { for path in [oldCatalog, newCatalog, work] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try Self.export(binary, catalog: newCatalog, output: work + "/new").status == 0)
        let new = try ExportTestSupport.files(in: work + "/new")
        let output = work + "/out"
        #expect(try Self.export(binary, catalog: oldCatalog, output: output).status == 0)
        let old = try ExportTestSupport.files(in: output)
        // catalogue.xsd (written first) fits under the limit, catalogue.xml (written second) does not.
        let limit = 64 * 1024
        let schema = try #require(new["catalogue.xsd"]), document = try #require(new["catalogue.xml"])
        #expect(schema.count < limit && document.count > limit)
        #expect(old["catalogue.xml"] != document)

        let failed = try Self.export(binary, catalog: newCatalog, output: output, extra: ["--formats", "xml,json"],
                                     fileSizeLimit: limit)
        #expect(failed.status == 74, "\(failed.stderr)")
        #expect(failed.stderr.contains(output + "/catalogue.xml") && failed.stderr.contains("file-size limit"), "\(failed.stderr)")
        #expect(!failed.stderr.contains("Fatal error"))
        let after = try ExportTestSupport.files(in: output)
        #expect(after == old, "every file stays as it was (catalogue.xsd is the same in both)")
        #expect(after.keys.allSatisfy { !$0.contains(AtomicFileWriter.temporaryMarker) && $0 != FolderLock.fileName })
    }
}
