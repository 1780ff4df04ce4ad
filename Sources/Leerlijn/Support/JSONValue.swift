/// A JSON value, serialized by ``JSONValue/serialized(pretty:)`` with keys in byte order.
///
/// Leerlijn writes JSON only through this type: object keys are always sorted, numbers are
/// integers or shortest round-trip doubles, strings are escaped per RFC 8259 — so the same
/// data always gives the same bytes.
public enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object: [String: JSONValue] = [:]
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }

    /// A string or `null`.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// An array of strings.
    public static func strings<S: Sequence>(_ values: S) -> JSONValue where S.Element == String {
        .array(values.map(JSONValue.string))
    }

    /// The UTF-8 bytes of this value; `pretty` indents by two spaces.
    public func serialized(pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(into: &output, pretty: pretty, depth: 0)
        return output
    }

    /// Appends this value's UTF-8 bytes to `output`.
    public func write(into output: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .null: output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let value): output.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value):
            if value.isFinite { output.append(contentsOf: "\(value)".utf8) } else { output.append(contentsOf: "null".utf8) }
        case .string(let value): JSONValue.writeString(value, into: &output)
        case .array(let values):
            if values.isEmpty { output.append(contentsOf: [0x5B, 0x5D]); return }
            output.append(0x5B)
            for (offset, value) in values.enumerated() {
                if offset > 0 { output.append(0x2C) }
                JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
                value.write(into: &output, pretty: pretty, depth: depth + 1)
            }
            JSONValue.newline(&output, pretty: pretty, depth: depth)
            output.append(0x5D)
        case .object(let object):
            if object.isEmpty { output.append(contentsOf: [0x7B, 0x7D]); return }
            output.append(0x7B)
            let keys = object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (offset, key) in keys.enumerated() {
                if offset > 0 { output.append(0x2C) }
                JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
                JSONValue.writeString(key, into: &output)
                output.append(0x3A)
                if pretty { output.append(0x20) }
                object[key]?.write(into: &output, pretty: pretty, depth: depth + 1)
            }
            JSONValue.newline(&output, pretty: pretty, depth: depth)
            output.append(0x7D)
        }
    }

    private static func newline(_ output: inout [UInt8], pretty: Bool, depth: Int) {
        guard pretty else { return }
        output.append(0x0A)
        JSONStreamWriter.indent(2 * depth, into: &output)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether any byte of `bytes` may need an escape (a control character, `"`, `\\`, `<` or
    /// the lead byte of U+2028/U+2029).
    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            if JSONStreamWriter.mayNeedEscape(UInt64(littleEndian: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))) {
                return true
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0xE2 { return true }
            index += 1
        }
        return false
    }

    /// Appends a JSON string literal: quotes, backslashes and control characters escaped;
    /// U+2028/U+2029 escaped too so the output is safe inside a `<script>` block.
    public static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(0x22)
        var copy = value
        copy.withUTF8 { bytes in
            // Most strings need no escape at all: checked eight bytes at a time, copied at once.
            if !needsEscape(bytes) {
                output.append(contentsOf: bytes)
                return
            }
            // Runs of bytes that need no escape are copied at once.
            var runStart = 0, index = 0
            func flush(_ upTo: Int) {
                if upTo > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<upTo])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0xE2 else {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    flush(index)
                    output.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    runStart = index
                    continue
                }
                flush(index)
                switch byte {
                case 0x22: output.append(0x5C); output.append(0x22)
                case 0x5C: output.append(0x5C); output.append(0x5C)
                case 0x0A: output.append(0x5C); output.append(0x6E)
                case 0x0D: output.append(0x5C); output.append(0x72)
                case 0x09: output.append(0x5C); output.append(0x74)
                case 0x3C:
                    // "<" as \u003c: JSON embedded in HTML can never close a script element.
                    output.append(contentsOf: "\\u003c".utf8)
                default:
                    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                index += 1
                runStart = index
            }
            flush(bytes.count)
        }
        output.append(0x22)
    }
}
