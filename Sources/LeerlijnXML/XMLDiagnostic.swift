/// One problem found while reading, validating or writing XML.
///
/// Every diagnostic carries the file (or a label for in-memory input), the line and column
/// libxml2 reported, and libxml2's own message, so that callers can print
/// `path:line:column: error: message`.
public struct XMLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case warning, error
    }

    /// The file path or input label.
    public var file: String
    /// The 1-based line, or 0 when unknown.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int
    /// The message, without trailing newline.
    public var message: String
    /// Whether this is an error or a warning.
    public var severity: Severity
    /// Where the message comes from: `parser`, `schema`, `security` or `limit`.
    public var origin: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, message: String,
                severity: Severity = .error, origin: String = "parser") {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
        self.origin = origin
    }

    /// `file:line:column: error: message`.
    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// The failure of a read: every diagnostic collected, in document order.
public struct XMLReadFailure: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, errors first in order of appearance.
    public var diagnostics: [XMLDiagnostic]

    /// Creates a failure from its diagnostics.
    public init(diagnostics: [XMLDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
