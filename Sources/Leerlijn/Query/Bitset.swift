/// A fixed-size set of small integers stored as 64-bit words, for index intersections.
public struct Bitset: Sendable, Hashable {
    /// The words; bit `i % 64` of word `i / 64` is member `i`.
    public private(set) var words: [UInt64]
    /// The universe size.
    public let count: Int

    /// An empty set over `0..<count`.
    public init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// A set from its words (a snapshot); bits past `count` must be clear.
    init(words: [UInt64], count: Int) {
        var words = words
        let extra = words.count * 64 - count
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
        self.words = words
        self.count = count
    }

    /// The full set over `0..<count`.
    public static func full(count: Int) -> Bitset {
        var set = Bitset(count: count)
        for index in set.words.indices { set.words[index] = ~0 }
        let extra = set.words.count * 64 - count
        if extra > 0, !set.words.isEmpty { set.words[set.words.count - 1] >>= UInt64(extra) }
        return set
    }

    /// Adds a member.
    public mutating func insert(_ member: Int) {
        words[member >> 6] |= 1 << UInt64(member & 63)
    }

    /// Whether `member` is in the set.
    public func contains(_ member: Int) -> Bool {
        member >= 0 && member < count && words[member >> 6] & (1 << UInt64(member & 63)) != 0
    }

    /// Keeps only members also in `other`.
    public mutating func formIntersection(_ other: Bitset) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<min(mine.count, theirs.count) { mine[index] &= theirs[index] }
            }
        }
    }

    /// Adds every member of `other`.
    public mutating func formUnion(_ other: Bitset) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<min(mine.count, theirs.count) { mine[index] |= theirs[index] }
            }
        }
    }

    /// Removes a member.
    public mutating func remove(_ member: Int) {
        words[member >> 6] &= ~(1 << UInt64(member & 63))
    }

    /// The number of members.
    public var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The members in increasing order.
    public var members: [Int] {
        var result: [Int] = []
        result.reserveCapacity(cardinality)
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                result.append(wordIndex << 6 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
