import LeerlijnXML

/// Writes pretty JSON straight into a byte buffer, byte-identical to ``JSONValue``'s output.
///
/// The fast path for large exports and query answers: no dictionaries, no per-object key
/// sorting, and no `Array` bookkeeping per byte — the writer owns one growable block of memory,
/// reserves room once per token and stores through a pointer. Callers emit object members in
/// byte order of their keys (the order ``JSONValue`` sorts them into); strings are escaped
/// exactly as ``JSONValue/writeString(_:into:)`` escapes them (eight bytes at a time while none
/// needs an escape); indentation is two spaces. Tests compare every streamed document with the
/// ``JSONValue`` serialisation of the same data, and the string escaping byte for byte with
/// ``JSONValue`` on random strings.
///
struct JSONStreamWriter {
    /// The buffer: `storage.count` is its capacity; bytes past `used` are not yet written.
    private var storage: [UInt8]
    private var used = 0
    /// What a new buffer reserves after ``takeBytes()`` handed the last one over.
    private let reservation: Int
    private var depth = 0
    private var isFirst = true

    init(reservingCapacity capacity: Int) {
        reservation = max(capacity, 256)
        storage = Self.buffer(reservation)
    }

    /// A writer for a run of elements inside an array at `depth`, whose bytes a caller emits
    /// between another writer's (then calls ``markElementWritten()`` on it); `first` when no element precedes the run.
    init(fragmentAt depth: Int, first: Bool, reservingCapacity capacity: Int) {
        self.init(reservingCapacity: capacity)
        self.depth = depth
        self.isFirst = first
    }

    /// `capacity` bytes to write into (not zeroed first: every byte handed over is written).
    private static func buffer(_ capacity: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
    }

    /// Records that elements were written elsewhere (a fragment writer's bytes, emitted
    /// between this writer's own), so the next element is preceded by a comma.
    mutating func markElementWritten() {
        isFirst = false
    }

    /// How many bytes are waiting to be taken.
    var count: Int { used }

    /// Whether no bytes are waiting.
    var isEmpty: Bool { used == 0 }

    /// Hands over the bytes written so far (the buffer itself, never copied) and continues
    /// with a new one.
    mutating func takeBytes() -> [UInt8] {
        var taken = Self.buffer(0)
        swap(&taken, &storage)
        taken.removeLast(taken.count - used)
        used = 0
        return taken
    }

    /// Writes at most `extra` bytes through `body`, which returns how many it wrote.
    @inline(__always)
    private mutating func write(_ extra: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if used + extra > storage.count { grow(used + extra) }
        let start = used
        used += storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
    }

    private mutating func grow(_ needed: Int) {
        var larger = Self.buffer(max(needed, storage.count * 2, reservation))
        if used > 0 {
            larger.withUnsafeMutableBufferPointer { target in
                storage.withUnsafeBufferPointer { target.baseAddress!.update(from: $0.baseAddress!, count: used) }
            }
        }
        storage = larger
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
        let length = name.utf8CodeUnitCount
        let spaces = 2 * depth
        let comma = !isFirst
        isFirst = false
        write(length + spaces + 6) { start in
            var out = start
            if comma {
                out.pointee = UInt8(ascii: ",")
                out += 1
            }
            out.pointee = 0x0A
            out += 1
            out.update(repeating: 0x20, count: spaces)
            out += spaces
            out.pointee = UInt8(ascii: "\"")
            (out + 1).update(from: name.utf8Start, count: length)
            out += length + 1
            out[0] = UInt8(ascii: "\"")
            out[1] = UInt8(ascii: ":")
            out[2] = UInt8(ascii: " ")
            return out + 3 - start
        }
    }

    /// Starts an object member whose name is not a literal (escaped as any string).
    mutating func key(dynamic name: String) {
        separate()
        string(name)
        write(2) { out in
            out[0] = UInt8(ascii: ":")
            out[1] = UInt8(ascii: " ")
            return 2
        }
    }

    /// Starts an array element; the value follows.
    mutating func element() { separate() }

    /// A string value.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { source in
            write(6 * source.count + 2) { Self.escape(source, into: $0) }
        }
    }

    /// A string value given as its UTF-8 bytes (valid UTF-8: a snapshot record's).
    mutating func string(utf8 source: UnsafeRawBufferPointer) {
        let bytes = source.bindMemory(to: UInt8.self)
        write(6 * bytes.count + 2) { Self.escape(bytes, into: $0) }
    }

    /// One string value made of `parts` joined by `separator` (ASCII), escaped as the joined
    /// string would be: an escape never spans a part's end, as valid UTF-8 parts end whole.
    mutating func joinedString<S: Sequence>(_ parts: S, separator: StaticString) where S.Element == UnsafeRawBufferPointer {
        raw(0x22)
        var first = true
        for part in parts {
            if !first { append(separator) }
            first = false
            let bytes = part.bindMemory(to: UInt8.self)
            write(6 * bytes.count) { Self.escapeBody(bytes, into: $0) }
        }
        raw(0x22)
    }

    /// A date as a `YYYY-MM-DD` string (``CalendarDate/description``).
    mutating func date(_ date: CalendarDate) {
        let year = date.year, month = date.month, day = date.day
        write(12) { out in
            @inline(__always) func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10) }
            out[0] = 0x22
            out[1] = digit(year / 1000)
            out[2] = digit(year / 100)
            out[3] = digit(year / 10)
            out[4] = digit(year)
            out[5] = UInt8(ascii: "-")
            out[6] = digit(month / 10)
            out[7] = digit(month)
            out[8] = UInt8(ascii: "-")
            out[9] = digit(day / 10)
            out[10] = digit(day)
            out[11] = 0x22
            return 12
        }
    }

    /// A string value, or `null` when there is none.
    mutating func optional(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// `null`.
    mutating func null() {
        write(4) { out in
            out[0] = 0x6E
            out[1] = 0x75
            out[2] = 0x6C
            out[3] = 0x6C
            return 4
        }
    }

    /// An integer value.
    mutating func int(_ value: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for any Int
        withUnsafeMutableBytes(of: &digits) { scratch in
            var magnitude = value.magnitude
            var index = scratch.count
            repeat {
                index -= 1
                scratch[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                scratch[index] = UInt8(ascii: "-")
            }
            let length = scratch.count - index
            write(length) { out in
                out.update(from: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + index, count: length)
                return length
            }
        }
    }

    /// A boolean value.
    mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    /// Any ``JSONValue``, indented to the current depth.
    mutating func value(_ value: JSONValue) {
        var bytes: [UInt8] = []
        value.write(into: &bytes, pretty: true, depth: depth)
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// An array of strings.
    mutating func strings<S: Sequence>(_ values: S) where S.Element == String {
        beginArray()
        for value in values {
            element()
            string(value)
        }
        endArray()
    }

    /// An array of programme ids, copied from the id table's bytes (no strings made).
    mutating func strings(_ ids: ProgrammeIDList) {
        beginArray()
        ids.withEachUTF8 { id in
            element()
            string(utf8: id)
        }
        endArray()
    }

    /// `key: string`.
    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Appends raw bytes (a final newline, say).
    mutating func raw(_ byte: UInt8) {
        write(1) { out in
            out.pointee = byte
            return 1
        }
    }

    mutating func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        write(length) { out in
            out.update(from: text.utf8Start, count: length)
            return length
        }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        write(bytes.count) { out in
            out.update(from: start, count: bytes.count)
            return bytes.count
        }
    }

    private mutating func open(_ bracket: UInt8) {
        raw(bracket)
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isFirst { newline() }
        raw(bracket)
        isFirst = false
    }

    private mutating func separate() {
        let spaces = 2 * depth
        let comma = !isFirst
        isFirst = false
        write(spaces + 2) { start in
            var out = start
            if comma {
                out.pointee = UInt8(ascii: ",")
                out += 1
            }
            out.pointee = 0x0A
            (out + 1).update(repeating: 0x20, count: spaces)
            return out + 1 + spaces - start
        }
    }

    private mutating func newline() {
        let spaces = 2 * depth
        write(spaces + 1) { out in
            out.pointee = 0x0A
            (out + 1).update(repeating: 0x20, count: spaces)
            return spaces + 1
        }
    }

    /// Writes `source` as a JSON string literal at `out` (which has room for `6 × count + 2`
    /// bytes) and returns how many bytes that took: the escapes of ``JSONValue/writeString(_:into:)``
    /// — quotes, backslashes, control characters, `<` and U+2028/U+2029.
    static func escape(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = 0x22
        let written = 1 + escapeBody(source, into: out + 1)
        out[written] = 0x22
        return written + 1
    }

    /// ``escape(_:into:)`` without the quotes (room for `6 × count` bytes).
    ///
    /// Written without nested functions: those capture the loop's variables, which then live
    /// in a heap box allocated on every call.
    static func escapeBody(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = source.count
        guard let bytes = source.baseAddress, count > 0 else { return 0 }
        var written = 0, index = 0, runStart = 0
        while index < count {
            // Eight bytes at a time while none may need an escape.
            if index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                if !mayNeedEscape(word) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0xE2 else {
                index += 1
                continue
            }
            var escaped: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x5C, 0, 0, 0, 0, 0)
            var length = 2, consumed = 1
            switch byte {
            case 0xE2:
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                // U+2028 / U+2029 as \u2028 / \u2029: safe inside a <script> block.
                escaped = (0x5C, 0x75, 0x32, 0x30, 0x32, bytes[index + 2] == 0xA8 ? 0x38 : 0x39)
                length = 6
                consumed = 3
            case 0x22: escaped.1 = 0x22
            case 0x5C: escaped.1 = 0x5C
            case 0x0A: escaped.1 = 0x6E
            case 0x0D: escaped.1 = 0x72
            case 0x09: escaped.1 = 0x74
            default:
                // "<" as \u003c (JSON embedded in HTML can never close a script element) and
                // the other control characters as \u00XX.
                escaped = (0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF))
                length = 6
            }
            if index > runStart {
                (out + written).update(from: bytes + runStart, count: index - runStart)
                written += index - runStart
            }
            withUnsafeBytes(of: escaped) { (out + written).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length) }
            written += length
            index += consumed
            runStart = index
        }
        if count > runStart {
            (out + written).update(from: bytes + runStart, count: count - runStart)
            written += count - runStart
        }
        return written
    }

    /// `0`–`9`, `a`–`f`.
    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }

    /// Whether any of the eight bytes in `word` is below 0x20 or one of `"`, `\`, `<`, 0xE2
    /// (exact as a yes/no: the classic "has a zero byte" test on `word` and on `word` XOR each
    /// byte value, and the "has a byte less than n" test for the controls).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let controls = (word &- ones &* 0x20) & ~word & highs
        return (controls | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C))
            | hasZero(word ^ (ones &* 0x3C)) | hasZero(word ^ (ones &* 0xE2))) != 0
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
