/// Renders the obligations `leerlijn query --obligations` finds.
public struct RequirementRenderer: Sendable {
    /// The catalogue (for labels).
    public var catalogue: Catalogue
    /// `nl` or `en`.
    public var language: String

    /// Creates a renderer.
    public init(catalogue: Catalogue, language: String = "nl") {
        self.catalogue = catalogue
        self.language = language
    }

    /// One JSON object per obligation, keys sorted: `{"count": N, "requirements": [...]}`.
    public func json(_ requirements: [Requirement]) -> [UInt8] {
        let items: [JSONValue] = requirements.map { requirement in
            .object([
                "id": .string(requirement.id),
                "title": .object(["nl": .string(requirement.title.nl), "en": .string(requirement.title.en)]),
                "strength": .string(requirement.strength.rawValue),
                "recommendations": .strings(requirement.recommendations),
                "sectors": .strings(requirement.appliesTo.sectors.map(\.rawValue)),
                "roles": .strings(requirement.appliesTo.roles.map(\.rawValue)),
                "audiences": .strings(requirement.appliesTo.audiences.map(\.rawValue)),
                "topics": .strings(requirement.needs.topics.map(\.rawValue)),
                "validFrom": .optional(requirement.validFrom?.description),
                "validUntil": .optional(requirement.validUntil?.description),
                "source": .string(requirement.source.section),
            ])
        }
        return JSONValue.object(["count": .int(requirements.count), "requirements": .array(items)]).serialized() + [0x0A]
    }

    /// An aligned table: id, strength, title, valid until.
    public func table(_ requirements: [Requirement], width: Int) -> String {
        var lines: [[String]] = [["ID", language == "en" ? "STRENGTH" : "STERKTE", language == "en" ? "TITLE" : "TITEL",
                                  language == "en" ? "UNTIL" : "TOT"]]
        for requirement in requirements {
            lines.append([requirement.id, catalogue.vocabulary.label(requirement.strength, language: language),
                          requirement.title.text(in: language), requirement.validUntil?.description ?? "–"])
        }
        var widths = (0..<4).map { column in lines.map { $0[column].count }.max() ?? 0 }
        while widths.reduce(0, +) + 6 > max(40, width) {
            let column = widths[1] > widths[2] ? 1 : 2
            guard widths[column] > 10 else { break }
            widths[column] -= 1
        }
        var output = lines.map { QueryTableRenderer.line($0, widths) }
        output.append("\(requirements.count) " + (language == "en" ? "obligations" : "verplichtingen"))
        return output.joined(separator: "\n") + "\n"
    }
}
