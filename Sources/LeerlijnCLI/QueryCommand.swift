import ArgumentParser
import Foundation
import Leerlijn

/// `leerlijn query`: find programmes by age, audience, sector, role, topic, text and more.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Find programmes: by learner age, audience, sector, role, topic, language, free text …",
        discussion: """
            Filters combine with AND; values inside one filter are alternatives (any-of), given
            repeated or comma-separated. Topics can be required together with --all-topics.
            Programmes without a learner age never match --age/--ages. Only active programmes
            match unless --include-ended; --as-of applies validity dates as of that day.

            Examples:
              leerlijn query --age 10 --topic online-safety
              leerlijn query --sector sport --role coach
              leerlijn query --audience parents --language nl --output json
              leerlijn query --text seksualiteit --explain
              leerlijn query --recommendation VIII-2 --output csv
              leerlijn query --obligations --sector sport --role coach
            With --obligations the command lists the obligations (law, the Committee's
            require/request/invite, sector agreements) that bind the first --sector, --role,
            --audience and --age given, in force on --as-of; strongest first.
            """
    )

    @OptionGroup var catalogue: CatalogueOptions

    @Option(parsing: .unconditional, help: "Learner age the programme's range must contain (0–25).")
    var age: String?
    @Option(parsing: .unconditional, help: "Learner ages A-B the programme's range must overlap.")
    var ages: String?
    @Option(help: "Audience (children, parents, professionals, volunteers, general-public).")
    var audience: [String] = []
    @Option(help: "Sector (education, childcare, healthcare, sport, justice …).")
    var sector: [String] = []
    @Option(help: "Role (teacher, coach, prosecutor, judge …).")
    var role: [String] = []
    @Option(help: "Topic (online-safety, sexting, reporting-code …).")
    var topic: [String] = []
    @Flag(help: "Require every --topic instead of any.")
    var allTopics = false
    @Option(help: "Language, BCP 47 (nl, en, tr …).")
    var language: [String] = []
    @Option(help: "Delivery format (classroom, e-learning, theatre …).")
    var format: [String] = []
    @Option(help: "Education level (primary, secondary, special-education …).")
    var level: [String] = []
    @Option(help: "Provider name (case- and accent-insensitive).")
    var provider: [String] = []
    @Option(help: "Lanzarote recommendation id (VIII-2, X-4 …).")
    var recommendation: [String] = []
    @Option(help: "Accessibility feature that must be present (special-needs …).")
    var accessibility: [String] = []
    @Flag(help: "Only peer-led programmes.")
    var peerLed = false
    @Option(help: "Lowest evidence level (not-assessed, promising-practice, …).")
    var minEvidence: String?
    @Flag(help: "Include programmes that have ended.")
    var includeEnded = false
    @Option(help: "Apply validity dates as of this day (YYYY-MM-DD).")
    var asOf: String?
    @Option(help: "Free text over titles and summaries (nl and en), accent-insensitive.")
    var text: String?
    @Option(help: "table, json, xml or csv (default: table on a terminal, json otherwise).")
    var output: String?
    @Flag(help: "List the obligations that bind --sector/--role/--audience/--age instead of programmes.")
    var obligations = false
    @Flag(help: "Explain, for each result, which filter matched which field.")
    var explain = false
    @Option(help: "Language of titles in the table: nl or en.")
    var lang: String = "nl"

    var input: QueryFilterInput {
        var input = QueryFilterInput()
        input.age = age
        input.ages = ages
        input.audiences = audience
        input.sectors = sector
        input.roles = role
        input.topics = topic
        input.allTopics = allTopics
        input.languages = language
        input.formats = format
        input.educationLevels = level
        input.providers = provider
        input.recommendations = recommendation
        input.accessibility = accessibility
        input.peerLed = peerLed
        input.minimumEvidence = minEvidence
        input.includeEnded = includeEnded
        input.asOf = asOf
        input.text = text
        return input
    }

    func run() throws {
        let format = try QueryOutputFormat.resolve(output, isTerminal: Terminal.isTerminal(1))
        guard lang == "nl" || lang == "en" else { throw LeerlijnError.usage("--lang: '\(lang)' is not nl or en") }
        let loaded = try catalogue.load()
        let query = try input.resolve(vocabulary: loaded.vocabulary)
        if obligations {
            let found = RequirementQuery(sector: query.sectors.first, role: query.roles.first,
                                         audience: query.audiences.first, age: query.age, asOf: query.asOf).run(on: loaded)
            let renderer = RequirementRenderer(catalogue: loaded, language: lang)
            let bytes = format == .table ? Array(renderer.table(found, width: Terminal.width()).utf8) : renderer.json(found)
            guard format == .table || format == .json else {
                throw LeerlijnError.usage("--obligations prints table or json, not \(format.rawValue)")
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let matches = query.run(on: loaded, explain: explain)
        let bytes = QueryOutputRenderer(catalogue: loaded, language: lang, width: Terminal.width())
            .render(matches, format: format, explain: explain)
        FileHandle.standardOutput.write(Data(bytes))
    }
}
