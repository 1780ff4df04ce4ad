/// Sessions to place for one delivery: who, what, how many parts, and the window they must
/// fall in. Parts are placed one by one; they are never built as a list up front, so a
/// delivery of a hundred thousand parts costs nothing once the calendar is full.
struct SessionRequest: Sendable {
    let programmeID: String
    let targetID: String
    /// How many sessions the delivery needs (participants split as evenly as possible).
    let parts: Int
    /// Everyone the delivery is for.
    let headcount: Int
    let earliest: CalendarDate
    let latest: CalendarDate
    let isRefresher: Bool
    let requirementIDs: [String]

    /// Participants of 1-based `part`.
    func participants(part: Int) -> Int {
        let base = headcount / parts, extra = headcount % parts
        return base + (part <= extra ? 1 : 0)
    }

    /// Participants of parts `first`…`last`, without summing them one by one.
    func participants(from first: Int, through last: Int) -> Int {
        let base = headcount / parts, extra = headcount % parts
        let count = last - first + 1
        let withExtra = max(0, min(last, extra) - first + 1)
        return base * count + withExtra
    }
}
