import ArgumentParser
import Foundation
import Leerlijn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `leerlijn export`: loads the catalogue and writes the published feeds into one folder.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the catalogue as XML, JSON, Atom, JSON-LD, CSV and HTML.",
        discussion: """
            Writes catalogue.xml (+ catalogue.xsd), catalogue.json (+ catalogue.schema.json), feed.atom, catalogue.jsonld, catalogue.csv and index.html (+ filter.js, style.css, widget.js, and a page per programme under programmes/), with English counterparts under en/ into the output folder. With --base-url the pages carry their absolute addresses (canonical link, hreflang alternates, JSON-LD @id and url, ItemList) and sitemap.xml is written; without it the site is relative and the export says which features that leaves out. Every file is written atomically; the same catalogue gives the same bytes. An invalid catalogue writes nothing.

            Examples:
              leerlijn export
              leerlijn export --output /tmp/feed --formats atom,json
              leerlijn export --output /tmp/site --base-url https://example.org/leerlijn/
              leerlijn export --output partner-feed --age 10 --topic online-safety

            Query filters (the options of `leerlijn query`) select a partner's feed; it then goes to its own --output folder (never the full Exports/ folder), and ended programmes that match stay in it so that the Atom feed carries their deletions.

            One run at a time writes a folder: a second run waits for the first (up to --lock-timeout seconds, default 60), then exits 75 naming the process that holds the folder.

            Exit codes: 0 ok, 64 unknown format, 65 invalid catalogue, 66 missing catalogue, 73 output folder cannot be created, 74 I/O error (a full disk included; files written before stay), 75 folder busy.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Option(name: .long, help: "The output folder.")
    var output: String = "Exports"

    @Option(name: .long, help: "Comma-separated formats: \(ExportFormat.validList).")
    var formats: String = ExportFormat.validList

    @Option(name: .customLong("base-url"),
            help: "The absolute http(s) address the output folder will be published at (enables sitemap.xml and absolute JSON-LD ids).")
    var baseURL: String?

    @OptionGroup var filters: QueryFilterOptions

    @OptionGroup var lock: LockOptions

    /// The programmes to publish: all of them, or those matching the query filters (ended
    /// ones included, for the feed's deletions), in catalogue order.
    func selection(from catalogue: Catalogue) throws(LeerlijnError) -> [Programme] {
        guard !filters.isEmpty else { return catalogue.programmes }
        var query = try filters.input.resolve(vocabulary: catalogue.vocabulary)
        query.includeEnded = true
        let matching = Set(query.run(on: catalogue).map(\.programme.id))
        return catalogue.programmes.filter { matching.contains($0.id) }
    }

    @Flag(help: "Leave out plans/ (the example profiles' plans and the sector training matrices).")
    var noPlans = false

    /// The planner's `plans/` folder, for the full export only (a partner's filtered feed has none).
    func extraOutputs(for catalogue: Catalogue) throws(LeerlijnError) -> [ExportOutput] {
        guard !noPlans, filters.isEmpty else { return [] }
        return try PlanExports.outputs(catalogue: catalogue, directory: options.catalog)
    }

    func run() throws {
        let chosen = try ExportFormat.parseList(formats)
        let lockTimeout = try lock.timeout()
        if !filters.isEmpty, (output as NSString).standardizingPath == "Exports" {
            throw LeerlijnError.usage("a filtered feed needs its own --output folder; Exports/ holds the whole catalogue")
        }
        try AtomicFileWriter.checkNotInput(output, files: [], folders: [options.catalog])
        let catalogue = try options.load()
        let programmes = try selection(from: catalogue)
        var pipeline = ExportPipeline(formats: chosen, extraOutputs: try extraOutputs(for: catalogue))
        pipeline.lockTimeout = lockTimeout
        let site = try baseURL.map { url throws(LeerlijnError) in try SiteAddress(baseURL: url) } ?? .relative
        pipeline.site = site
        let bar = ExportProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        var lines: [String] = []
        let report = try pipeline.run(programmes, catalogue: catalogue, to: output) { progress in
            bar.clear()
            lines.append("wrote \((output as NSString).appendingPathComponent(progress.relativePath))")
            bar.draw(progress)
        }
        bar.clear()
        // Printed after the files are in place: the progress callback cannot throw, and a
        // failed write to standard output must still be exit 74, not a lost line.
        for line in lines { try StandardStreams.out(line: line) }
        try StandardStreams.out(line: "\(output): exported \(report.programmeCount) programmes to \(report.files.count) files "
              + "(\(report.totalBytes) bytes)")
        if chosen.contains(.html) {
            for feature in site.disabledFeatures {
                StandardStreams.err("note: without --base-url the export leaves out \(feature)\n")
            }
        }
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal.
private struct ExportProgressBar {
    let enabled: Bool

    func draw(_ progress: ExportProgress) {
        guard enabled else { return }
        let width = 30
        let filled = min(width, Int(progress.fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r[\(bar)] \(progress.completed)/\(progress.total) \(progress.relativePath)")
    }

    func clear() {
        guard enabled else { return }
        write("\r\u{1B}[2K")
    }

    private func write(_ text: String) {
        StandardStreams.err(text)
    }
}
