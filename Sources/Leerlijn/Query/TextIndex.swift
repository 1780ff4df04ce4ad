/// An inverted index over titles and summaries in both languages, folded for case and
/// diacritics, with sorted tokens so that a query word matches as a prefix.
struct TextIndex: Sendable {
    /// Title words weigh more than summary words.
    static let titleWeight: Float = 3, summaryWeight: Float = 1
    /// Query words shorter than this match whole words only.
    static let minimumPrefixLength = 3

    /// Sorted distinct tokens.
    let tokens: [String]
    /// Postings per token (same order as `tokens`): positions and weights, positions ascending.
    let postings: [[(position: Int32, weight: Float)]]

    init(programmes: [Programme]) {
        var table: [String: [(Int32, Float)]] = [:]
        for (position, programme) in programmes.enumerated() {
            var weights: [String: Float] = [:]
            for text in [programme.title.nl, programme.title.en] {
                for token in TextFolding.tokens(text) { weights[token, default: 0] += Self.titleWeight }
            }
            for text in [programme.summary.nl, programme.summary.en] {
                for token in TextFolding.tokens(text) { weights[token, default: 0] += Self.summaryWeight }
            }
            for (token, weight) in weights { table[token, default: []].append((Int32(position), weight)) }
        }
        let sorted = table.keys.sorted()
        tokens = sorted
        postings = sorted.map { table[$0] ?? [] }
    }

    /// The indices into `tokens` that `word` matches: all tokens with it as prefix (or only the
    /// equal token for short words).
    func matchingTokens(_ word: String) -> Range<Int> {
        let lower = lowerBound(word)
        guard word.count >= Self.minimumPrefixLength else {
            return lower < tokens.count && tokens[lower] == word ? lower..<(lower + 1) : lower..<lower
        }
        var upper = lower
        while upper < tokens.count, tokens[upper].hasPrefix(word) { upper += 1 }
        return lower..<upper
    }

    private func lowerBound(_ word: String) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Scores per position for a query: every query word must match (AND); an exact word
    /// scores double a prefix match; `nil` when the query has no words. Positions without a
    /// score did not match.
    func scores(for query: String, count: Int) -> [Int: Float]? {
        guard let dense = denseScores(for: query, count: count) else { return nil }
        var result: [Int: Float] = [:]
        for (position, score) in dense.enumerated() where score > 0 { result[position] = score }
        return result
    }

    /// The same scores as a dense array (0 = no match), the fast path for large catalogues.
    func denseScores(for query: String, count: Int) -> [Float]? {
        let words = Array(Set(TextFolding.tokens(query))).sorted()
        guard !words.isEmpty else { return nil }
        var scores = [Float](repeating: 0, count: count)
        var matched = [UInt16](repeating: 0, count: count)
        for (wordNumber, word) in words.enumerated() {
            let required = UInt16(wordNumber)
            for tokenIndex in matchingTokens(word) {
                let factor: Float = tokens[tokenIndex] == word ? 2 : 1
                for posting in postings[tokenIndex] {
                    let position = Int(posting.position)
                    // Only positions that matched every earlier word stay in the running.
                    guard matched[position] >= required else { continue }
                    matched[position] = required + 1
                    scores[position] += posting.weight * factor
                }
            }
        }
        let all = UInt16(words.count)
        for position in 0..<count where matched[position] != all { scores[position] = 0 }
        return scores
    }

    /// Whether `word` matches some token of `text` by the same rule as the index.
    static func word(_ word: String, matches text: String) -> Bool {
        TextFolding.tokens(text).contains { word.count >= minimumPrefixLength ? $0.hasPrefix(word) : $0 == word }
    }
}
