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
