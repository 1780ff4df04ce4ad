import Foundation

/// Whole-process start-up: `leerlijn query --age 10` on the bundled catalogue against
/// `leerlijn --version`, both spawned afresh each run (the binary next to this one).
struct StartupBenchmark {
    let runs: Int
    let catalogPath: String

    func run(into report: inout BenchmarkReport) throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("leerlijn")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            report.notes.append("startup: skipped, no leerlijn binary at \(binary.path) (build it with the same -c)")
            return
        }
        func time(_ arguments: [String]) throws -> [Double] {
            var samples: [Double] = []
            for _ in 0..<runs {
                let process = Process()
                process.executableURL = binary
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                let start = Timing.now()
                try process.run()
                process.waitUntilExit()
                samples.append(Timing.now() - start)
                if process.terminationStatus != 0 { throw PeerError("leerlijn \(arguments) exited \(process.terminationStatus)") }
            }
            return samples
        }
        let version = try time(["--version"])
        let query = try time(["query", "--catalog", catalogPath, "--age", "10", "--output", "json"])
        let ratio = Timing.quantile(query, 0.5) / max(Timing.quantile(version, 0.5), 1e-9)
        report.rows.append(BenchmarkRow(suite: "startup", figure: "query --age 10 (whole process)",
                                        leerlijn: Timing.quantile(query, 0.5), peerName: "leerlijn --version",
                                        peer: Timing.quantile(version, 0.5), unit: "ms", target: "query ≤ 3× --version"))
        report.notes.append(String(format: "startup: query takes %.2f× the time of --version (median of %d runs each)",
                                   ratio, runs))
    }
}
