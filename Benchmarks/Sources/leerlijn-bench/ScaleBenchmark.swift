import Foundation

/// The `scale` suite: a 100,000-programme catalogue in Leerlijn's own input format (one
/// `programmes/` file, the bundled entries cloned with new ids), and the real `leerlijn` binary
/// run as whole processes, each figure paired in the same run with libxml2's own streaming
/// validator on the same bytes (`xmllint --noout --stream --schema catalogue.xsd FILE`).
struct ScaleBenchmark {
    let count: Int
    let catalogPath: String
    let runs: Int
    /// Where the generated catalogue goes (outside the repository; it is about 145 MB).
    let workDirectory: String

    func run(into report: inout BenchmarkReport) throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("leerlijn").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            report.notes.append("scale: skipped, no leerlijn binary at \(binary) (build it with the same -c)")
            return
        }
        guard let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            report.notes.append("scale: skipped, xmllint not found (apt-get install libxml2-utils)")
            return
        }
        let generated = try ScaleCatalogue(count: count, source: catalogPath).write(to: workDirectory)
        let schema = catalogPath + "/schema/catalogue.xsd"
        let peerArguments = ["--noout", "--stream", "--schema", schema, generated.programmesFile]
        let fileMB = Double(generated.byteCount) / 1e6
        report.notes.append(String(format: "scale: %d programmes cloned from %d bundled entries, one %.0f MB programmes/ file at %@",
                                   count, generated.templateCount, fileMB, generated.programmesFile))

        /// Runs Leerlijn and the peer alternately, `runs` times each; medians of time and peak memory.
        func paired(_ ours: [String], _ peer: [String]?) throws -> (ChildProcess.Outcome, ChildProcess.Outcome?) {
            var mine: [ChildProcess.Outcome] = [], theirs: [ChildProcess.Outcome] = []
            for _ in 0..<runs {
                let outcome = try ChildProcess.run(binary, ours)
                guard outcome.status == 0 else { throw PeerError("leerlijn \(ours.joined(separator: " ")) exited \(outcome.status)") }
                mine.append(outcome)
                if let peer {
                    let other = try ChildProcess.run(xmllint, peer)
                    guard other.status == 0 else { throw PeerError("xmllint \(peer.joined(separator: " ")) exited \(other.status)") }
                    theirs.append(other)
                }
            }
            func median(_ outcomes: [ChildProcess.Outcome]) -> ChildProcess.Outcome {
                ChildProcess.Outcome(seconds: Timing.quantile(outcomes.map(\.seconds), 0.5),
                                     peakBytes: Timing.quantile(outcomes.map(\.peakBytes), 0.5), status: 0)
            }
            return (median(mine), theirs.isEmpty ? nil : median(theirs))
        }

        let catalog = ["--catalog", generated.catalogDirectory]
        let cacheAware = generated.supportsCache(binary: binary)
        let (validate, lint) = try paired(["validate"] + catalog, peerArguments)
        let (cold, lintAgain) = try paired(["query"] + catalog + ["--age", "10", "--topic", "online-safety", "--output", "json"]
                                         + (cacheAware ? ["--no-cache"] : []), peerArguments)
        let (version, _) = try paired(["--version"], nil)
        let peer = "xmllint --stream --schema"
        report.rows.append(BenchmarkRow(suite: "scale", figure: "validate \(count) programmes (whole process)",
                                        leerlijn: validate.seconds, peerName: peer, peer: lint?.seconds, unit: "s",
                                        target: "≤ 1.5× xmllint (≥ 0.67)"))
        report.rows.append(BenchmarkRow(suite: "scale", figure: "query age+topic, cold (whole process)",
                                        leerlijn: cold.seconds, peerName: peer, peer: lintAgain?.seconds, unit: "s",
                                        target: "≤ 1.5× xmllint (≥ 0.67)"))
        report.rows.append(BenchmarkRow(suite: "scale", figure: "validate peak RSS (MB)", leerlijn: validate.peakBytes / 1e6,
                                        peerName: "xmllint peak RSS", peer: (lint?.peakBytes).map { $0 / 1e6 }, unit: "MB",
                                        target: String(format: "≤ 2× file (%.0f MB)", 2 * fileMB)))
        report.rows.append(BenchmarkRow(suite: "scale", figure: "query cold peak RSS (MB)", leerlijn: cold.peakBytes / 1e6,
                                        peerName: "xmllint peak RSS", peer: (lintAgain?.peakBytes).map { $0 / 1e6 }, unit: "MB",
                                        target: "–"))
        if cacheAware {
            // Warm: one run fills the snapshot cache (in a folder of the run's own), then the
            // timed runs read it. Plans at this scale: the same profile cold and warm.
            let cacheFolder = workDirectory + "/snapshot-cache"
            try? FileManager.default.removeItem(atPath: cacheFolder)
            let cache = ["--cache-dir", cacheFolder]
            let warmArguments = ["query"] + catalog + ["--age", "10", "--topic", "online-safety", "--output", "json"] + cache
            _ = try ChildProcess.run(binary, warmArguments)
            let (warm, _) = try paired(warmArguments, nil)
            report.rows.append(BenchmarkRow(suite: "scale", figure: "query age+topic, warm (whole process)",
                                            leerlijn: warm.seconds, peerName: "leerlijn --version", peer: version.seconds,
                                            unit: "ms", target: "query ≤ 3× --version (≥ 0.33)"))
            let profile = catalogPath + "/profiles/primary-school.xml"
            let planArguments = ["plan"] + catalog + ["--profile", profile, "--output-format", "json"]
            let (planCold, _) = try paired(planArguments + ["--no-cache"], nil)
            _ = try ChildProcess.run(binary, planArguments + cache)
            let (planWarm, _) = try paired(planArguments + cache, nil)
            report.rows.append(BenchmarkRow(suite: "scale", figure: "plan primary school, cold (whole process)",
                                            leerlijn: planCold.seconds, peerName: "–", peer: nil, unit: "s", target: "–"))
            report.rows.append(BenchmarkRow(suite: "scale", figure: "plan primary school, warm (whole process)",
                                            leerlijn: planWarm.seconds, peerName: "leerlijn --version", peer: version.seconds,
                                            unit: "ms", target: "plan ≤ 3× --version (≥ 0.33)"))
            report.notes.append(String(format: "scale: warm query %.1f× --version, warm plan %.1f× --version",
                                       warm.seconds / max(version.seconds, 1e-9), planWarm.seconds / max(version.seconds, 1e-9)))
        } else {
            report.rows.append(BenchmarkRow(suite: "scale", figure: "leerlijn --version (whole process)",
                                            leerlijn: version.seconds, peerName: "–", peer: nil, unit: "ms", target: "–"))
            report.notes.append("scale: no warm figure, this leerlijn has no snapshot cache (--no-cache unknown)")
        }
        report.notes.append(String(format: "scale: validate %.2f× xmllint, cold query %.2f× xmllint (time over xmllint's); "
                                   + "validate peak %.2f× the file size; --version %.1f ms; median of %d runs each",
                                   validate.seconds / max(lint?.seconds ?? 1, 1e-9), cold.seconds / max(lintAgain?.seconds ?? 1, 1e-9),
                                   validate.peakBytes / Double(generated.byteCount), version.seconds * 1000, runs))
    }
}
