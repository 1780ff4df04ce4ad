/// Leerlijn's one XML writer: a fast, streaming, byte-level serializer.
///
/// It writes UTF-8 with two-space indentation, escapes text and attribute values, and applies
/// one documented policy to characters that XML 1.0 forbids (C0 controls other than tab, line
/// feed and carriage return, and U+FFFE/U+FFFF): each is replaced by U+FFFD REPLACEMENT
/// CHARACTER, so no such character ever reaches a file. Carriage returns are written as
/// `&#13;` so that they survive a parser's line-end normalisation. Element and attribute
/// names are the caller's constants and are not escaped. The tests re-parse and
/// XSD-validate its output with libxml2.
public struct XMLByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private var open: [String] = []
    private var hasChildren: [Bool] = []
    private var pendingStart = false

    /// Starts a document with the XML declaration.
    ///
    /// - Parameter reservingCapacity: A size hint for the output buffer.
    public init(reservingCapacity: Int = 4096) {
        bytes.reserveCapacity(reservingCapacity)
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    }

    /// Opens an element with attributes (written in the order given).
    public mutating func start(_ name: String, attributes: KeyValuePairs<String, String> = [:]) {
        closePendingStart()
        if let last = hasChildren.indices.last { hasChildren[last] = true }
        newline(depth: open.count)
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes { attribute(key, value) }
        open.append(name)
        hasChildren.append(false)
        pendingStart = true
    }

    /// Adds an attribute to the element just started (before any content).
    public mutating func attribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        append(name)
        bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        escape(value, inAttribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Closes the innermost open element.
    public mutating func end() {
        guard let name = open.popLast() else { return }
        let children = hasChildren.popLast() ?? false
        if pendingStart {
            bytes.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: ">")])
            pendingStart = false
            return
        }
        if children { newline(depth: open.count) }
        bytes.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes `<name attributes>text</name>` on one line.
    public mutating func element(_ name: String, _ text: String,
                                 attributes: KeyValuePairs<String, String> = [:]) {
        // The hot path of every export: no push and pop of the open-element stack.
        closePendingStart()
        if let last = hasChildren.indices.last { hasChildren[last] = true }
        newline(depth: open.count)
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes { attribute(key, value) }
        bytes.append(UInt8(ascii: ">"))
        escape(text, inAttribute: false)
        bytes.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes character data inside the current element.
    public mutating func text(_ text: String) {
        closePendingStart()
        escape(text, inAttribute: false)
    }

    /// Hands over the bytes written so far and continues with an empty buffer, keeping the
    /// open elements: lets exporters stream a document to a file in chunks.
    public mutating func takeBytes() -> [UInt8] {
        bytes.takeAll()
    }

    /// Closes every open element and ends the document with a newline; returns the bytes.
    public mutating func finish() -> [UInt8] {
        while !open.isEmpty { end() }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private mutating func closePendingStart() {
        if pendingStart {
            bytes.append(UInt8(ascii: ">"))
            pendingStart = false
        }
    }

    /// A newline and two spaces per level, precomputed for the usual depths.
    private static let indentation: [[UInt8]] = (0..<16).map { [0x0A] + [UInt8](repeating: 0x20, count: 2 * $0) }

    private mutating func newline(depth: Int) {
        if depth < Self.indentation.count {
            bytes.append(contentsOf: Self.indentation[depth])
        } else {
            bytes.append(UInt8(ascii: "\n"))
            for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
        }
    }

    private mutating func append(_ string: String) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: string.utf8) }
    }

    private mutating func escape(_ string: String, inAttribute: Bool) {
        var utf8 = string.utf8
        // Fast path: nothing to escape, copied as one block.
        let clean: Bool? = utf8.withContiguousStorageIfAvailable { buffer in
            guard XMLEscaping.isClean(buffer, inAttribute: inAttribute) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if clean == true { return }
        var copy = string
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        utf8.withContiguousStorageIfAvailable { XMLEscaping.escape($0, inAttribute: inAttribute, into: &bytes) }
    }
}

/// Byte-level escaping rules shared by the writer and its tests.
public enum XMLEscaping {
    /// The replacement for characters illegal in XML 1.0 (U+FFFD, UTF-8 encoded).
    public static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether the bytes need no escaping or replacement at all.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> Bool {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), 0x0D, 0xEF:
                return false
            case 0x09, 0x0A:
                if inAttribute { return false }
            case 0..<0x20:
                return false
            default:
                continue
            }
        }
        return true
    }

    /// Appends the escaped form of `bytes` (valid UTF-8) to `output`.
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool, into output: inout [UInt8]) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): output.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): output.append(contentsOf: Array("&gt;".utf8))
            case UInt8(ascii: "\""):
                if inAttribute { output.append(contentsOf: Array("&quot;".utf8)) } else { output.append(byte) }
            case 0x0D: output.append(contentsOf: Array("&#13;".utf8))
            case 0x09:
                if inAttribute { output.append(contentsOf: Array("&#9;".utf8)) } else { output.append(byte) }
            case 0x0A:
                if inAttribute { output.append(contentsOf: Array("&#10;".utf8)) } else { output.append(byte) }
            case 0..<0x20:
                output.append(contentsOf: replacement)
            case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF
                && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                // U+FFFE and U+FFFF are not characters in XML 1.0.
                output.append(contentsOf: replacement)
                index += 3
                continue
            default:
                output.append(byte)
            }
            index += 1
        }
    }
}

extension Array where Element == UInt8 {
    /// Hands over the bytes and leaves an empty buffer of the same capacity behind, so that a
    /// streaming writer can pass on what it has written and go on without reallocating.
    public mutating func takeAll() -> [UInt8] {
        var taken: [UInt8] = []
        taken.reserveCapacity(capacity)
        swap(&taken, &self)
        return taken
    }
}
