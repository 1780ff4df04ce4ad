import LeerlijnXML

/// A byte-level HTML writer whose only way to emit data is escaped.
///
/// Tag and attribute names are `StaticString`s, so they can only be the program's constants;
/// text and attribute values always pass through ``escape(_:into:)``, which escapes `&`, `<`,
/// `>`, `"` and `'` and replaces control characters with U+FFFD. The output is also
/// well-formed XML (void elements self-closed, attributes quoted), which lets the tests
/// re-parse it with libxml2.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    /// Hands over the bytes written so far and continues with an empty buffer.
    mutating func takeBytes() -> [UInt8] {
        bytes.takeAll()
    }

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Constant markup: only for literals in this module.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Escaped text.
    mutating func text(_ value: String) {
        Self.escape(value, into: &bytes)
    }

    /// `<tag a="v" …>`.
    mutating func open(_ tag: StaticString, _ attributes: [(StaticString, String)] = []) {
        bytes.append(UInt8(ascii: "<"))
        raw(tag)
        for (name, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            raw(name)
            bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            Self.escape(value, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<tag a="v" … />`, for void elements.
    mutating func void(_ tag: StaticString, _ attributes: [(StaticString, String)] = []) {
        open(tag, attributes)
        bytes.removeLast()
        bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: ">")])
    }

    /// `</tag>`.
    mutating func close(_ tag: StaticString) {
        bytes.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        raw(tag)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<tag …>text</tag>`.
    mutating func element(_ tag: StaticString, _ value: String, _ attributes: [(StaticString, String)] = []) {
        open(tag, attributes)
        text(value)
        close(tag)
    }

    /// Bytes already escaped for the context they go into, without `<` or `&`.
    fileprivate mutating func appendChecked(_ data: [UInt8]) {
        bytes.append(contentsOf: data.filter { $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") })
    }

    /// A line break in the source, for readable diffs.
    mutating func newline() { bytes.append(0x0A) }

    /// Appends `value` escaped for HTML text and double- or single-quoted attributes.
    static func escape(_ value: String, into output: inout [UInt8]) {
        let needsWork = value.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte < 0x20 || byte == 0x7F
                || byte == 0xEF
        }
        guard needsWork else {
            output.append(contentsOf: value.utf8)
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output.append(contentsOf: "&amp;".utf8)
            case "<": output.append(contentsOf: "&lt;".utf8)
            case ">": output.append(contentsOf: "&gt;".utf8)
            case "\"": output.append(contentsOf: "&quot;".utf8)
            case "'": output.append(contentsOf: "&#39;".utf8)
            case "\t": output.append(contentsOf: "&#9;".utf8)
            case "\n": output.append(contentsOf: "&#10;".utf8)
            case "\r": output.append(contentsOf: "&#13;".utf8)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    UTF8.encode(scalar) { output.append($0) }
                }
            }
        }
    }
}

extension HTMLWriter {
    /// The body of a `<script type="application/ld+json">` block, as produced by
    /// ``ProgrammeJSONLD/scriptBytes(_:)`` (which escapes `<`, `>` and `&`); nothing else may
    /// call it.
    mutating func jsonLD(_ value: JSONValue) {
        open("script", [("type", "application/ld+json")])
        newline()
        appendChecked(ProgrammeJSONLD.scriptBytes(value))
        newline()
        close("script")
    }
}
