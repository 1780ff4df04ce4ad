import Foundation

/// One of the formats `leerlijn export` can write.
///
/// Each format names its main file and the companion files published beside it (the schema a
/// partner validates against, or the script a page loads), so the pipeline always writes a
/// document together with what it needs.
public enum ExportFormat: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// `catalogue.xml`, with `catalogue.xsd`.
    case xml
    /// `catalogue.json`, with `catalogue.schema.json` (JSON Schema 2020-12).
    case json
    /// `feed.atom` (RFC 4287, deletions per RFC 6721).
    case atom
    /// `catalogue.jsonld` (schema.org).
    case jsonld
    /// `catalogue.csv` (RFC 4180).
    case csv
    /// `index.html`, with `filter.js`.
    case html

    /// The file the format renders.
    public var fileName: String {
        switch self {
        case .xml: return "catalogue.xml"
        case .json: return "catalogue.json"
        case .atom: return "feed.atom"
        case .jsonld: return "catalogue.jsonld"
        case .csv: return "catalogue.csv"
        case .html: return "index.html"
        }
    }

    /// The format's id as given to `--formats`.
    public var description: String { rawValue }

    /// The valid ids, comma-separated, for messages.
    public static var validList: String { allCases.map(\.rawValue).joined(separator: ",") }

    /// Parses a comma-separated list such as `xml,json`; order and duplicates do not matter.
    ///
    /// The result is in the canonical order of `allCases` so that the same request always
    /// writes the files in the same order.
    /// - Parameter list: Format ids separated by commas; blanks around ids are ignored.
    /// - Returns: The formats, without duplicates.
    /// - Throws: ``LeerlijnError/usage(_:)`` naming the unknown id and the valid ones.
    public static func parseList(_ list: String) throws(LeerlijnError) -> [ExportFormat] {
        var chosen = Set<ExportFormat>()
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let id = part.trimmingCharacters(in: .whitespaces)
            guard let format = ExportFormat(rawValue: id) else {
                throw .usage("unknown export format '\(id)'; valid formats: \(validList)")
            }
            chosen.insert(format)
        }
        return allCases.filter(chosen.contains)
    }
}
