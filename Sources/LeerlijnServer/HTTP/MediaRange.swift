/// One entry of an `Accept` or `Accept-Encoding` header, with its quality.
struct MediaRange: Sendable, Hashable {
    /// `type/subtype`, lower-cased, or a coding such as `gzip`.
    var value: String
    /// The `q` weight, 0…1.
    var quality: Double

    /// Parses a comma-separated header; malformed entries are skipped, a missing `q` is 1.
    static func parse(_ header: String) -> [MediaRange] {
        header.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
            guard let first = parts.first, !first.isEmpty else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " \t") }
                if pair.count == 2, pair[0].lowercased() == "q" {
                    guard let q = Double(pair[1]), q >= 0, q <= 1 else { return nil }
                    quality = q
                }
            }
            return MediaRange(value: first.lowercased(), quality: quality)
        }
    }

    /// How well this range matches `mediaType` (`type/subtype`): 3 exact, 2 `type/*`, 1 `*/*`, 0 not.
    func specificity(for mediaType: String) -> Int {
        if value == mediaType { return 3 }
        if value == "*/*" { return 1 }
        if value.hasSuffix("/*"), mediaType.hasPrefix(value.dropLast()) { return 2 }
        return 0
    }

    /// The variant of `offers` (media type → value, in the server's order of preference) that
    /// the `Accept` header prefers, the first offer when there is no header, or nil when the
    /// header accepts none of them (406).
    static func negotiate<Value>(_ accept: String?, offers: [(mediaType: String, value: Value)]) -> Value? {
        guard let accept, !accept.trimmingCharacters(in: " \t").isEmpty else { return offers.first?.value }
        let ranges = parse(accept)
        guard !ranges.isEmpty else { return offers.first?.value }
        var best: (quality: Double, index: Int)?
        for (index, offer) in offers.enumerated() {
            let match = ranges.map { ($0.specificity(for: offer.mediaType), $0.quality) }.filter { $0.0 > 0 }.max { $0.0 < $1.0 }
            guard let quality = match?.1, quality > 0 else { continue }
            if best == nil || quality > (best?.quality ?? 0) { best = (quality, index) }
        }
        return best.map { offers[$0.index].value }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String { Substring(self).trimmingCharacters(in: set) }
}
