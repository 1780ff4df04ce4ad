import Foundation
import PropertyBased
import Testing
@testable import Leerlijn

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("Day numbers, ISO text and weekdays agree with Foundation's Gregorian calendar in UTC")
    func agreesWithFoundation() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        await propertyCheck(count: 500, input: Gen<Int>.value(in: -140_000...2_932_896)) { days in
            // From 1587 on: Foundation's Gregorian calendar is Julian before the 1582 reform; ours is proleptic.
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CalendarDate(iso: date.description) == date)
            let reference = Date(timeIntervalSince1970: TimeInterval(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: reference)
            #expect(parts.year == date.year && parts.month == date.month && parts.day == date.day)
            // Foundation: 1 = Sunday … 7 = Saturday; ISO: 1 = Monday … 7 = Sunday.
            #expect(((parts.weekday ?? 0) + 5) % 7 + 1 == date.isoWeekday)
        }
    }

    @Test("Invalid dates are refused", arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "abcd-ef-gh", ""])
    func invalid(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test("Month arithmetic clamps to the month's last day")
    func months() {
        #expect(CalendarDate(iso: "2026-01-31")?.adding(months: 1).description == "2026-02-28")
        #expect(CalendarDate(iso: "2024-01-31")?.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2026-11-29")?.adding(months: -11).description == "2025-12-29")
    }
}
