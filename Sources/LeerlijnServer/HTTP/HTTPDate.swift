import Leerlijn

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out, IMF-fixdate in.
///
/// Written by hand so that no formatter or locale is involved: `Sun, 06 Nov 1994 08:49:37 GMT`.
/// The obsolete RFC 850 and asctime forms are not parsed; a header that does not parse is
/// ignored, as RFC 9110 asks for `If-Modified-Since`.
enum HTTPDate {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// IMF-fixdate for seconds since 1970-01-01T00:00:00Z.
    static func format(_ seconds: Int64) -> String {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - day * 86_400
        let date = CalendarDate(daysSinceEpoch: Int(clamping: day))
        let (year, month, dayOfMonth) = (date.year, date.month, date.day)
        let weekday = days[Int(((day % 7) + 7) % 7)]
        return "\(weekday), \(two(dayOfMonth)) \(months[month - 1]) \(year) "
            + "\(two(Int(time / 3600))):\(two(Int(time / 60 % 60))):\(two(Int(time % 60))) GMT"
    }

    /// Seconds since the epoch for an IMF-fixdate, or nil.
    static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", parts[0].hasSuffix(","),
              let day = Int(parts[1]), parts[1].count == 2,
              let monthIndex = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3]), parts[3].count == 4 else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second),
              (1...31).contains(day) else { return nil }
        guard let date = CalendarDate(year: year, month: monthIndex + 1, day: day) else { return nil }
        return Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
