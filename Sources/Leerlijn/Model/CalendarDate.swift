/// A calendar day (proleptic Gregorian), without time or time zone.
///
/// Dates are compared and counted as days since 1970-01-01, computed arithmetically so that
/// results never depend on the machine's calendar or time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a date when the components form a real day; `nil` otherwise.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else.
    public init?(iso string: String) {
        let bytes = Array(string.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Creates a date from components known to form a real day (constants in this module).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day numbers of 0001-01-01 and 9999-12-31, the range a date can hold.
    static let representableDays = -719_162...2_932_896

    /// Creates the date `days` days after 1970-01-01, clamped to 0001-01-01…9999-12-31 so that
    /// no day count, however large, can overflow or leave the four-digit years.
    public init(daysSinceEpoch days: Int) {
        let days = Swift.min(Swift.max(days, Self.representableDays.lowerBound), Self.representableDays.upperBound)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let d = daysSinceEpoch
        // 1970-01-01 was a Thursday (4).
        return ((d % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The date `count` days later (earlier when negative), clamped to the representable years.
    public func adding(days count: Int) -> CalendarDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(count)
        return CalendarDate(daysSinceEpoch: overflow ? (count < 0 ? Int.min : Int.max) : sum)
    }

    /// The same day `count` months later, clamped to the month's last day and to the
    /// representable years (0001–9999), so no count can overflow.
    public func adding(months count: Int) -> CalendarDate {
        let months = year * 12 + (month - 1)
        let lowest = 12, highest = 9999 * 12 + 11
        let (sum, overflow) = months.addingReportingOverflow(count)
        let total = overflow ? (count < 0 ? lowest : highest) : Swift.min(Swift.max(sum, lowest), highest)
        let y = total / 12, m = total % 12 + 1
        let d = Swift.min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(year: y, month: m, day: d) ?? self
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written digit by digit: every export writes several dates per programme.
        let digits: (Int) -> UInt8 = { UInt8(ascii: "0") + UInt8($0 % 10) }
        let bytes: [UInt8] = [digits(year / 1000), digits(year / 100), digits(year / 10), digits(year),
                              UInt8(ascii: "-"), digits(month / 10), digits(month),
                              UInt8(ascii: "-"), digits(day / 10), digits(day)]
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
