/// The catalogue's programme ids in id order, as one block of UTF-8 with end offsets: a
/// snapshot stores it as it is (and a warm run reads it where it lies), and a lookup by id is a
/// binary search that makes a string of only the ids it compares (about 17 for 100,000
/// programmes).
///
/// Layout, in memory and in a snapshot: `count` little-endian 32-bit end offsets, then the
/// ids' UTF-8 one after another.
struct ProgrammeIDTable: @unchecked Sendable, Equatable {
    /// Keeps the bytes alive: a snapshot's section, or a block made here (read-only either
    /// way, so sharing it between threads is safe).
    private let storage: SnapshotRegion
    /// Where the ends start in `storage`.
    private let start: Int
    let count: Int
    /// The ids' UTF-8, one after another.
    let utf8: UnsafeRawBufferPointer

    /// The table of `ids`, which are sorted (Swift's `<` on `String`).
    init(_ ids: [String]) {
        let total = ids.reduce(0) { $0 + $1.utf8.count }
        let block = SnapshotRegion.Copy(count: 4 * ids.count + total)
        var end = 0
        for (i, id) in ids.enumerated() {
            var id = id
            id.withUTF8 { utf8 in
                let start = 4 * ids.count + end
                UnsafeMutableRawBufferPointer(rebasing: block.bytes[start..<(start + utf8.count)]).copyMemory(from: UnsafeRawBufferPointer(utf8))
                end += utf8.count
            }
            block.bytes.storeBytes(of: UInt32(truncatingIfNeeded: end).littleEndian, toByteOffset: 4 * i, as: UInt32.self)
        }
        self.init(storage: SnapshotRegion(UnsafeRawBufferPointer(block.bytes), owner: block), start: 0, count: ids.count)
    }

    /// The table of `count` ids laid out from byte `start` of `storage`, to its end; `nil`
    /// unless the ends rise and the last one is the end of `storage`.
    init?(stored storage: SnapshotRegion, start: Int, count: Int) {
        let raw = storage.raw
        guard start >= 0, count >= 0, count <= (raw.count - start) / 4 else { return nil }
        let bytes = raw.count - start - 4 * count
        var previous: UInt32 = 0, rising = true
        for i in 0..<count {
            let end = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self))
            rising = rising && end >= previous
            previous = end
        }
        guard rising, Int(previous) == bytes else { return nil }
        self.init(storage: storage, start: start, count: count)
    }

    private init(storage: SnapshotRegion, start: Int, count: Int) {
        self.storage = storage
        self.start = start
        self.count = count
        utf8 = UnsafeRawBufferPointer(rebasing: storage.raw[(start + 4 * count)...])
    }

    /// The ends, as stored (`count` little-endian 32-bit offsets).
    var endBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage.raw[start..<(start + 4 * count)]) }

    /// Where id `position` ends in ``utf8``.
    @inline(__always)
    func end(_ position: Int) -> Int {
        precondition(position >= 0 && position < count, "programme id position out of range")
        return Int(UInt32(littleEndian: storage.raw.loadUnaligned(fromByteOffset: start + 4 * position, as: UInt32.self)))
    }

    /// The UTF-8 of id `position` (valid while the table lives).
    @inline(__always)
    func utf8(at position: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: utf8[(position == 0 ? 0 : end(position - 1))..<end(position)])
    }

    subscript(position: Int) -> String {
        let bytes = utf8(at: position)
        return withExtendedLifetime(storage) { String(decoding: bytes, as: UTF8.self) }
    }

    /// Every id, as strings.
    var all: [String] { (0..<count).map { self[$0] } }

    /// The position of `id`, found by binary search in the sorted ids.
    func position(of id: String) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2, probe = self[middle]
            if probe == id { return middle }
            if probe < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    static func == (lhs: ProgrammeIDTable, rhs: ProgrammeIDTable) -> Bool {
        withExtendedLifetime((lhs.storage, rhs.storage)) {
            lhs.count == rhs.count && lhs.endBytes.elementsEqual(rhs.endBytes) && lhs.utf8.elementsEqual(rhs.utf8)
        }
    }
}

/// Programme ids kept as positions in the catalogue's id table: reading an element
/// makes its string, and writers copy the ids' bytes without making strings. A plan at
/// 100,000 programmes lists tens of thousands of candidate ids; made into strings they cost
/// more than the planning.
public struct ProgrammeIDList: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    let table: ProgrammeIDTable
    let positions: [Int32]

    /// The ids at `positions` of `table` (each in range).
    init(table: ProgrammeIDTable, positions: [Int32]) {
        self.table = table
        self.positions = positions
    }

    /// A list of `ids`, in the given order.
    public init(_ ids: [String]) {
        table = ProgrammeIDTable(ids)
        positions = (0..<ids.count).map { Int32(truncatingIfNeeded: $0) }
    }

    public init(arrayLiteral ids: String...) { self.init(ids) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> String { table[Int(positions[index])] }

    public var description: String { Array(self).description }

    /// The UTF-8 bytes of every id in order, each passed to `body` (valid while it runs).
    func withEachUTF8(_ body: (UnsafeRawBufferPointer) -> Void) {
        withExtendedLifetime(table) {
            for position in positions { body(table.utf8(at: Int(position))) }
        }
    }

    /// The ids' UTF-8 length, summed.
    var utf8Count: Int {
        positions.reduce(0) { $0 + table.utf8(at: Int($1)).count }
    }

    public static func == (lhs: ProgrammeIDList, rhs: ProgrammeIDList) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for id in self { hasher.combine(id) }
    }
}
