internal import CLeerlijnXML2
import FoundationEssentials

/// Collects libxml2's structured errors for one context, never through the global last error.
final class DiagnosticCollector {
    let file: String
    private(set) var diagnostics: [XMLDiagnostic] = []
    /// A cap so that a hostile file cannot make us collect millions of messages.
    let limit: Int
    /// Where the parser is, for messages that come without a column (the XSD validator's).
    var currentPosition: (() -> (line: Int, column: Int))?

    init(file: String, limit: Int = 1000) {
        self.file = file
        self.limit = limit
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func append(_ diagnostic: XMLDiagnostic) {
        guard diagnostics.count < limit, diagnostics.last != diagnostic else { return }
        diagnostics.append(diagnostic)
    }

    func record(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        var message = e.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let severity: XMLDiagnostic.Severity = e.level == XML_ERR_WARNING ? .warning : .error
        let origin: String
        switch Int(e.domain) {
        case Int(XML_FROM_SCHEMASV.rawValue), Int(XML_FROM_SCHEMASP.rawValue): origin = "schema"
        default: origin = "parser"
        }
        var column = Int(e.int2)
        if column == 0, e.line > 0, let position = currentPosition?(), position.line == Int(e.line) {
            column = position.column
        }
        append(XMLDiagnostic(file: file, line: Int(e.line), column: column,
                             message: message, severity: severity, origin: origin))
    }

    /// The opaque pointer handed to libxml2; valid while `self` is alive.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// The C callback that forwards to the collector behind `userData`.
func collectStructuredError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    Unmanaged<DiagnosticCollector>.fromOpaque(userData).takeUnretainedValue().record(error)
}
