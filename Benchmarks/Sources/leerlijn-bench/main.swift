import Foundation
import Leerlijn
import LeerlijnSynthetic

// leerlijn-bench [all|query|import|export|memory|planner|startup|scale] [--count N] [--queries N] [--profiles N] [--json] [--catalog DIR]
// Measures Leerlijn side by side with its peers on a deterministic synthetic catalogue and
// prints one table. Run it in release mode from the repository root:
// swift run -c release --package-path Benchmarks leerlijn-bench

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
let count = option("--count").flatMap(Int.init) ?? 100_000
let queries = option("--queries").flatMap(Int.init) ?? 300
let profiles = option("--profiles").flatMap(Int.init) ?? 50_000
let catalogPath = option("--catalog") ?? "Catalog"
let scaleDirectory = option("--scale-dir") ?? NSTemporaryDirectory() + "leerlijn-scale"
let runs = option("--runs").flatMap(Int.init) ?? 3
let json = arguments.contains("--json")
arguments.removeAll { $0 == "--json" }
let suites = Set(arguments.isEmpty || arguments.contains("all")
                 ? ["query", "import", "export", "memory", "planner", "startup", "scale"] : arguments)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("leerlijn-bench: \(message)\n".utf8))
    exit(1)
}

let bundled: Catalogue
do {
    bundled = try CatalogueLoader().load(directory: catalogPath)
} catch {
    fail("cannot load the bundled catalogue at \(catalogPath): \(error)")
}
var report = BenchmarkReport()
// First, while this process is small: a child's peak memory from wait4 can include the parent's
// when the child is spawned with a shared address space (posix_spawn's vfork) before exec.
if suites.contains("scale") {
    do {
        try ScaleBenchmark(count: count, catalogPath: catalogPath, runs: runs, workDirectory: scaleDirectory).run(into: &report)
    } catch {
        fail("\(error)")
    }
}
var synthetic: [Programme] = []
// The process-level suites need no synthetic model in this process.
let needsModel = !suites.isSubset(of: ["scale", "startup"])
let generation = Timing.measure {
    guard needsModel else { return }
    synthetic = SyntheticCatalogue(seed: 42, count: count, vocabulary: bundled.vocabulary).programmes()
}
var catalogue = Catalogue(programmes: [], requirements: [], vocabulary: bundled.vocabulary)
let indexing = Timing.measure {
    catalogue = Catalogue(programmes: synthetic, requirements: bundled.requirements, vocabulary: bundled.vocabulary)
}
if needsModel {
    report.notes.append(String(format: "synthetic catalogue: %d programmes (seed 42) generated in %.2f s, indexed in %.2f s",
                               count, generation, indexing))
    report.rows.append(BenchmarkRow(suite: "query", figure: "build indexes", leerlijn: indexing, peerName: "–", peer: nil,
                                    unit: "s", target: "–"))
}
do {
    if suites.contains("startup") {
        try StartupBenchmark(runs: 20, catalogPath: catalogPath).run(into: &report)
    }
    if suites.contains("import") {
        try ImportBenchmark(catalogue: catalogue, runs: 3).run(into: &report)
    }
    if suites.contains("memory") {
        try MemoryBenchmark(catalogue: catalogue, vocabularyPath: catalogPath + "/vocabulary.xml").run(into: &report)
    }
    if suites.contains("export") {
        try ExportBenchmark(catalogue: catalogue, runs: 3).run(into: &report)
    }
    if suites.contains("query") {
        try QueryBenchmark(catalogue: catalogue, queriesPerKind: queries, seed: 42).run(into: &report)
    }
} catch {
    fail("\(error)")
}
if suites.contains("planner") {
    // Against the bundled catalogue, as the issue asks: 50,000 synthetic profiles.
    let single = await PlannerBenchmark.run(profiles: profiles, catalogue: bundled, workers: 1)
    let parallel = await PlannerBenchmark.run(profiles: profiles, catalogue: bundled)
    report.rows.append(BenchmarkRow(suite: "planner", figure: "plan \(profiles) profiles, 1 core", leerlijn: single.seconds,
                                    peerName: "–", peer: nil, unit: "s", target: "–"))
    report.rows.append(BenchmarkRow(suite: "planner", figure: "plan \(profiles) profiles, all cores", leerlijn: parallel.seconds,
                                    peerName: "–", peer: nil, unit: "s", target: "≤ 2 s total"))
    report.notes.append(String(format: "planner: %.1f µs per profile on one core, %.1f µs with all cores; %d sessions placed",
                               single.microsecondsPerProfile, parallel.microsecondsPerProfile, parallel.sessions))
}
if json { report.printJSON() } else { report.printTable() }
