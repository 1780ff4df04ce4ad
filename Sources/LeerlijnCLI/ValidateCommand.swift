import ArgumentParser
import Foundation
import Leerlijn
import Synchronization

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
        guard options.maxFileBytes > 0 else { throw LeerlijnError.usage("--max-file-bytes must be positive, got \(options.maxFileBytes)") }
        // Every programme is checked as it is decoded and then let go: validate keeps ids, not
        // records, so its memory does not grow with the catalogue. Whatever `export` would
        // refuse, validate refuses first: the export preflight of every programme, and every
        // example profile that export plans.
        let checks = Checks(preflight: ExportPreflight(label: options.catalog))
        let validation = try CatalogueLoader(maxFileBytes: options.maxFileBytes).validate(directory: options.catalog) { programme, vocabulary in
            checks.inspect(programme, vocabulary: vocabulary)
        }
        let vocabulary = validation.vocabulary
        let (preflight, ended) = checks.finish()
        var problems = preflight
        let loader = ProfileLoader(validator: ProfileValidator(vocabulary: vocabulary, programmeIDs: validation.programmeIDs))
        let profiles = try PlanExports.profilePaths(directory: options.catalog)
        for path in profiles {
            let outcome = Result { () throws(LeerlijnError) in try loader.load(path: path) }
            if case .failure(let error) = outcome {
                guard case .invalidData(let found) = error else { throw error }
                problems += found
            }
        }
        guard problems.isEmpty else { throw LeerlijnError.invalidData(problems) }
        try StandardStreams.out(line: "\(options.catalog): ok: \(validation.programmeIDs.count) programmes (\(ended) ended), "
              + "\(validation.requirements.count) requirements, "
              + "\(vocabulary.lists.values.reduce(0) { $0 + $1.count }) vocabulary terms, "
              + "\(profiles.count) example profiles")
    }

    /// What validate remembers of each programme while the loader streams them: the export
    /// preflight's problems (with the programme's id, to list them in id order as before) and
    /// how many have ended.
    final class Checks: Sendable {
        private struct State {
            var problems: [(id: String, diagnostic: Diagnostic)] = []
            var seen = Set<String>()
            var ended = 0
        }
        private let preflight: ExportPreflight
        private let state = Mutex(State())

        init(preflight: ExportPreflight) { self.preflight = preflight }

        func inspect(_ programme: Programme, vocabulary: Vocabulary) {
            state.withLock { state in
                if programme.status.id == "ended" { state.ended += 1 }
                for problem in preflight.problems(of: programme, vocabulary: vocabulary, seen: &state.seen) {
                    state.problems.append((programme.id, problem))
                }
            }
        }

        /// The problems in programme id order (stable within a programme), and the ended count.
        func finish() -> ([Diagnostic], Int) {
            state.withLock { state in
                (state.problems.enumerated().sorted { ($0.element.id, $0.offset) < ($1.element.id, $1.offset) }.map(\.element.diagnostic),
                 state.ended)
            }
        }
    }
}
