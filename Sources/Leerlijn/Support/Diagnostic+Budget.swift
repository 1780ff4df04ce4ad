extension Diagnostic {
    /// The kind of problem: the field without list positions and the message without the
    /// values in it (quoted text and digits), so that the same mistake in a thousand places
    /// is one kind.
    public var kind: String {
        var key = ""
        var quoted = false
        for scalar in ((field ?? "") + "|" + message).unicodeScalars {
            if scalar == "'" || scalar == "\"" { quoted.toggle(); continue }
            if quoted || ("0"..."9").contains(scalar) { continue }
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// `diagnostics` with at most ``Limits/diagnosticsPerKind`` of each kind, in order; each
    /// kind that had more gets one closing line saying how many were left out.
    public static func summarised(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var budget = DiagnosticBudget()
        for diagnostic in diagnostics { budget.add(diagnostic) }
        return budget.diagnostics
    }
}

/// Collects diagnostics, keeping at most ``Limits/diagnosticsPerKind`` of each kind and
/// counting the rest, so that memory and output stay bounded whatever the input.
public struct DiagnosticBudget: Sendable {
    private var kept: [Diagnostic] = []
    private var counts: [String: (count: Int, first: Diagnostic)] = [:]
    private var kindOrder: [String] = []

    /// Creates an empty budget.
    public init() {}

    /// Whether another diagnostic of `kind` would still be kept.
    public func wants(kind: String) -> Bool { (counts[kind]?.count ?? 0) < Limits.diagnosticsPerKind.range.upperBound }

    /// Adds one diagnostic (kept or counted).
    public mutating func add(_ diagnostic: Diagnostic) {
        let kind = diagnostic.kind
        if let existing = counts[kind] {
            counts[kind] = (existing.count + 1, existing.first)
        } else {
            counts[kind] = (1, diagnostic)
            kindOrder.append(kind)
        }
        if (counts[kind]?.count ?? 0) <= Limits.diagnosticsPerKind.range.upperBound { kept.append(diagnostic) }
    }

    /// Whether nothing was added.
    public var isEmpty: Bool { counts.isEmpty }

    /// Whether any error (not a warning) was added.
    public var hasErrors: Bool { counts.values.contains { !$0.first.isWarning } }

    /// The kept diagnostics, then one line per kind with more than the limit.
    public var diagnostics: [Diagnostic] {
        let limit = Limits.diagnosticsPerKind.range.upperBound
        var result = kept
        for kind in kindOrder {
            guard let (count, first) = counts[kind], count > limit else { continue }
            result.append(Diagnostic(file: first.file, line: first.line, column: first.column, field: first.field,
                                     value: String(count - limit),
                                     message: "\(count - limit) more like this not listed (\(count) in all; at most \(limit) "
                                        + "of each kind are listed): \(first.message)",
                                     isWarning: first.isWarning))
        }
        return result
    }
}
