/// The line and column of every value in a JSON document, by JSON path (`$.roles[1].headcount`),
/// and the position of the first syntax error, so that a JSON profile's diagnostics point at
/// `file:line:column` as an XML profile's do.
///
/// Foundation's `JSONSerialization` keeps no positions, so this small scanner reads the same
/// bytes once more (profiles are at most ``Limits/profileBytes``). It follows RFC 8259's
/// grammar, refuses numbers that overflow a `Double`, and stops at ``maximumDepth`` levels of
/// nesting rather than recursing without bound.
struct JSONPositions {
    /// A 1-based line and column (columns count bytes, as libxml2's do).
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// A syntax error: where, and what was found.
    struct SyntaxError: Error, Hashable {
        var position: Position
        var message: String
    }

    /// Deeper documents are refused (a profile needs four levels).
    static let maximumDepth = 64

    private(set) var positions: [String: Position] = [:]
    private(set) var error: SyntaxError?

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        do {
            skipSpace()
            try value(path: "$", depth: 0)
            skipSpace()
            if index < bytes.count { throw failure("unexpected \(describe(bytes[index])) after the end of the document") }
        } catch let problem as SyntaxError {
            error = problem
        } catch {}
    }

    /// The position of `path`, or of its nearest enclosing value that has one.
    func position(of path: String) -> Position? {
        var path = Substring(path)
        while true {
            if let found = positions[String(path)] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            path = path[..<cut]
        }
    }

    private var here: Position { Position(line: line, column: index - lineStart + 1) }

    private func failure(_ message: String) -> SyntaxError { SyntaxError(position: here, message: message) }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    private mutating func value(path: String, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
        guard index < bytes.count else { throw failure("the document ends where a value was expected") }
        positions[path] = here
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(path: path, depth: depth)
        case UInt8(ascii: "["): try array(path: path, depth: depth)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw failure("unexpected \(describe(bytes[index])) where a value was expected")
        }
    }

    private mutating func object(path: String, depth: Int) throws {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a field name in quotes") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after field \"\(key)\"") }
            index += 1
            skipSpace()
            try value(path: "\(path).\(key)", depth: depth + 1)
            skipSpace()
            guard index < bytes.count else { throw failure("the document ends inside an object") }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            guard bytes[index] == UInt8(ascii: ",") else { throw failure("expected ',' or '}' but found \(describe(bytes[index]))") }
            index += 1
            skipSpace()
        }
    }

    private mutating func array(path: String, depth: Int) throws {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
        var offset = 0
        while true {
            try value(path: "\(path)[\(offset)]", depth: depth + 1)
            offset += 1
            skipSpace()
            guard index < bytes.count else { throw failure("the document ends inside an array") }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            guard bytes[index] == UInt8(ascii: ",") else { throw failure("expected ',' or ']' but found \(describe(bytes[index]))") }
            index += 1
            skipSpace()
        }
    }

    /// Reads a string and returns its text with escapes resolved (for field names).
    private mutating func string() throws -> String {
        index += 1
        var text = ""
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                text += String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte < 0x20 { throw failure("a control character (\(describe(byte))) inside a string must be escaped") }
            guard byte == UInt8(ascii: "\\") else { index += 1; continue }
            text += String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.unicodeScalars.append(Unicode.Scalar(bytes[index]))
            case UInt8(ascii: "b"): text += "\u{8}"
            case UInt8(ascii: "f"): text += "\u{C}"
            case UInt8(ascii: "n"): text += "\n"
            case UInt8(ascii: "r"): text += "\r"
            case UInt8(ascii: "t"): text += "\t"
            case UInt8(ascii: "u"):
                guard index + 4 < bytes.count,
                      bytes[(index + 1)...(index + 4)].allSatisfy({ UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0 || UInt8(ascii: "a")...UInt8(ascii: "f") ~= $0 | 0x20 }),
                      let code = UInt32(String(decoding: bytes[(index + 1)...(index + 4)], as: UTF8.self), radix: 16)
                else { throw failure("\\u must be followed by four hexadecimal digits") }
                text.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                index += 4
            default: throw failure("unknown escape \\\(describe(bytes[index]))")
            }
            index += 1
            start = index
        }
        throw failure("the document ends inside a string")
    }

    private mutating func number() throws {
        let start = index
        let begin = here
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ scanner: inout JSONPositions) -> Int {
            let first = scanner.index
            while scanner.index < scanner.bytes.count, (0x30...0x39).contains(scanner.bytes[scanner.index]) { scanner.index += 1 }
            return scanner.index - first
        }
        let integer = digits(&self)
        guard integer > 0 else { throw failure("a number needs a digit") }
        if integer > 1, bytes[start + (bytes[start] == UInt8(ascii: "-") ? 1 : 0)] == UInt8(ascii: "0") {
            throw SyntaxError(position: begin, message: "a number may not start with 0")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure("a digit must follow the decimal point") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw failure("a digit must follow the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if let number = Double(text), !number.isFinite {
            throw SyntaxError(position: begin, message: "the number \(text.prefix(40)) is out of range")
        }
    }

    private mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw failure("unexpected \(describe(bytes[index])) where a value was expected")
        }
        index += expected.count
    }
}
