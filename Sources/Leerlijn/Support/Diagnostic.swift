import LeerlijnXML

/// A problem in input data, with where it is and what it concerns.
///
/// Printed as `path:line:column: error: message`; `field` and `value` name the offending
/// element or attribute and its content when known.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file (or input label).
    public var file: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// The field (element, attribute or option) concerned.
    public var field: String?
    /// The offending value.
    public var value: String?
    /// What is wrong, and what would be right.
    public var message: String
    /// `error` or `warning`.
    public var isWarning: Bool

    /// Creates a diagnostic.
    public init(file: String, line: Int = 0, column: Int = 0, field: String? = nil, value: String? = nil,
                message: String, isWarning: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.message = message
        self.isWarning = isWarning
    }

    /// Wraps one of libxml2's diagnostics.
    public init(_ xml: XMLDiagnostic) {
        self.init(file: xml.file, line: xml.line, column: xml.column, message: xml.message,
                  isWarning: xml.severity == .warning)
    }

    /// `path:line:column: error: message`.
    public var description: String {
        "\(file):\(line):\(column): \(isWarning ? "warning" : "error"): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// Every failure Leerlijn reports, each mapped to a sysexits code.
public enum LeerlijnError: Error, Sendable, CustomStringConvertible {
    /// Bad command-line usage (64).
    case usage(String)
    /// Invalid input data, with every problem found (65).
    case invalidData([Diagnostic])
    /// A missing input file or folder (66).
    case missingInput(path: String, reason: String)
    /// An output that cannot be created (73).
    case cannotCreate(path: String, reason: String)
    /// A read or write failure (74).
    case io(path: String, reason: String)
    /// An output folder another process is writing, still held after waiting `waited` seconds (75).
    case busy(path: String, holder: Int32?, waited: Double)

    /// The sysexits code for this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .invalidData: return 65
        case .missingInput: return 66
        case .cannotCreate: return 73
        case .io: return 74
        case .busy: return 75
        }
    }

    /// One line per problem, compiler style.
    public var description: String {
        switch self {
        case .usage(let message): return "error: \(message)"
        case .invalidData(let diagnostics): return Diagnostic.summarised(diagnostics).map(\.description).joined(separator: "\n")
        case .missingInput(let path, let reason): return "\(path): error: \(reason)"
        case .cannotCreate(let path, let reason): return "\(path): error: cannot create: \(reason)"
        case .io(let path, let reason): return "\(path): error: \(reason)"
        case .busy(let path, let holder, let waited):
            let who = holder.map { "process \($0)" } ?? "another process"
            return "\(path): error: the folder is being written by \(who); gave up after waiting "
                + "\(waited == waited.rounded() && waited < 1e9 ? String(Int(waited)) : String(waited)) s (try again later, or raise --lock-timeout)"
        }
    }
}
