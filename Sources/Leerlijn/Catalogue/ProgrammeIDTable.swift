/// The catalogue's programme ids in id order, as one block of UTF-8 with end offsets: a
/// snapshot stores it as it is, and a lookup by id is a binary search that makes a string of
/// only the ids it compares (about 17 for 100,000 programmes).
struct ProgrammeIDTable: Sendable, Equatable {
    /// The ids' UTF-8, one after another.
    let bytes: [UInt8]
    /// Where each id ends in `bytes`.
    let ends: [UInt32]

    /// The table of `ids`, which are sorted (Swift's `<` on `String`).
    init(_ ids: [String]) {
        var bytes: [UInt8] = [], ends: [UInt32] = []
        ends.reserveCapacity(ids.count)
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// A table read back; `nil` unless the ends rise and stay within `bytes`.
    init?(bytes: [UInt8], ends: [UInt32]) {
        var previous: UInt32 = 0
        for end in ends {
            guard end >= previous, Int(end) <= bytes.count else { return nil }
            previous = end
        }
        guard Int(previous) == bytes.count else { return nil }
        self.bytes = bytes
        self.ends = ends
    }

    var count: Int { ends.count }

    subscript(position: Int) -> String {
        let start = position == 0 ? 0 : Int(ends[position - 1]), end = Int(ends[position])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
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
}

/// Programme ids kept as positions in the catalogue's ``ProgrammeIDTable``: reading an element
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
        let ends = table.ends
        table.bytes.withUnsafeBytes { bytes in
            for position in positions {
                let p = Int(position), start = p == 0 ? 0 : Int(ends[p - 1])
                body(UnsafeRawBufferPointer(rebasing: bytes[start..<Int(ends[p])]))
            }
        }
    }

    /// The ids' UTF-8 length, summed.
    var utf8Count: Int {
        positions.reduce(0) { total, position in
            let p = Int(position)
            return total + Int(table.ends[p]) - (p == 0 ? 0 : Int(table.ends[p - 1]))
        }
    }

    public static func == (lhs: ProgrammeIDList, rhs: ProgrammeIDList) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for id in self { hasher.combine(id) }
    }
}
