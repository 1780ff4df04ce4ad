extension CatalogueQuery {
    /// The positions (in the index's title order) of every matching programme, ordered by
    /// relevance for a text query, else by Dutch title and id.
    ///
    /// This is the fast path: bitset intersections over indexes built at load time.
    public func matchingPositions(in catalogue: Catalogue) -> [Int] {
        let index = catalogue.index
        var result = includeEnded ? Bitset.full(count: index.count) : index.active
        func anyOf(_ field: CatalogueIndex.Field, _ values: [String]) {
            guard !values.isEmpty else { return }
            var union = Bitset(count: index.count)
            for value in values { union.formUnion(index.set(field, value)) }
            result.formIntersection(union)
        }
        anyOf(.audience, audiences.map(\.rawValue))
        anyOf(.sector, sectors.map(\.rawValue))
        anyOf(.role, roles.map(\.rawValue))
        if allTopics {
            for topic in topics { result.formIntersection(index.set(.topic, topic.rawValue)) }
        } else {
            anyOf(.topic, topics.map(\.rawValue))
        }
        anyOf(.language, languages.map { $0.lowercased() })
        anyOf(.format, formats.map(\.rawValue))
        anyOf(.educationLevel, educationLevels.map(\.rawValue))
        anyOf(.provider, providers.map(TextFolding.fold))
        anyOf(.recommendation, recommendations)
        for feature in accessibility { result.formIntersection(index.set(.accessibility, feature.rawValue)) }
        if peerLedOnly { result.formIntersection(index.peerLed) }
        if let age {
            result.formIntersection((0...25).contains(age) ? index.ageSets[age] : Bitset(count: index.count))
        }
        if let ages {
            var union = Bitset(count: index.count)
            let lowest = max(0, ages.min), highest = min(25, ages.max)
            if lowest <= highest { for age in lowest...highest { union.formUnion(index.ageSets[age]) } }
            result.formIntersection(union)
        }
        if statedAgesOnly, age != nil || ages != nil {
            for position in result.members where catalogue.programme(at: index.order[position]).ageRangeBasis != .stated {
                result.remove(position)
            }
        }
        if let minimumEvidence {
            let rank = catalogue.vocabulary.rank(minimumEvidence)
            result.formIntersection(rank < index.evidenceAtLeast.count ? index.evidenceAtLeast[rank] : Bitset(count: index.count))
        }
        if let asOf {
            let day = asOf.daysSinceEpoch
            for entry in index.validity where day < entry.from || day > entry.until { result.remove(entry.position) }
        }
        guard let text, let scores = index.text.denseScores(for: text, count: index.count) else {
            return result.members
        }
        return result.members.filter { scores[$0] > 0 }
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }

    /// The matching programmes' offsets in id order (``Catalogue/programme(at:)``), in result
    /// order: what ``CatalogueJSONExporter/render(offsets:catalogue:emit:)`` takes to write the
    /// answer without decoding a programme.
    public func matchingOffsets(in catalogue: Catalogue) -> [Int] {
        let order = catalogue.index.order
        return matchingPositions(in: catalogue).map { order[$0] }
    }

    /// Runs the query and returns the programmes with scores and, when `explain` is set,
    /// the reasons each matched.
    public func run(on catalogue: Catalogue, explain: Bool = false) -> [QueryMatch] {
        let positions = matchingPositions(in: catalogue)
        let scores = text.flatMap { catalogue.index.text.scores(for: $0, count: catalogue.index.count) } ?? [:]
        let programmes = catalogue.programmes(at: positions.map { catalogue.index.order[$0] })
        return zip(positions, programmes).map { position, programme in
            QueryMatch(programme: programme, score: Double(scores[position] ?? 0),
                              explanation: explain ? explanation(for: programme, vocabulary: catalogue.vocabulary) : [])
        }
    }
}
