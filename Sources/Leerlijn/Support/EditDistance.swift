/// Levenshtein distance, for "did you mean" suggestions.
public enum EditDistance {
    /// The edit distance between two strings, compared by Unicode scalars.
    public static func between(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }

    /// The candidates nearest to `value`, best first, ties in the candidates' order; a candidate
    /// that contains `value` (or is contained in it) counts as near.
    public static func nearest(to value: String, among candidates: [String], limit: Int) -> [String] {
        let lowered = value.lowercased()
        let scored = candidates.enumerated().map { offset, candidate -> (Int, Int, String) in
            var distance = between(lowered, candidate)
            if !lowered.isEmpty, candidate.contains(lowered) || lowered.contains(candidate) {
                distance = min(distance, 1)
            }
            return (distance, offset, candidate)
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }
}
