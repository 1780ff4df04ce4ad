import Foundation
import Leerlijn

/// Memory of a whole export: `leerlijn export` of the synthetic catalogue as a process, against
/// `leerlijn validate` of the same catalogue (which loads the model and nothing more). Peak
/// resident memory comes from the kernel (`wait4` reports each child's own peak).
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
        // Spawned directly and reaped with wait4, which reports that one child's own peak.
        func peak(_ arguments: [String]) throws -> (megabytes: Double, seconds: Double) {
            let argv = ([binary] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var pid: pid_t = 0
            let start = Timing.now()
            guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { throw PeerError("cannot spawn \(binary)") }
            var status: Int32 = 0
            var usage = rusage()
            _ = wait4(pid, &status, 0, &usage)
            let seconds = Timing.now() - start
            guard status == 0 else { throw PeerError("leerlijn \(arguments) failed with status \(status)") }
            return (Double(usage.ru_maxrss) / 1024, seconds)
        }
        let validate = try peak(["validate", "--catalog", root + "/Catalog"])
        let export = try peak(["export", "--catalog", root + "/Catalog", "--output", root + "/out", "--no-plans"])
        report.rows.append(BenchmarkRow(suite: "memory", figure: "export all formats, peak RSS (MB)",
                                        leerlijn: export.megabytes, peerName: "validate (model only)",
                                        peer: validate.megabytes, unit: "MB", target: "≈ model (ratio near 1)"))
        report.notes.append(String(format: "memory: export %.0f MB in %.1f s, validate %.0f MB in %.1f s",
                                   export.megabytes, export.seconds, validate.megabytes, validate.seconds))
    }
}
