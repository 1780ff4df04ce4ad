import Foundation
import Leerlijn

/// Memory of a whole export: `leerlijn export` of the synthetic catalogue as a process, against
/// `leerlijn validate` of the same catalogue (which loads the model and nothing more). Peak
/// resident memory is each child's own `VmHWM`, which it reports on request.
struct MemoryBenchmark {
    let catalogue: Catalogue
    let vocabularyPath: String

    func run(into report: inout BenchmarkReport) throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("leerlijn").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            report.notes.append("memory: skipped, no leerlijn binary at \(binary)")
            return
        }
        let root = NSTemporaryDirectory() + "leerlijn-bench-memory-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Catalog/programmes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: vocabularyPath, toPath: root + "/Catalog/vocabulary.xml")
        try AtomicFileWriter.write(ProgrammeSourceWriter.document(catalogue.programmes), to: root + "/Catalog/programmes/feed.xml")
        // The child reports its own VmHWM (reset by exec); rusage seen by this process would
        // include this process's own size, since posix_spawn shares its memory until exec.
        func peak(_ arguments: [String]) throws -> (megabytes: Double, seconds: Double) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["LEERLIJN_REPORT_PEAK_MEMORY"] = "1"
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            let start = Timing.now()
            try process.run()
            let report = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let seconds = Timing.now() - start
            guard process.terminationStatus == 0 else { throw PeerError("leerlijn \(arguments) exited \(process.terminationStatus)") }
            let text = String(decoding: report, as: UTF8.self)
            guard let line = text.split(separator: "\n").first(where: { $0.contains("VmHWM:") }),
                  let kilobytes = line.split(separator: " ").compactMap({ Double($0) }).first else {
                throw PeerError("leerlijn did not report its peak memory")
            }
            return (kilobytes / 1024, seconds)
        }
        let validate = try peak(["validate", "--catalog", root + "/Catalog"])
        let export = try peak(["export", "--catalog", root + "/Catalog", "--output", root + "/out", "--no-plans"])
        report.rows.append(BenchmarkRow(suite: "memory", figure: "export all formats, peak RSS (MB)",
                                        leerlijn: export.megabytes, peerName: "validate (model only)",
                                        peer: validate.megabytes, unit: "MB", target: "≈ model (ratio near 1)"))
        report.notes.append(String(format: "memory: export peak %.1f MB in %.1f s, validate peak %.1f MB in %.1f s "
                                   + "(a peak equal to validate's means the export added nothing above loading)",
                                   export.megabytes, export.seconds, validate.megabytes, validate.seconds))
    }
}
