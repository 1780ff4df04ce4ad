import ArgumentParser
import Foundation
import Leerlijn

/// `leerlijn plan`: a dated training plan for a profile, or a sector's training matrix.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan training for an organisation profile, or show a sector's training matrix.",
        discussion: """
            With --profile, reads an organisation profile (XML, or JSON when the file ends in .json), and writes the obligations that apply, the programmes chosen and why, the gaps, and sessions on dates. With --sector (and optionally --role), writes the generic matrix of obligations × candidate programmes for that sector.

            Examples:
              leerlijn plan --profile Catalog/profiles/primary-school.xml
              leerlijn plan --profile Catalog/profiles/sports-club.json \\
                --output-format ics --output club.ics
              leerlijn plan --sector sport --role coach --output-format csv

            With --output, the file's folder is locked while the file is written (as by `leerlijn export`): a second run waits up to --lock-timeout seconds, then exits 75 naming the process that holds it.

            Exit codes: 0 ok, 64 usage, 65 invalid profile, 66 missing input, 73 cannot create output, 74 I/O, 75 output folder busy.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Option(name: .long, help: "The organisation profile (.xml or .json).")
    var profile: String?

    @Option(name: .long, help: "A sector id, for the generic training matrix (instead of --profile).")
    var sector: String?

    @Option(name: .long, help: "A role id, with --sector.")
    var role: String?

    @Option(name: .customLong("as-of"), help: "The reference date (YYYY-MM-DD); defaults to the period's start.")
    var asOf: String?

    @Option(name: .customLong("output-format"), help: "json, xml, ics, csv, text or html (a report with an SVG coverage matrix and month timeline).")
    var outputFormat: String = "text"

    @Option(name: .long, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var lock: LockOptions

    @OptionGroup var cache: SnapshotOptions

    func run() throws {
        guard let format = PlanOutputFormat(rawValue: outputFormat) else {
            throw LeerlijnError.usage("unknown --output-format '\(outputFormat)'; use "
                                      + PlanOutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var date: CalendarDate?
        if let asOf {
            guard let parsed = CalendarDate(iso: asOf) else {
                throw LeerlijnError.usage("--as-of '\(asOf)' is not a date (YYYY-MM-DD)")
            }
            guard Limits.year.accepts(parsed.year) else {
                throw LeerlijnError.usage("--as-of '\(asOf)': the year is outside \(Limits.year) (\(Limits.year.why))")
            }
            date = parsed
        }
        let lockTimeout = try lock.timeout()
        if let output {
            try AtomicFileWriter.checkTarget(output)
            try AtomicFileWriter.checkNotInput(output, files: [profile].compactMap { $0 }, folders: [options.catalog])
        }
        switch (profile, sector) {
        case (_?, nil):
            guard role == nil else { throw LeerlijnError.usage("--role goes with --sector, not with --profile") }
        case (nil, _?):
            break
        default:
            throw LeerlijnError.usage("give either --profile FILE or --sector S [--role R]")
        }
        try cache.run(options, compute: { catalogue in try render(catalogue, format: format, date: date) },
                      emit: { bytes in try write(bytes, lockTimeout: lockTimeout) })
    }

    private func render(_ catalogue: Catalogue, format: PlanOutputFormat, date: CalendarDate?) throws -> [UInt8] {
        if let path = profile {
            let organisation = try ProfileLoader(catalogue: catalogue).load(path: path)
            let plan = Planner(catalogue: catalogue).plan(for: organisation, asOf: date)
            return PlanRenderer.render(plan, as: format, catalogue: catalogue)
        }
        let sectorID = sector ?? ""
        let vocabulary = catalogue.vocabulary
        try Self.check(sectorID, in: "sector", option: "--sector", vocabulary)
        if let role { try Self.check(role, in: "role", option: "--role", vocabulary) }
        let matrix = TrainingMatrix(index: PlannerIndex(catalogue: catalogue), sector: Sector(sectorID),
                                    role: role.map(Role.init), asOf: date)
        guard let rendered = TrainingMatrixRenderer.render(matrix, as: format, catalogue: catalogue) else {
            throw LeerlijnError.usage("a training matrix has no dates; use json, xml, csv or text")
        }
        return rendered
    }

    private func write(_ bytes: [UInt8], lockTimeout: Double) throws {
        if let output {
            let folder = (output as NSString).deletingLastPathComponent
            let held = try FolderLock.acquire(folder.isEmpty ? "." : folder, timeout: lockTimeout)
            defer { held.release() }
            try AtomicFileWriter.write(bytes, to: output)
        } else {
            try StandardStreams.out(bytes)
        }
    }

    private static func check(_ value: String, in name: String, option: String, _ vocabulary: Vocabulary) throws {
        guard !vocabulary.contains(value, in: name) else { return }
        let nearest = vocabulary.suggestions(for: value, in: name)
        throw LeerlijnError.usage("\(option): unknown \(name) '\(value)'"
            + (nearest.isEmpty ? "" : "; did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?")
            + " Valid values: \(vocabulary.ids(name).joined(separator: ", "))")
    }
}
