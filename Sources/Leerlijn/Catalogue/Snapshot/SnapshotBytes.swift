/// Why a snapshot was not used: it is damaged, from another version or another user, or stale.
struct SnapshotRejection: Error, CustomStringConvertible {
    let description: String
    /// Whether the user hears of it: damage and foreign files yes; a snapshot that is merely
    /// out of date (a source changed, another Leerlijn version) is replaced without a word.
    let isNoteworthy: Bool
    init(_ description: String) {
        self.description = description
        isNoteworthy = true
    }
    init(quiet description: String) {
        self.description = description
        isNoteworthy = false
    }
}

/// Appends the snapshot's primitive encodings: LEB128 unsigned varints, zig-zag signed ones,
/// length-prefixed UTF-8 strings, little-endian 64-bit words.
struct SnapshotSink {
    var bytes: [UInt8] = []

    mutating func uint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) {
        let wide = Int64(value)
        uint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func count(_ value: Int) { uint(UInt64(value)) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    mutating func optional<T>(_ value: T?, _ body: (inout SnapshotSink, T) -> Void) {
        if let value {
            bytes.append(1)
            body(&self, value)
        } else {
            bytes.append(0)
        }
    }

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func words(_ values: [UInt64]) {
        count(values.count)
        for value in values { word(value) }
    }
}

/// Reads what ``SnapshotSink`` wrote, checking every bound: a damaged snapshot is a
/// ``SnapshotRejection``, never a crash or a wrong value that passes unnoticed (the caller
/// checks the checksums first; the bounds are a second line).
struct SnapshotSource {
    let base: UnsafeRawBufferPointer
    var offset: Int
    let end: Int

    init(_ base: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        self.base = base
        self.offset = start
        self.end = min(end ?? base.count, base.count)
    }

    var isAtEnd: Bool { offset >= end }

    mutating func byte() throws(SnapshotRejection) -> UInt8 {
        guard offset < end else { throw SnapshotRejection("truncated at byte \(offset)") }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func uint() throws(SnapshotRejection) -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw SnapshotRejection("varint too long at byte \(offset)") }
            result |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func int() throws(SnapshotRejection) -> Int {
        let raw = try uint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of items that each take at least one byte, so a damaged count cannot make a
    /// reader allocate more than the snapshot holds.
    mutating func count() throws(SnapshotRejection) -> Int {
        let raw = try uint()
        guard raw <= UInt64(end - offset) else { throw SnapshotRejection("count \(raw) over the remaining bytes at byte \(offset)") }
        return Int(raw)
    }

    /// A non-negative number that is not a count of following items (a position, a length
    /// elsewhere in the file), at most 2^40.
    mutating func natural() throws(SnapshotRejection) -> Int {
        let raw = try uint()
        guard raw <= 1 << 40 else { throw SnapshotRejection("number \(raw) out of range at byte \(offset)") }
        return Int(raw)
    }

    mutating func bool() throws(SnapshotRejection) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        case let other: throw SnapshotRejection("bad boolean \(other) at byte \(offset - 1)")
        }
    }

    mutating func string() throws(SnapshotRejection) -> String {
        let length = try count()
        let start = offset
        offset += length
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[start..<(start + length)]), as: UTF8.self)
    }

    mutating func strings() throws(SnapshotRejection) -> [String] {
        let n = try count()
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }

    mutating func optional<T>(_ body: (inout SnapshotSource) throws(SnapshotRejection) -> T) throws(SnapshotRejection) -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try body(&self)
        case let other: throw SnapshotRejection("bad optional tag \(other) at byte \(offset - 1)")
        }
    }

    mutating func word() throws(SnapshotRejection) -> UInt64 {
        guard end - offset >= 8 else { throw SnapshotRejection("truncated at byte \(offset)") }
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + 8)])) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    /// A run of little-endian 64-bit words left where it lies: its count and where it starts.
    mutating func wordRun() throws(SnapshotRejection) -> (count: Int, start: Int) {
        let raw = try uint()
        guard raw <= UInt64(end - offset) / 8 else { throw SnapshotRejection("word count \(raw) over the remaining bytes") }
        let start = offset
        offset += Int(raw) * 8
        return (Int(raw), start)
    }

    /// A run of little-endian 64-bit words, copied out.
    mutating func words() throws(SnapshotRejection) -> [UInt64] {
        let (n, start) = try wordRun()
        return [UInt64](unsafeUninitializedCapacity: n) { buffer, initialised in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: base[start..<(start + n * 8)]))
            initialised = n
            #if _endian(big)
            for i in 0..<n { buffer[i] = UInt64(littleEndian: buffer[i]) }
            #endif
        }
    }
}

/// A fast 64-bit checksum (FNV-1a-style multiply and shift over 64-bit words, in four lanes,
/// then the tail bytes): detects a damaged or truncated section — every step is a bijection,
/// so a change confined to one word always changes the sum; ownership checks, not this, keep
/// other users' snapshots out.
enum SnapshotChecksum {
    /// Four independent lanes over 32-byte blocks (so the multiplications overlap), then the
    /// remaining words and bytes, then the lanes folded together with the length.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x9e37_79b9_7f4a_7c15,
                                                       0xc2b2_ae3d_27d4_eb4f, 0x1656_67b1_9e37_79f9)
        @inline(__always) func mix(_ hash: inout UInt64, _ word: UInt64) {
            hash = (hash ^ word) &* prime
            hash ^= hash >> 29
        }
        let blocks = bytes.count / 32
        for block in 0..<blocks {
            let at = block * 32
            mix(&lanes.0, bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            mix(&lanes.1, bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            mix(&lanes.2, bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            mix(&lanes.3, bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
        }
        var hash = lanes.0
        mix(&hash, lanes.1)
        mix(&hash, lanes.2)
        mix(&hash, lanes.3)
        var at = blocks * 32
        while at + 8 <= bytes.count {
            mix(&hash, bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            at += 8
        }
        while at < bytes.count {
            hash = (hash ^ UInt64(bytes[at])) &* prime
            at += 1
        }
        return hash ^ UInt64(bytes.count)
    }
}
