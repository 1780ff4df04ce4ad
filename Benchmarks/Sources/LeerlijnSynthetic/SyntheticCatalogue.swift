import Leerlijn

/// A deterministic synthetic catalogue for benchmarks and scale tests.
///
/// Field sizes follow the real catalogue: two-language titles of 3–7 words and summaries of
/// 20–45 words, 1–3 audiences, a learner age range on two thirds of entries, 1–4 topics,
/// 0–3 sectors, 0–2 roles, and 5 % ended programmes. It is never mixed with real data: the
/// URLs point at `example.org`, and the providers are numbered.
public struct SyntheticCatalogue: Sendable {
    /// The seed.
    public var seed: UInt64
    /// How many programmes.
    public var count: Int
    /// The vocabulary whose ids the programmes use.
    public var vocabulary: Vocabulary

    /// Creates a generator.
    public init(seed: UInt64 = 42, count: Int = 100_000, vocabulary: Vocabulary) {
        self.seed = seed
        self.count = count
        self.vocabulary = vocabulary
    }

    /// The Dutch word pool of titles and summaries.
    public static let dutchWords = ("seksualiteit relaties veilig online ouders kinderen school leerlingen grenzen sexting "
        + "weerbaarheid respect media wijsheid lessen bewustwording signaleren melden hulp preventie jongeren "
        + "gesprek vertrouwen digitale beelden delen misbruik bescherming training cursus docenten coaches sport").split(separator: " ").map(String.init)
    /// The English word pool of titles and summaries.
    public static let englishWords = ("sexuality relationships safe online parents children school pupils boundaries sexting "
        + "resilience respect media literacy lessons awareness signalling reporting help prevention young "
        + "conversation trust digital images sharing abuse protection training course teachers coaches sport").split(separator: " ").map(String.init)

    /// The programmes, sorted by id.
    public func programmes() -> [Programme] {
        var random = SplitMix64(seed: seed)
        let ids = { (name: String) in vocabulary.ids(name) }
        let audiences = ids("audience"), sectors = ids("sector"), roles = ids("role"), topics = ids("topic")
        let levels = ids("educationLevel"), kinds = ids("kind"), formats = ids("format")
        let features = ids("accessibility"), evidence = ids("evidence")
        let languages = ["nl", "en", "tr", "ar", "de", "fr", "pl"]
        let recommendations = ["VIII-2", "VIII-4", "VIII-5", "VIII-7", "IX-4", "IX-5", "X-2", "X-3", "X-4", "X-5", "III-16"]
        let sections = ["VIII", "IX", "X", "III", "VI"]
        func sentence(_ words: [String], _ count: Int) -> String {
            var picked: [String] = []
            for _ in 0..<count { picked.append(words[random.int(in: 0...(words.count - 1))]) }
            var text = picked.joined(separator: " ")
            if let first = text.first { text = first.uppercased() + text.dropFirst() }
            return text
        }
        var result: [Programme] = []
        result.reserveCapacity(count)
        for number in 0..<count {
            let id = "synthetic-\(number)"
            let titleLength = random.int(in: 3...7), summaryLength = random.int(in: 20...45)
            var ageRange: AgeRange?
            if random.chance(67) {
                let low = random.int(in: 0...18)
                ageRange = AgeRange(min: low, max: min(25, low + random.int(in: 0...8)))
            }
            let ended = random.chance(5)
            let modified = CalendarDate(daysSinceEpoch: 19_000 + random.int(in: 0...1500))
            result.append(Programme(
                id: id,
                title: LocalizedText(nl: sentence(Self.dutchWords, titleLength), en: sentence(Self.englishWords, titleLength)),
                summary: LocalizedText(nl: sentence(Self.dutchWords, summaryLength) + ".",
                                       en: sentence(Self.englishWords, summaryLength) + "."),
                kind: ProgrammeKind(kinds[random.int(in: 0...(kinds.count - 1))]),
                providers: ["Provider \(random.int(in: 1...500))"],
                audiences: random.pick(random.int(in: 1...3), from: audiences).map(Audience.init),
                ageRange: ageRange,
                educationLevels: random.pick(random.int(in: 0...2), from: levels).map(EducationLevel.init),
                sectors: random.pick(random.int(in: 0...3), from: sectors).map(Sector.init),
                roles: random.pick(random.int(in: 0...2), from: roles).map(Role.init),
                topics: random.pick(random.int(in: 1...4), from: topics).map(Topic.init),
                formats: random.pick(random.int(in: 1...2), from: formats).map(DeliveryFormat.init),
                languages: random.pick(random.int(in: 1...2), from: languages),
                accessibility: random.chance(10) ? random.pick(1, from: features).map(AccessibilityFeature.init) : [],
                peerLed: random.chance(20) ? random.chance(50) : nil,
                evidence: EvidenceLevel(evidence[random.int(in: 0...(evidence.count - 1))]),
                duration: random.chance(50) ? "PT\(random.int(in: 1...8))H" : nil,
                cost: random.chance(50) ? Cost(random.chance(50) ? "free" : "paid") : nil,
                urls: random.chance(60) ? [ProgrammeURL(kind: "website", url: "https://example.org/programmes/\(id)")] : [],
                status: ended ? .ended(date: modified, year: modified.year) : .active,
                validFrom: nil, validUntil: nil,
                recommendations: random.pick(random.int(in: 0...2), from: recommendations),
                source: SourceReference(section: sections[random.int(in: 0...(sections.count - 1))], text: "synthetic"),
                note: nil, lastModified: modified))
        }
        return result.sorted { $0.id < $1.id }
    }
}
