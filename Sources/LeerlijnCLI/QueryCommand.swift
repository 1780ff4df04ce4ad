import ArgumentParser
import Foundation
import Leerlijn

/// `leerlijn query`: find programmes by age, audience, sector, role, topic, text and more.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Find programmes: by learner age, audience, sector, role, topic, language, free text …",
        discussion: """
            Filters combine with AND; values inside one filter are alternatives (any-of), given repeated or comma-separated. Topics can be required together with --all-topics. Programmes without a learner age never match --age/--ages; ages derived from the education level (rule education-level-ages: primary 4–12, secondary 12–18) match and are marked ≈, unless --stated-ages-only. Only active programmes match unless --include-ended; --as-of applies validity dates as of that day. Output: table on a terminal, JSON otherwise (the catalogue.json format of the exports); xml and csv are the export formats too. With --explain, machine formats get the reasons on standard error.

            Examples:
              leerlijn query --age 10 --topic online-safety
              leerlijn query --age 6 --stated-ages-only --explain
              leerlijn query --sector sport --role coach
              leerlijn query --audience parents --language nl --output json
              leerlijn query --text seksualiteit --explain
              leerlijn query --recommendation VIII-2 --output csv
              leerlijn query --obligations --sector sport --role coach

            With --obligations the command lists the obligations (law, the Committee's require/request/invite, sector agreements) that bind the first --sector, --role, --audience and --age given, in force on --as-of; strongest first.
            """
    )

    @OptionGroup var catalogue: CatalogueOptions

    @OptionGroup var filters: QueryFilterOptions

    @OptionGroup var cache: SnapshotOptions

    @Option(help: "table, json, xml or csv (default: table on a terminal, json otherwise).")
    var output: String?
    @Flag(help: "List the obligations that bind --sector/--role/--audience/--age instead of programmes.")
    var obligations = false
    @Flag(help: "Explain, for each result, which filter matched which field and the basis of that value.")
    var explain = false
    @Option(help: "Language of titles in the table: nl or en.")
    var lang: String = "nl"

    var input: QueryFilterInput { filters.input }

    func run() throws {
        let format = try QueryOutputFormat.resolve(output, isTerminal: Terminal.isTerminal(1))
        guard lang == "nl" || lang == "en" else { throw LeerlijnError.usage("--lang: '\(lang)' is not nl or en") }
        // Everything a damaged snapshot could affect is computed before a byte is printed.
        enum Output: Sendable { case bytes([UInt8]), chunks([[UInt8]]), matches([QueryMatch], QueryOutputRenderer) }
        try cache.run(catalogue, compute: { loaded -> Output in
            let query = try input.resolve(vocabulary: loaded.vocabulary)
            if obligations {
                guard format == .table || format == .json else {
                    throw LeerlijnError.usage("--obligations prints table or json, not \(format.rawValue)")
                }
                let found = RequirementQuery(sector: query.sectors.first, role: query.roles.first,
                                             audience: query.audiences.first, age: query.age, asOf: query.asOf).run(on: loaded)
                let renderer = RequirementRenderer(catalogue: loaded, language: lang)
                return .bytes(format == .table ? Array(renderer.table(found, width: Terminal.width()).utf8) : renderer.json(found))
            }
            if format == .json, !explain {
                // Written straight from a snapshot's records (no programme decoded), and kept
                // until the damage check has passed.
                var chunks: [[UInt8]] = []
                QueryOutputRenderer(catalogue: loaded, language: lang).renderJSON(offsets: query.matchingOffsets(in: loaded)) {
                    chunks.append($0)
                }
                return .chunks(chunks)
            }
            return .matches(query.run(on: loaded, explain: explain),
                            QueryOutputRenderer(catalogue: loaded, language: lang, width: Terminal.width()))
        }, emit: { output in
            switch output {
            case .bytes(let bytes):
                try StandardStreams.out(bytes)
            case .chunks(let chunks):
                for chunk in chunks { try StandardStreams.out(chunk) }
            case .matches(let matches, let renderer):
                try renderer.render(matches, format: format, explain: explain) { try StandardStreams.out($0) }
                if explain, format != .table { StandardStreams.err(renderer.explanations(matches)) }
            }
        })
    }
}
