import LeerlijnXML

/// Writes pretty JSON straight into a byte buffer, byte-identical to ``JSONValue``'s output.
///
/// The fast path for large exports: no dictionaries, no per-object key sorting. Callers emit
/// object members in byte order of their keys (the order ``JSONValue`` sorts them into);
/// strings are escaped by ``JSONValue/writeString(_:into:)``; indentation is two spaces. Tests
/// compare every streamed document with the ``JSONValue`` serialisation of the same data.
struct JSONStreamWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Hands over the bytes written so far and continues with an empty buffer.
    mutating func takeBytes() -> [UInt8] {
        bytes.takeAll()
    }
    private var depth = 0
    private var isFirst = true

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer for a run of elements inside an array at `depth`, whose bytes a caller emits
    /// between another writer's (then calls ``markElementWritten()`` on it); `first` when no element precedes the run.
    init(fragmentAt depth: Int, first: Bool, reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
        self.isFirst = first
    }

    /// Records that elements were written elsewhere (a fragment writer's bytes, emitted
    /// between this writer's own), so the next element is preceded by a comma.
    mutating func markElementWritten() {
        isFirst = false
    }

    /// Starts an object (as a value: after ``key(_:)``, ``element()`` or at the top).
    mutating func beginObject() { open(UInt8(ascii: "{")) }
    /// Ends the current object.
    mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Starts an array.
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    /// Ends the current array.
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member; the value follows. `name` must be plain ASCII without escapes.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts an array element; the value follows.
    mutating func element() { separate() }

    /// A string value.
    mutating func string(_ value: String) { JSONValue.writeString(value, into: &bytes) }

    /// An integer value.
    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// A boolean value.
    mutating func bool(_ value: Bool) { bytes.append(contentsOf: value ? "true".utf8 : "false".utf8) }

    /// Any ``JSONValue``, indented to the current depth.
    mutating func value(_ value: JSONValue) { value.write(into: &bytes, pretty: true, depth: depth) }

    /// An array of strings.
    mutating func strings<S: Sequence>(_ values: S) where S.Element == String {
        beginArray()
        for value in values {
            element()
            string(value)
        }
        endArray()
    }

    /// `key: string`.
    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Appends raw bytes (a final newline, say).
    mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isFirst { newline() }
        bytes.append(bracket)
        isFirst = false
    }

    private mutating func separate() {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        newline()
        isFirst = false
    }

    private mutating func newline() {
        bytes.append(0x0A)
        Self.indent(2 * depth, into: &bytes)
    }

    /// A newline's worth of spaces, appended from one shared buffer rather than built each time.
    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    static func indent(_ count: Int, into bytes: inout [UInt8]) {
        var rest = count
        spaces.withUnsafeBufferPointer { spaces in
            while rest > 0 {
                let run = min(rest, spaces.count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[0..<run]))
                rest -= run
            }
        }
    }
}
