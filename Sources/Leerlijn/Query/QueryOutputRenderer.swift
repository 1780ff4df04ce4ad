/// Turns query results into the bytes `leerlijn query` prints.
public struct QueryOutputRenderer: Sendable {
    /// The catalogue the results come from (for vocabulary labels).
    public var catalogue: Catalogue
    /// `nl` or `en` for the table.
    public var language: String
    /// The terminal width for the table.
    public var width: Int

    /// Creates a renderer.
    public init(catalogue: Catalogue, language: String = "nl", width: Int = 100) {
        self.catalogue = catalogue
        self.language = language
        self.width = width
    }

    /// The output bytes for `matches` in `format`.
    ///
    /// JSON, XML and CSV are exactly the export formats (`catalogue.json`, `catalogue.xml`,
    /// `catalogue.csv`) restricted to the matches, so they validate against the published
    /// `catalogue.schema.json` and `catalogue.xsd`. Explanations appear in the table; for the
    /// machine formats ``explanations(_:)`` gives them as separate text (the CLI prints it on
    /// standard error) so that the documents stay valid.
    public func render(_ matches: [QueryMatch], format: QueryOutputFormat, explain: Bool) -> [UInt8] {
        var all: [UInt8] = []
        render(matches, format: format, explain: explain) { all += $0 }
        return all
    }

    /// The same bytes as ``render(_:format:explain:)``, handed to `emit` in chunks of about
    /// 1 MiB as they are made (the CLI writes them straight to standard output).
    public func render(_ matches: [QueryMatch], format: QueryOutputFormat, explain: Bool,
                       emit: ([UInt8]) throws -> Void) rethrows {
        let programmes = matches.map(\.programme)
        switch format {
        case .table:
            try emit(Array(QueryTableRenderer(width: width, language: language).render(matches, explain: explain).utf8))
        case .json: try CatalogueJSONExporter().render(programmes, catalogue: catalogue, emit: emit)
        case .xml: try CatalogueXMLExporter().render(programmes, catalogue: catalogue, emit: emit)
        case .csv: try CSVExporter().render(programmes, catalogue: catalogue, emit: emit)
        }
    }

    /// The JSON answer (``render(_:format:explain:emit:)`` in `.json`) for the programmes at
    /// `offsets` (``CatalogueQuery/matchingOffsets(in:)``): a snapshot-backed catalogue writes
    /// each programme straight from its record, decoding none. Check
    /// ``Catalogue/snapshotDamage`` before showing the bytes.
    public func renderJSON(offsets: [Int], emit: ([UInt8]) throws -> Void) rethrows {
        try CatalogueJSONExporter().render(offsets: offsets, catalogue: catalogue, emit: emit)
    }

    /// `id: reason` lines for every match, for the machine formats.
    public func explanations(_ matches: [QueryMatch]) -> String {
        matches.flatMap { match in match.explanation.map { "\(match.programme.id): \($0)" } }
            .joined(separator: "\n") + (matches.isEmpty ? "" : "\n")
    }
}
