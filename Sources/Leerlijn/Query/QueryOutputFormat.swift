/// The formats `leerlijn query` can print.
public enum QueryOutputFormat: String, Sendable, CaseIterable {
    case table, json, xml, csv

    /// The format named by `--output`, or the default: a table on a terminal, JSON otherwise.
    ///
    /// - Throws: ``LeerlijnError/usage(_:)`` listing the valid formats.
    public static func resolve(_ name: String?, isTerminal: Bool) throws(LeerlijnError) -> QueryOutputFormat {
        guard let name else { return isTerminal ? .table : .json }
        guard let format = QueryOutputFormat(rawValue: name.lowercased()) else {
            throw .usage("--output: unknown format '\(name)'; valid formats: "
                         + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return format
    }
}
