import ArgumentParser
import Foundation
import Leerlijn

/// `leerlijn validate`: loads and checks the catalogue, prints a summary or every error.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate the catalogue (XSD, vocabularies, cross-file checks).",
        discussion: """
            Prints a one-line summary and exits 0, or prints every error as path:line:column: error: message and exits 65.

            Examples:
              leerlijn validate
              leerlijn validate --catalog path/to/Catalog
            """
    )

    @OptionGroup var options: CatalogueOptions

    func run() throws {
        let catalogue = try options.load()
        let ended = catalogue.programmes.filter { $0.status.id == "ended" }.count
        try StandardStreams.out(line: "\(options.catalog): ok: \(catalogue.programmes.count) programmes (\(ended) ended), "
              + "\(catalogue.requirements.count) requirements, "
              + "\(catalogue.vocabulary.lists.values.reduce(0) { $0 + $1.count }) vocabulary terms")
    }
}
