/// A small seeded generator (SplitMix64) for the property tests, so a failing seed can be replayed.
struct TestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly chosen integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    /// `count` distinct elements of `pool`, in pool order.
    mutating func pick<T>(_ count: Int, from pool: [T]) -> [T] {
        Array(pool.indices.shuffled(using: &self).prefix(count)).sorted().map { pool[$0] }
    }

    /// One element of a non-empty `pool`.
    mutating func element<T>(of pool: [T]) -> T { pool[int(in: 0...(pool.count - 1))] }
}
