/// Renders query results as an aligned text table that fits a terminal width.
///
/// Columns: id, title, ages (followed by "≈" when derived from the education level), audiences, topics. When the natural width is too large, the
/// title and topics columns shrink first and cut text ends with "…". Explanations follow
/// each row, indented.
public struct QueryTableRenderer: Sendable {
    /// The total width to fit, in characters.
    public var width: Int
    /// `nl` or `en` titles.
    public var language: String

    /// Creates a renderer.
    public init(width: Int, language: String = "nl") {
        self.width = max(40, width)
        self.language = language
    }

    /// The table, ending with a count line.
    public func render(_ matches: [QueryMatch], explain: Bool) -> String {
        let header = ["ID", language == "en" ? "TITLE" : "TITEL", language == "en" ? "AGES" : "LEEFTIJD",
                      language == "en" ? "AUDIENCE" : "DOELGROEP", language == "en" ? "TOPICS" : "ONDERWERPEN"]
        let rows = matches.map { match -> [String] in
            let programme = match.programme
            var title = programme.title.text(in: language)
            if programme.status != .active { title += language == "en" ? " (ended)" : " (beëindigd)" }
            let ages = programme.ageRange.map { $0.description + BasisText.marker(programme.ageRangeBasis) } ?? "–"
            return [programme.id, title, ages,
                    programme.audiences.map(\.rawValue).joined(separator: ","),
                    programme.topics.map(\.rawValue).joined(separator: ",")]
        }
        var widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        let gaps = 2 * (header.count - 1)
        // Shrink the widest shrinkable column until the table fits.
        let shrinkable = [1, 4, 3, 0]
        while widths.reduce(0, +) + gaps > width {
            guard let column = shrinkable.max(by: { widths[$0] < widths[$1] }), widths[column] > 8 else { break }
            widths[column] -= 1
        }
        var lines: [String] = [Self.line(header, widths)]
        for (offset, row) in rows.enumerated() {
            lines.append(Self.line(row, widths))
            if explain {
                for reason in matches[offset].explanation { lines.append("    · " + reason) }
            }
        }
        let noun = language == "en" ? (rows.count == 1 ? "programme" : "programmes")
            : (rows.count == 1 ? "programma" : "programma's")
        lines.append("\(rows.count) \(noun)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (column, cell) in cells.enumerated() {
            var text = cell
            if text.count > widths[column] { text = String(text.prefix(max(0, widths[column] - 1))) + "…" }
            let isLast = column == cells.count - 1
            parts.append(isLast ? text : text + String(repeating: " ", count: widths[column] - text.count))
        }
        var joined = parts.joined(separator: "  ")
        while joined.last == " " { joined.removeLast() }
        return joined
    }
}
