/// Places sessions on days: inside the period, on allowed weekdays, outside blackouts, at
/// most `sessionsPerDay` a day and `maxSessionsPerWeek` an ISO week (Monday to Sunday).
///
/// Requests are placed in the order given (staff first, then learner groups, then parents,
/// then refreshers), each on the earliest day inside its own window that still has room —
/// training early leaves the rest of the period free and keeps the result deterministic.
/// Because days before the first day with room can never regain room, a moving cursor makes
/// placement linear in the number of days plus sessions.
struct SessionScheduler {
    let start: CalendarDate
    let end: CalendarDate
    let constraints: SchedulingConstraints
    private let startDay: Int
    private var open: [Bool]
    private var perDay: [Int]
    private var perWeek: [Int]
    private let weekOffset: Int
    private var cursor = 0

    init(start: CalendarDate, end: CalendarDate, constraints: SchedulingConstraints, blackouts: [BlackoutPeriod]) {
        self.start = start
        self.end = end
        self.constraints = constraints
        startDay = start.daysSinceEpoch
        let count = max(0, end.daysSinceEpoch - startDay + 1)
        var allowed = [Bool](repeating: false, count: 8)
        for day in constraints.allowedWeekdays where (1...7).contains(day) { allowed[day] = true }
        let firstWeekday = start.isoWeekday
        var open = [Bool](repeating: false, count: count)
        for offset in 0..<count { open[offset] = allowed[(firstWeekday - 1 + offset) % 7 + 1] }
        for blackout in blackouts {
            let from = max(0, blackout.start.daysSinceEpoch - startDay)
            let to = min(count - 1, blackout.end.daysSinceEpoch - startDay)
            if from <= to { for offset in from...to { open[offset] = false } }
        }
        self.open = open
        perDay = [Int](repeating: 0, count: count)
        weekOffset = firstWeekday - 1
        perWeek = [Int](repeating: 0, count: (count + weekOffset) / 7 + 1)
    }

    /// The number of days in the period on which sessions may be held at all.
    var openDays: Int { open.reduce(0) { $0 + ($1 ? 1 : 0) } }

    private func hasRoom(_ offset: Int) -> Bool {
        open[offset] && perDay[offset] < constraints.sessionsPerDay
            && perWeek[(offset + weekOffset) / 7] < constraints.maxSessionsPerWeek
    }

    /// Places one request; returns its date, or `nil` when no day in its window has room.
    mutating func place(_ request: SessionRequest) -> CalendarDate? {
        let count = open.count
        while cursor < count, !hasRoom(cursor) { cursor += 1 }
        var offset = max(cursor, request.earliest.daysSinceEpoch - startDay)
        let last = min(count - 1, request.latest.daysSinceEpoch - startDay)
        while offset <= last {
            if hasRoom(offset) {
                perDay[offset] += 1
                perWeek[(offset + weekOffset) / 7] += 1
                return CalendarDate(daysSinceEpoch: startDay + offset)
            }
            let week = (offset + weekOffset) / 7
            if perWeek[week] >= constraints.maxSessionsPerWeek {
                offset = (week + 1) * 7 - weekOffset
            } else {
                offset += 1
            }
        }
        return nil
    }

    /// Why `request` could not be placed.
    func reason(for request: SessionRequest) -> String {
        let from = max(request.earliest, start), to = min(request.latest, end)
        guard from <= to else {
            return "its window \(request.earliest) to \(request.latest) lies outside the schedulable period \(start) to \(end)"
        }
        let first = from.daysSinceEpoch - startDay, last = to.daysSinceEpoch - startDay
        let usable = (first...last).filter { open[$0] }.count
        if usable == 0 {
            return "no allowed day between \(from) and \(to) (allowed weekdays: "
                + constraints.allowedWeekdays.sorted().map(Weekday.name).joined(separator: ", ")
                + "; blackouts excluded)"
        }
        return "all \(usable) allowed days between \(from) and \(to) are full "
            + "(at most \(constraints.sessionsPerDay) a day and \(constraints.maxSessionsPerWeek) a week)"
    }
}
