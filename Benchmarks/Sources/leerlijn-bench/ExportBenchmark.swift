import Foundation
import Leerlijn
import LeerlijnXML

/// Export speed at scale: Leerlijn's XML export against libxml2's `xmlTextWriter` driven by
/// the very same calls, Leerlijn's JSON export against Foundation's `JSONEncoder` encoding a
/// Codable mirror of the same document (built before timing starts), and the whole pipeline.
struct ExportBenchmark {
    let catalogue: Catalogue
    let runs: Int

    func run(into report: inout BenchmarkReport) throws {
        let programmes = catalogue.programmes
        var ours: [Double] = [], theirs: [Double] = []
        var size = 0
        for _ in 0..<runs {
            ours.append(Timing.measure { size = CatalogueXMLExporter().render(programmes, catalogue: catalogue).count })
            theirs.append(Timing.measure {
                guard var peer = LibXMLTextWriter() else { return }
                _ = CatalogueXMLExporter().render(programmes, catalogue: catalogue, using: &peer)
            })
        }
        report.rows.append(BenchmarkRow(suite: "export", figure: "catalogue.xml (\(size / 1_000_000) MB)",
                                        leerlijn: Timing.quantile(ours, 0.5), peerName: "libxml2 xmlTextWriter",
                                        peer: Timing.quantile(theirs, 0.5), unit: "s", target: "≤ ½ xmlTextWriter (≥ 2×)"))
        let mirror = CodableCatalogue(programmes, vocabulary: catalogue.vocabulary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        ours = []; theirs = []
        for _ in 0..<runs {
            ours.append(Timing.measure { size = CatalogueJSONExporter().render(programmes, catalogue: catalogue).count })
            theirs.append(try Timing.measure { _ = try encoder.encode(mirror) })
        }
        report.rows.append(BenchmarkRow(suite: "export", figure: "catalogue.json (\(size / 1_000_000) MB)",
                                        leerlijn: Timing.quantile(ours, 0.5), peerName: "Foundation JSONEncoder",
                                        peer: Timing.quantile(theirs, 0.5), unit: "s", target: "≥ 5× JSONEncoder"))
        let folder = NSTemporaryDirectory() + "leerlijn-bench-export-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var written = 0
        let pipeline = try Timing.measure {
            written = try ExportPipeline(formats: ExportFormat.allCases, extraOutputs: [])
                .run(programmes, catalogue: catalogue, to: folder) { _ in }.totalBytes
        }
        report.rows.append(BenchmarkRow(suite: "export", figure: "all formats, atomic + fsync (\(written / 1_000_000) MB)",
                                        leerlijn: pipeline, peerName: "–", peer: nil, unit: "s", target: "–"))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        report.notes.append(String(format: "export: peak resident memory of the benchmark process so far %.0f MB",
                                   Double(usage.ru_maxrss) / 1024))
    }
}
