import Leerlijn

/// Random programmes over the bundled vocabulary, for the property and scale tests.
///
/// Every filterable field is drawn (ages, audiences, sectors, roles, topics, formats, levels,
/// languages, accessibility, peer-led, evidence, status, providers, recommendations) and titles
/// and summaries come from a small two-language word pool, so that text queries hit and miss.
enum RandomProgrammes {
    static let dutchWords = ("seksualiteit relaties veilig online ouders kinderen school leerlingen grenzen sexting "
        + "weerbaarheid respect media lessen signaleren melden hulp preventie jongeren gesprek vertrouwen "
        + "beelden misbruik bescherming training cursus docenten coaches sport").split(separator: " ").map(String.init)
    static let englishWords = ("sexuality relationships safe online parents children school pupils boundaries sexting "
        + "resilience respect media lessons signalling reporting help prevention young conversation trust "
        + "images abuse protection training course teachers coaches sport").split(separator: " ").map(String.init)

    /// `count` programmes for `seed`, sorted by id.
    static func make(count: Int, seed: UInt64, vocabulary: Vocabulary) -> [Programme] {
        var random = TestRandom(seed: seed)
        func ids(_ list: String, _ range: ClosedRange<Int>) -> [String] {
            random.pick(random.int(in: range), from: vocabulary.ids(list))
        }
        func sentence(_ words: [String], _ count: Int) -> String {
            let text = (0..<count).map { _ in random.element(of: words) }.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        return (0..<count).map { number in
            let id = "random-\(number)"
            let titleLength = random.int(in: 3...7), summaryLength = random.int(in: 20...45)
            let low = random.int(in: 0...18)
            let ageRange = random.chance(67) ? AgeRange(min: low, max: min(25, low + random.int(in: 0...8))) : nil
            let modified = CalendarDate(daysSinceEpoch: 19_000 + random.int(in: 0...1500))
            return Programme(
                id: id,
                title: LocalizedText(nl: sentence(dutchWords, titleLength), en: sentence(englishWords, titleLength)),
                summary: LocalizedText(nl: sentence(dutchWords, summaryLength) + ".", en: sentence(englishWords, summaryLength) + "."),
                kind: ProgrammeKind(random.element(of: vocabulary.ids("kind"))),
                providers: ["Provider \(random.int(in: 1...500))"],
                audiences: ids("audience", 1...3).map(Audience.init),
                ageRange: ageRange,
                educationLevels: ids("educationLevel", 0...2).map(EducationLevel.init),
                sectors: ids("sector", 0...3).map(Sector.init),
                roles: ids("role", 0...2).map(Role.init),
                topics: ids("topic", 1...4).map(Topic.init),
                formats: ids("format", 1...2).map(DeliveryFormat.init),
                languages: random.pick(random.int(in: 1...2), from: ["nl", "en", "tr", "ar", "pl"]),
                accessibility: random.chance(10) ? ids("accessibility", 1...1).map(AccessibilityFeature.init) : [],
                peerLed: random.chance(20) ? random.chance(50) : nil,
                evidence: EvidenceLevel(random.element(of: vocabulary.ids("evidence"))),
                duration: random.chance(50) ? "PT\(random.int(in: 1...8))H" : nil,
                cost: random.chance(50) ? Cost(random.chance(50) ? "free" : "paid") : nil,
                urls: random.chance(60) ? [ProgrammeURL(kind: "website", url: "https://example.org/programmes/\(id)")] : [],
                status: random.chance(5) ? .ended(date: modified, year: modified.year) : .active,
                validFrom: nil, validUntil: nil,
                recommendations: random.pick(random.int(in: 0...2), from: ["VIII-2", "VIII-4", "IX-5", "X-2", "X-4", "III-16"]),
                source: SourceReference(section: random.element(of: ["VIII", "IX", "X", "III"]), text: "random"),
                note: nil, lastModified: modified)
        }.sorted { $0.id < $1.id }
    }
}
