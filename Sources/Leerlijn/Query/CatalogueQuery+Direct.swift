extension CatalogueQuery {
    /// Whether `programme` matches, decided field by field without any index.
    ///
    /// The reference semantics: the property tests check that the indexed path
    /// (``matchingPositions(in:)``) returns exactly the programmes this accepts.
    public func matchesDirectly(_ programme: Programme, vocabulary: Vocabulary) -> Bool {
        if !includeEnded, programme.status != .active { return false }
        if let asOf {
            if let from = programme.validFrom, asOf < from { return false }
            if let until = programme.validUntil, asOf > until { return false }
        }
        func anyOf<T: Equatable>(_ wanted: [T], _ present: [T]) -> Bool {
            wanted.isEmpty || wanted.contains { present.contains($0) }
        }
        guard anyOf(audiences, programme.audiences), anyOf(sectors, programme.sectors),
              anyOf(roles, programme.roles), anyOf(formats, programme.formats),
              anyOf(educationLevels, programme.educationLevels),
              anyOf(recommendations, programme.recommendations),
              anyOf(languages.map { $0.lowercased() }, programme.languages.map { $0.lowercased() }),
              anyOf(providers.map(TextFolding.fold), programme.providers.map(TextFolding.fold))
        else { return false }
        if allTopics {
            guard topics.allSatisfy(programme.topics.contains) else { return false }
        } else if !anyOf(topics, programme.topics) {
            return false
        }
        guard accessibility.allSatisfy(programme.accessibility.contains) else { return false }
        if peerLedOnly, programme.peerLed != true { return false }
        if let age {
            guard let range = programme.ageRange, range.contains(age) else { return false }
        }
        if let ages {
            guard let range = programme.ageRange, range.overlaps(ages), ages.min <= ages.max else { return false }
        }
        if let minimumEvidence, vocabulary.rank(programme.evidence) < vocabulary.rank(minimumEvidence) { return false }
        if let text {
            let words = TextFolding.tokens(text)
            let fields = [programme.title.nl, programme.title.en, programme.summary.nl, programme.summary.en]
            for word in words where !fields.contains(where: { TextIndex.word(word, matches: $0) }) { return false }
        }
        return true
    }

    /// For each filter that is set, which field of `programme` matched which value.
    public func explanation(for programme: Programme, vocabulary: Vocabulary) -> [String] {
        var lines: [String] = []
        func list<T: CustomStringConvertible & Equatable>(_ name: String, _ wanted: [T], _ present: [T]) {
            guard !wanted.isEmpty else { return }
            let hits = wanted.filter(present.contains).map(\.description)
            lines.append("\(name): \(hits.joined(separator: ", ")) ∈ \(name)s [\(present.map(\.description).joined(separator: ", "))]")
        }
        lines.append(programme.status == .active ? "status: active" : "status: ended (--include-ended)")
        if let asOf { lines.append("as of \(asOf): within validity \(programme.validFrom?.description ?? "…")–\(programme.validUntil?.description ?? "…")") }
        if let age, let range = programme.ageRange { lines.append("age: \(age) ∈ ageRange \(range)") }
        if let ages, let range = programme.ageRange { lines.append("ages: \(ages) overlaps ageRange \(range)") }
        list("audience", audiences, programme.audiences)
        list("sector", sectors, programme.sectors)
        list("role", roles, programme.roles)
        list("topic", topics, programme.topics)
        list("language", languages.map { $0.lowercased() }, programme.languages.map { $0.lowercased() })
        list("format", formats, programme.formats)
        list("educationLevel", educationLevels, programme.educationLevels)
        list("provider", providers.map(TextFolding.fold), programme.providers.map(TextFolding.fold))
        list("recommendation", recommendations, programme.recommendations)
        list("accessibility", accessibility, programme.accessibility)
        if peerLedOnly { lines.append("peerLed: true") }
        if let minimumEvidence {
            lines.append("evidence: \(programme.evidence) ≥ \(minimumEvidence)")
        }
        if let text {
            for word in TextFolding.tokens(text) {
                let fields = [("title(nl)", programme.title.nl), ("title(en)", programme.title.en),
                              ("summary(nl)", programme.summary.nl), ("summary(en)", programme.summary.en)]
                let hits = fields.filter { TextIndex.word(word, matches: $0.1) }.map(\.0)
                lines.append("text: '\(word)' in \(hits.joined(separator: ", "))")
            }
        }
        return lines
    }
}
