/// An inclusive range of learner ages in whole years.
public struct AgeRange: Sendable, Hashable, CustomStringConvertible {
    /// The youngest age, inclusive.
    public var min: Int
    /// The oldest age, inclusive.
    public var max: Int

    /// Creates a range; callers validate `min <= max`.
    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    /// Whether `age` lies inside the range (both ends inclusive).
    public func contains(_ age: Int) -> Bool { age >= min && age <= max }

    /// Whether the two ranges share at least one age.
    public func overlaps(_ other: AgeRange) -> Bool { min <= other.max && other.min <= max }

    /// Whether the whole of `other` lies inside this range.
    public func covers(_ other: AgeRange) -> Bool { min <= other.min && other.max <= max }

    /// `4–12`.
    public var description: String { "\(min)–\(max)" }
}
