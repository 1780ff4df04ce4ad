import Foundation
import Testing
@testable import Leerlijn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Kills a real `leerlijn export` at random points and checks that no file is ever torn.
@Suite("Export: durability under SIGKILL", .serialized)
struct ExportDurabilityTests {
    /// The built `leerlijn` binary next to the test bundle, if present.
    static var binary: String? {
        var candidates: [String] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent().path) }
        candidates.append(Bundle.main.bundleURL.path)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().path)
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path)
        return candidates.map { $0 + "/leerlijn" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A catalogue of `count` programmes; `variant` changes every title so the outputs differ.
    static func makeCatalog(count: Int, variant: String) throws -> String {
        var records: [String] = []
        for index in 0..<count {
            records.append(TestSupport.programme(id: "p\(index)").replacingOccurrences(
                of: "<title lang=\"nl\" basis=\"stated\">Titel p\(index)</title>",
                with: "<title lang=\"nl\" basis=\"stated\">Titel p\(index) \(variant) \(String(repeating: variant, count: 40))</title>"))
        }
        return try TestSupport.makeCatalog(["programmes/p.xml": TestSupport.programmesFile(records.joined(separator: "\n"))])
    }

    static func run(_ binary: String, catalog: String, output: String, killAfter delay: Double?,
                    command: String = "export") throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = command == "export" ? ["export", "--catalog", catalog, "--output", output]
            : [command, "--catalog", catalog]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    @Test("Every file is old or new after SIGKILL at random points; no temp files after a full run")
    func killedExportsNeverTear() throws {
        guard let binary = Self.binary else {
            Issue.record("no built leerlijn binary next to the test bundle; the test target depends on it, so it should be there")
            return
        }
        let catalogA = try Self.makeCatalog(count: 3000, variant: "A")
        let catalogB = try Self.makeCatalog(count: 3000, variant: "B")
        let output = try TestSupport.temporaryDirectory("export-kill")
        let reference = try TestSupport.temporaryDirectory("export-kill-ref")
        defer {
            for path in [catalogA, catalogB, output, reference] { try? FileManager.default.removeItem(atPath: path) }
        }
        #expect(try Self.run(binary, catalog: catalogA, output: reference + "/a", killAfter: nil) == 0)
        let start = Date()
        #expect(try Self.run(binary, catalog: catalogB, output: reference + "/b", killAfter: nil) == 0)
        let fullRun = max(0.05, Date().timeIntervalSince(start))
        // Loading takes most of a run; aim the kills at the writing phase, with some margin.
        let loadStart = Date()
        #expect(try Self.run(binary, catalog: catalogB, output: "", killAfter: nil, command: "validate") == 0)
        let loading = min(fullRun * 0.9, Date().timeIntervalSince(loadStart))
        let old = try ExportTestSupport.files(in: reference + "/a")
        let new = try ExportTestSupport.files(in: reference + "/b")
        #expect(Set(old.keys) == Set(new.keys))
        #expect(old["catalogue.xml"] != new["catalogue.xml"] && old["index.html"] != new["index.html"])

        #expect(try Self.run(binary, catalog: catalogA, output: output, killAfter: nil) == 0)
        var generator = TestRandom(seed: 20_261_129)
        var killedMidway = 0, mixedRounds = 0, leftTemporaryFiles = 0
        for round in 0..<30 {
            let catalog = round.isMultiple(of: 2) ? catalogB : catalogA
            let delay = Double.random(in: (loading * 0.8)...(fullRun * 1.05), using: &generator)
            let status = try Self.run(binary, catalog: catalog, output: output, killAfter: delay)
            if status == nil { killedMidway += 1 }
            var sawOld = false, sawNew = false
            for (name, bytes) in try ExportTestSupport.files(in: output) {
                let fileName = (name as NSString).lastPathComponent
                if fileName.hasPrefix(".") && fileName.contains(AtomicFileWriter.temporaryMarker) {
                    leftTemporaryFiles += 1
                    continue
                }
                // A killed run leaves its (empty or pid-only) lock file; the next run removes it.
                if name == FolderLock.fileName { continue }
                let isOld = bytes == old[name], isNew = bytes == new[name]
                #expect(isOld || isNew, "round \(round): \(name) is torn or unknown")
                if isOld && !isNew { sawOld = true }
                if isNew && !isOld { sawNew = true }
            }
            if sawOld && sawNew { mixedRounds += 1 }
        }
        print("durability: \(killedMidway) of 30 runs killed before finishing, \(mixedRounds) left a mix of old "
              + "and new files, \(leftTemporaryFiles) temporary files seen (load \(loading) s, full run \(fullRun) s)")
        #expect(try Self.run(binary, catalog: catalogB, output: output, killAfter: nil) == 0)
        let final = try ExportTestSupport.files(in: output)
        #expect(final.keys.allSatisfy { !$0.contains(AtomicFileWriter.temporaryMarker) && $0 != FolderLock.fileName })
        #expect(final == new)
    }
}
