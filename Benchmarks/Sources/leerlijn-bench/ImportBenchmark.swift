import Foundation
import Leerlijn
import LeerlijnXML

#if canImport(Glibc)
import Glibc
#endif

/// Import and source-format writing at scale: the synthetic catalogue as one feed file.
struct ImportBenchmark {
    let catalogue: Catalogue
    let runs: Int

    func run(into report: inout BenchmarkReport) throws {
        let programmes = catalogue.programmes
        // Writing the feed: Leerlijn's byte writer against libxml2's xmlTextWriter, same calls.
        var ours: [Double] = [], theirs: [Double] = []
        var bytes: [UInt8] = []
        for _ in 0..<runs {
            ours.append(Timing.measure { bytes = ProgrammeSourceWriter.document(programmes) })
            theirs.append(Timing.measure {
                guard var peer = LibXMLTextWriter() else { return }
                _ = ProgrammeSourceWriter.document(programmes, using: &peer)
            })
        }
        report.rows.append(BenchmarkRow(suite: "import", figure: "write feed XML (\(bytes.count / 1_000_000) MB)",
                                        leerlijn: Timing.quantile(ours, 0.5), peerName: "libxml2 xmlTextWriter",
                                        peer: Timing.quantile(theirs, 0.5), unit: "s", target: "≤ ½ xmlTextWriter"))
        let folder = NSTemporaryDirectory() + "leerlijn-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/feed.xml"
        try AtomicFileWriter.write(bytes, to: path)
        ours = []; theirs = []
        var validatingPeer: [Double] = []
        var loaded = 0
        guard let peerSchema = LibXMLTreeWalkPeer.Schema(bytes: PublishedSchema.catalogueXSD.bytes) else {
            throw PeerError("libxml2 could not compile the catalogue schema for the validating peer")
        }
        for _ in 0..<runs {
            ours.append(try Timing.measure {
                loaded = try CatalogueLoader().loadProgrammes(file: path, vocabulary: catalogue.vocabulary).count
            })
            theirs.append(Timing.measure { _ = LibXMLTreeWalkPeer.loadAndWalk(path: path) })
            validatingPeer.append(Timing.measure {
                guard LibXMLTreeWalkPeer.loadAndWalk(path: path, validatingWith: peerSchema) >= 0 else { return }
            })
        }
        report.rows.append(BenchmarkRow(suite: "import", figure: "import feed (XSD-validated, to model)",
                                        leerlijn: Timing.quantile(ours, 0.5), peerName: "xmlReadFd + tree walk",
                                        peer: Timing.quantile(theirs, 0.5), unit: "s", target: "no slower than peer"))
        report.rows.append(BenchmarkRow(suite: "import", figure: "import feed (XSD-validated, to model)",
                                        leerlijn: Timing.quantile(ours, 0.5),
                                        peerName: "xmlReadFd + xmlSchemaValidateDoc + walk",
                                        peer: Timing.quantile(validatingPeer, 0.5), unit: "s", target: "–"))
        // The same two loads in other orders, because each run's speed depends on the heap the
        // run before it left (glibc reuses freed pages; fresh ones cost the kernel's page faults).
        // Interleaved, above, each side runs on what the other freed. Here: each side's runs one
        // after another (each on its own leftovers), and each run from a trimmed heap.
        var oursBlocked: [Double] = [], theirsBlocked: [Double] = []
        var oursTrimmed: [Double] = [], theirsTrimmed: [Double] = []
        for _ in 0..<runs {
            oursBlocked.append(try Timing.measure {
                _ = try CatalogueLoader().loadProgrammes(file: path, vocabulary: catalogue.vocabulary)
            })
        }
        for _ in 0..<runs { theirsBlocked.append(Timing.measure { _ = LibXMLTreeWalkPeer.loadAndWalk(path: path) }) }
        for _ in 0..<runs {
            Heap.trim()
            oursTrimmed.append(try Timing.measure {
                _ = try CatalogueLoader().loadProgrammes(file: path, vocabulary: catalogue.vocabulary)
            })
            Heap.trim()
            theirsTrimmed.append(Timing.measure { _ = LibXMLTreeWalkPeer.loadAndWalk(path: path) })
        }
        report.rows.append(BenchmarkRow(suite: "import", figure: "import feed, each side's runs in a row",
                                        leerlijn: Timing.quantile(oursBlocked, 0.5), peerName: "xmlReadFd + tree walk",
                                        peer: Timing.quantile(theirsBlocked, 0.5), unit: "s", target: "–"))
        report.rows.append(BenchmarkRow(suite: "import", figure: "import feed, from a trimmed heap",
                                        leerlijn: Timing.quantile(oursTrimmed, 0.5), peerName: "xmlReadFd + tree walk",
                                        peer: Timing.quantile(theirsTrimmed, 0.5), unit: "s", target: "–"))
        // Breakdown: libxml2 streaming alone, with and without the XSD, and with the XSD handing
        // over flat batches (no trees): the parsing thread's share of a full load.
        let reader = SafeXMLReader()
        var records = 0
        let bare = Timing.measure { _ = reader.read(file: path) { _ in records += 1 } }
        let schema = try XMLSchema(bytes: PublishedSchema.catalogueXSD.bytes, name: "catalogue.xsd")
        let validated = Timing.measure { _ = reader.read(file: path, schema: schema) { _ in records += 1 } }
        let flat = Timing.measure { _ = reader.read(file: path, schema: schema, batchSize: 1024) { records += $0.recordCount } }
        report.notes.append(String(format: "import breakdown: stream records %.2f s, stream + XSD %.2f s, stream + XSD in flat batches "
                                   + "(no trees) %.2f s, full load %.2f s", bare, validated, flat, Timing.quantile(ours, 0.5)))
        report.notes.append("import: \(loaded) programmes loaded from a \(bytes.count) byte feed; median of \(runs) runs")
    }
}

/// glibc's `malloc_trim(0)`, looked up at run time (Swift's Glibc module does not import
/// malloc.h): frees what the heap holds back, so the next run starts from the same state
/// whatever ran before it. A no-op where there is no such function.
enum Heap {
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let function: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }

    static func trim() { _ = function?(0) }
}
