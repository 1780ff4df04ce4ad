import LeerlijnXML

extension RecordDecoder {
    /// Fields whose values are lists: their basis is kept per value.
    static let listFields: Set<String> = [
        "provider", "audience", "educationLevel", "sector", "role", "topic", "format", "language",
        "accessibility", "feature", "url", "recommendation",
    ]
    /// The only fields whose values may be our own rendering (translations and summaries).
    static let renderableFields: Set<String> = ["title", "summary"]
    /// A record's own metadata, which carries no basis.
    static let metadataFields: Set<String> = ["source", "note", "lastModified", "appliesTo", "needs"]

    /// The basis of every field value of `node`'s children (and, for requirements, of the
    /// children of `appliesTo` and `needs`, as `appliesTo/sector` …), checking each one:
    /// a derived value names a rule of the vocabulary, only titles and summaries are rendered.
    mutating func provenance(_ node: ElementNode) -> Provenance {
        var provenance = Provenance()
        for child in node.children {
            if child.name == "appliesTo" || child.name == "needs" {
                for part in child.children { record(part, field: child.name + "/" + part.name, into: &provenance) }
            } else if !Self.metadataFields.contains(child.name) {
                record(child, field: child.name, into: &provenance)
            }
        }
        return provenance
    }

    private mutating func record(_ child: ElementNode, field: String, into provenance: inout Provenance) {
        let name = child.name
        let value: String
        if name == "title" || name == "summary" {
            value = child.attribute("lang") ?? ""
        } else if Self.listFields.contains(name) {
            value = trimmed(child.text)
        } else {
            value = ""
        }
        let shown = value.isEmpty ? trimmed(child.text) : value
        let rule = child.attribute("rule")
        switch child.attribute("basis") {
        case "stated"?, "rendered"?:
            let basis: Basis = child.attribute("basis") == "stated" ? .stated : .rendered
            if let rule {
                error(child, field: field + "@rule", value: rule,
                      "\(field): rule '\(rule)' is given for a \(basis.id) value; only a derived value names a rule")
            }
            if case .rendered = basis, !Self.renderableFields.contains(name) {
                error(child, field: field + "@basis", value: shown,
                      "\(field): '\(shown)' is marked rendered, but only titles and summaries can be our rendering; "
                      + "mark it stated (the factsheet says it) or derived (by a named rule), or remove it")
                return
            }
            provenance.set(basis, field: field, value: value)
        case "derived"?:
            guard let rule, !rule.isEmpty else {
                error(child, field: field + "@rule", value: shown,
                      "\(field): '\(shown)' is derived but names no rule; add rule=\"…\" (one of: "
                      + vocabulary.ids("rule").joined(separator: ", ") + ")")
                return
            }
            guard vocabulary.hasRule(rule) else {
                unknownTerm(child, field: field + "@rule", value: rule, vocabularyName: "rule")
                return
            }
            provenance.set(.derived(rule: rule), field: field, value: value)
        case let other?:
            error(child, field: field + "@basis", value: other,
                  "\(field): unknown basis '\(other)' for '\(shown)'; valid values: stated, derived, rendered")
        case nil:
            error(child, field: field + "@basis", value: shown,
                  "\(field): '\(shown)' has no basis; add basis=\"stated\", \"derived\" (with rule=\"…\") or \"rendered\"")
        }
    }

    /// Applies rule `education-level-ages`: a programme without stated ages gets the ages of
    /// its education levels, recorded as derived. A range in the file that claims the rule
    /// must equal what the rule gives.
    mutating func deriveAges(_ programme: inout Programme, element: ElementNode) {
        let rule = Vocabulary.educationLevelAgesRule
        let derived = vocabulary.derivedAges(levels: programme.educationLevels)
        if let ages = programme.ageRange {
            if programme.provenance.basis("ageRange") == .derived(rule: rule), ages != derived {
                error(element, field: "ageRange", value: ages.description,
                      "ageRange: \(ages) is marked derived by \(rule), but the rule gives "
                      + (derived?.description ?? "no ages") + " for education level "
                      + programme.educationLevels.map(\.rawValue).joined(separator: "/"))
            }
            return
        }
        guard let derived else { return }
        programme.ageRange = derived
        programme.provenance.set(.derived(rule: rule), field: "ageRange")
    }
}
