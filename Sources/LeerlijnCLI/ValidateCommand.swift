import ArgumentParser
import Foundation
import Leerlijn

/// `leerlijn validate`: loads and checks the catalogue, prints a summary or every error.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate the catalogue (XSD, vocabularies, cross-file checks).",
        discussion: """
            Also runs the export preflight and loads every example profile (Catalog/profiles), so that whatever export would refuse, validate refuses first. Prints a one-line summary and exits 0, or prints every error as path:line:column: error: message (at most 20 of each kind, then a count of the rest) and exits 65; 66 for a missing catalogue part or a file that is not a regular file, 74 when one cannot be read.

            Examples:
              leerlijn validate
              leerlijn validate --catalog path/to/Catalog
            """
    )

    @OptionGroup var options: CatalogueOptions

    func run() throws {
        let catalogue = try options.load()
        // Whatever `export` would refuse, validate refuses first: the export preflight of every
        // programme, and every example profile that export plans.
        var problems = ExportPreflight(label: options.catalog)
            .problems(in: catalogue.programmes, vocabulary: catalogue.vocabulary)
        let loader = ProfileLoader(catalogue: catalogue)
        let profiles = try PlanExports.profilePaths(directory: options.catalog)
        for path in profiles {
            let outcome = Result { () throws(LeerlijnError) in try loader.load(path: path) }
            if case .failure(let error) = outcome {
                guard case .invalidData(let found) = error else { throw error }
                problems += found
            }
        }
        guard problems.isEmpty else { throw LeerlijnError.invalidData(problems) }
        let ended = catalogue.programmes.filter { $0.status.id == "ended" }.count
        try StandardStreams.out(line: "\(options.catalog): ok: \(catalogue.programmes.count) programmes (\(ended) ended), "
              + "\(catalogue.requirements.count) requirements, "
              + "\(catalogue.vocabulary.lists.values.reduce(0) { $0 + $1.count }) vocabulary terms, "
              + "\(profiles.count) example profiles")
    }
}
