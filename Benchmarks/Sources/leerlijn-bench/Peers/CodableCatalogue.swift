import Leerlijn

/// A Codable mirror of `catalogue.json`, for the JSONEncoder peer.
struct CodableCatalogue: Encodable {
    struct Text: Encodable { var nl: String; var en: String }
    struct Ages: Encodable { var min: Int; var max: Int }
    struct Link: Encodable { var kind: String; var url: String }
    struct Source: Encodable { var section: String; var footnote: Int?; var text: String }
    struct Status: Encodable { var value: String; var date: String?; var year: Int? }
    struct Term: Encodable { var id: String; var rank: Int; var label: Text }
    struct Item: Encodable {
        var accessibility: [String], ageRange: Ages?, audiences: [String], cost: String?, duration: String?
        var educationLevels: [String], evidence: String, formats: [String], id: String, kind: String
        var languages: [String], lastModified: String, note: String?, peerLed: Bool?, provider: String?
        var providers: [String], recommendations: [String], roles: [String], sectors: [String], source: Source
        var status: Status, summary: Text, title: Text, topics: [String], url: String?, urls: [Link]
        var validFrom: String?, validUntil: String?
    }
    var count: Int
    var programmes: [Item]
    var version = 1
    var vocabulary: [String: [Term]]

    init(_ programmes: [Programme], vocabulary: Vocabulary) {
        count = programmes.count
        self.programmes = programmes.map { p in
            var status = Status(value: p.status.id)
            if case .ended(let date, let year) = p.status { status.date = date?.description; status.year = year }
            return Item(
                accessibility: p.accessibility.map(\.rawValue), ageRange: p.ageRange.map { Ages(min: $0.min, max: $0.max) },
                audiences: p.audiences.map(\.rawValue), cost: p.cost?.rawValue, duration: p.duration,
                educationLevels: p.educationLevels.map(\.rawValue), evidence: p.evidence.rawValue,
                formats: p.formats.map(\.rawValue), id: p.id, kind: p.kind?.rawValue ?? "", languages: p.languages,
                lastModified: p.lastModified.description, note: p.note, peerLed: p.peerLed,
                provider: p.providers.isEmpty ? nil : p.providers.joined(separator: "; "), providers: p.providers,
                recommendations: p.recommendations, roles: p.roles.map(\.rawValue), sectors: p.sectors.map(\.rawValue),
                source: Source(section: p.source.section, footnote: p.source.footnote, text: p.source.text),
                status: status, summary: Text(nl: p.summary.nl, en: p.summary.en), title: Text(nl: p.title.nl, en: p.title.en),
                topics: p.topics.map(\.rawValue), url: p.urls.first?.url,
                urls: p.urls.map { Link(kind: $0.kind, url: $0.url) },
                validFrom: p.validFrom?.description, validUntil: p.validUntil?.description)
        }
        self.vocabulary = vocabulary.lists.mapValues { $0.map { Term(id: $0.id, rank: $0.rank, label: Text(nl: $0.label.nl, en: $0.label.en)) } }
    }
}
