/// Small text conversions shared by the exporters, so every format spells a value the same way.
enum ExportText {
    /// A year as `xs:gYear` wants it: at least four digits.
    static func year(_ year: Int) -> String {
        let digits = String(abs(year))
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return year < 0 ? "-" + padded : padded
    }

    /// Midnight UTC of `date` as an RFC 3339 timestamp (`2026-11-29T00:00:00Z`).
    static func timestamp(_ date: CalendarDate) -> String {
        date.description + "T00:00:00Z"
    }

    /// `4-12`: the ASCII form used in feeds, JSON-LD and data attributes.
    static func ages(_ range: AgeRange) -> String {
        "\(range.min)-\(range.max)"
    }

    /// Whether `url` is an absolute http(s) URL without whitespace or control characters,
    /// the only kind of address any export links to.
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = lower.hasPrefix("https://") ? url.utf8.dropFirst(8) : url.utf8.dropFirst(7)
        guard let first = rest.first, first != UInt8(ascii: "/") else { return false }
        return !url.utf8.contains { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\\")
            || $0 == UInt8(ascii: "`") }
    }

    /// The programme's first publishable web address, preferring its own website.
    static func primaryURL(of programme: Programme) -> String? {
        let usable = programme.urls.filter { isWebURL($0.url) }
        return (usable.first { $0.kind == "website" } ?? usable.first)?.url
    }

    /// The date a programme ended, for tombstones: its status date, else its last valid day,
    /// else (unknown) the record's last change.
    static func endDate(of programme: Programme) -> CalendarDate {
        if case .ended(let date?, _) = programme.status { return date }
        return programme.validUntil ?? programme.lastModified
    }

    /// The newest `lastModified` among `programmes`, or of the whole catalogue when the
    /// selection is empty, or 1970-01-01 for an empty catalogue: never the wall clock.
    static func newestModification(of programmes: [Programme], catalogue: Catalogue) -> CalendarDate {
        if let newest = programmes.lazy.map(\.lastModified).max() { return newest }
        return catalogue.newestModification
    }

    /// Replaces C0 controls other than tab, LF and CR, DEL and U+FFFE/U+FFFF with U+FFFD.
    ///
    /// Used for formats without their own escaping for such characters (CSV, HTML).
    static func withoutControlCharacters(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xEF })
        else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: scalars.append(scalar)
            case 0..<0x20, 0x7F, 0xFFFE, 0xFFFF: scalars.append("\u{FFFD}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
