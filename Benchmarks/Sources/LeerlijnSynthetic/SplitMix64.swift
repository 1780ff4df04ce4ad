/// A small, fast, seeded pseudo-random generator (SplitMix64), so that synthetic data is the
/// same on every machine and every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly chosen integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    /// `count` distinct elements of `pool`, in pool order.
    public mutating func pick<T>(_ count: Int, from pool: [T]) -> [T] {
        guard !pool.isEmpty else { return [] }
        var chosen = Set<Int>()
        while chosen.count < min(count, pool.count) { chosen.insert(int(in: 0...(pool.count - 1))) }
        return chosen.sorted().map { pool[$0] }
    }
}
