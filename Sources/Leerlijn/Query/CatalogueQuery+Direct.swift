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
        if statedAgesOnly, age != nil || ages != nil, programme.ageRangeBasis != .stated { return false }
        if let minimumEvidence, vocabulary.rank(programme.evidence) < vocabulary.rank(minimumEvidence) { return false }
        if let text {
            let words = TextFolding.tokens(text)
            let fields = [programme.title.nl, programme.title.en, programme.summary.nl, programme.summary.en]
            for word in words where !fields.contains(where: { TextIndex.word(word, matches: $0) }) { return false }
        }
        return true
    }

    /// For each filter that is set, which field of `programme` matched which value, and the
    /// basis of each matched value ("ages 4–12: derived from education level primary (rule
    /// education-level-ages)", "audience: children (stated) …").
    public func explanation(for programme: Programme, vocabulary: Vocabulary) -> [String] {
        var lines: [String] = []
        let provenance = programme.provenance
        /// `field` is the provenance field, `key` how a value is compared (folded for providers).
        func list(_ name: String, field: String, _ wanted: [String], _ present: [String], key: (String) -> String = { $0 }) {
            guard !wanted.isEmpty else { return }
            let keys = Set(wanted.map(key))
            let hits = present.filter { keys.contains(key($0)) }
                .map { "\($0) (\(BasisText.reason(provenance.basisOrStated(field, $0), of: programme)))" }
            lines.append("\(name): \(hits.joined(separator: ", ")) ∈ \(name)s [\(present.joined(separator: ", "))]")
        }
        func list<T: VocabularyTerm>(_ name: String, _ wanted: [T], _ present: [T]) {
            list(name, field: name, wanted.map(\.rawValue), present.map(\.rawValue))
        }
        lines.append(programme.status == .active ? "status: active" : "status: ended (--include-ended)")
        if let asOf { lines.append("as of \(asOf): within validity \(programme.validFrom?.description ?? "…")–\(programme.validUntil?.description ?? "…")") }
        if age != nil || ages != nil, let range = programme.ageRange {
            let basis = provenance.basisOrStated("ageRange")
            let match = age.map { "contains age \($0)" } ?? ages.map { "overlaps \($0)" } ?? ""
            lines.append("ages \(range): \(BasisText.reason(basis, of: programme)); \(match)"
                         + (statedAgesOnly ? " (--stated-ages-only)" : ""))
        }
        list("audience", audiences, programme.audiences)
        list("sector", sectors, programme.sectors)
        list("role", roles, programme.roles)
        list("topic", topics, programme.topics)
        list("language", field: "language", languages, programme.languages, key: { $0.lowercased() })
        list("format", formats, programme.formats)
        list("educationLevel", educationLevels, programme.educationLevels)
        list("provider", field: "provider", providers, programme.providers, key: TextFolding.fold)
        list("recommendation", field: "recommendation", recommendations, programme.recommendations)
        list("accessibility", accessibility, programme.accessibility)
        if peerLedOnly { lines.append("peerLed: true (\(BasisText.reason(provenance.basisOrStated("peerLed"), of: programme)))") }
        if let minimumEvidence {
            lines.append("evidence: \(programme.evidence) ≥ \(minimumEvidence) (\(BasisText.reason(provenance.basisOrStated("evidence"), of: programme)))")
        }
        if let text {
            for word in TextFolding.tokens(text) {
                let fields = [("title(nl)", programme.title.nl), ("title(en)", programme.title.en),
                              ("summary(nl)", programme.summary.nl), ("summary(en)", programme.summary.en)]
                let hits = fields.filter { TextIndex.word(word, matches: $0.1) }.map { field in
                    let (name, lang) = (field.0.prefix { $0 != "(" }, field.0.dropFirst(field.0.count - 3).prefix(2))
                    return field.0 + BasisText.marker(provenance.basis(String(name), String(lang)))
                }
                lines.append("text: '\(word)' in \(hits.joined(separator: ", "))")
            }
        }
        return lines
    }
}
