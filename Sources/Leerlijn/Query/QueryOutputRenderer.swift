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
    public func render(_ matches: [QueryMatch], format: QueryOutputFormat, explain: Bool) -> [UInt8] {
        switch format {
        case .table:
            return Array(QueryTableRenderer(width: width, language: language).render(matches, explain: explain).utf8)
        case .json, .xml, .csv:
            return Array(QueryTableRenderer(width: width, language: language).render(matches, explain: explain).utf8)
        }
    }
}
