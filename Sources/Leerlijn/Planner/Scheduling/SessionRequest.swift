/// A session to place: who, what, and the window it must fall in.
struct SessionRequest: Sendable {
    let programmeID: String
    let targetID: String
    let part: Int
    let parts: Int
    let participants: Int
    let earliest: CalendarDate
    let latest: CalendarDate
    let isRefresher: Bool
    let requirementIDs: [String]
}
