/// Writes iCalendar content lines exactly as RFC 5545 §3.1 asks.
///
/// Lines end in CRLF; a line longer than 75 octets is folded by inserting CRLF and one
/// space, never inside a UTF-8 sequence (the space counts towards the next line's 75).
/// ``escapeText(_:)`` applies §3.3.11 TEXT escaping: backslash, semicolon, comma and newline.
public struct ICSContentWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// The longest line, in octets, including a continuation line's leading space.
    public static let maxOctets = 75

    /// Creates an empty writer.
    public init() {}

    /// Writes `name:value` (or `name;params:value`); `value` must already be escaped.
    public mutating func line(_ name: String, _ value: String) {
        let content = Array(name.utf8) + [UInt8(ascii: ":")] + Array(value.utf8)
        var start = 0, limit = Self.maxOctets
        while content.count - start > limit {
            var cut = start + limit
            // Back up to the start of a UTF-8 sequence: continuation bytes are 10xxxxxx.
            while cut > start, content[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes.append(contentsOf: content[start..<cut])
            bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            limit = Self.maxOctets - 1
        }
        bytes.append(contentsOf: content[start...])
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// TEXT escaping: `\` → `\\`, `;` → `\;`, `,` → `\,`, newline → `\n` (CR dropped), and
    /// other control characters, which TEXT forbids, dropped.
    public static func escapeText(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\n": output += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `YYYYMMDD`.
    public static func date(_ date: CalendarDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }
}
