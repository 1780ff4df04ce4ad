import LeerlijnXML

extension RecordDecoder {
    /// Fields whose values are lists: their basis is kept per value.
    static func isListField(_ name: Name) -> Bool {
        switch name {
        case .provider, .audience, .educationLevel, .sector, .role, .topic, .format, .language, .accessibility, .feature, .url,
             .recommendation: true
        default: false
        }
    }

    /// The only fields whose values may be our own rendering (translations and summaries).
    static func isRenderable(_ name: Name) -> Bool { name == .title || name == .summary }

    /// A record's own metadata, which carries no basis.
    static func isMetadata(_ name: Name) -> Bool {
        switch name {
        case .source, .note, .lastModified, .appliesTo, .needs: true
        default: false
        }
    }

    /// The basis of every field value of `node`'s children (and, for requirements, of the
    /// children of `appliesTo` and `needs`, as `appliesTo/sector` …), checking each one:
    /// a derived value names a rule of the vocabulary, only titles and summaries are rendered.
    mutating func provenance(_ node: FlatElement) -> Provenance {
        var entries = provenanceEntries, ranks = provenanceRanks
        provenanceEntries = []
        provenanceRanks = []
        entries.removeAll(keepingCapacity: true)
        ranks.removeAll(keepingCapacity: true)
        defer {
            provenanceEntries = entries
            provenanceRanks = ranks
        }
        for child in node.children {
            let name = child.field
            if name == .appliesTo || name == .needs {
                let prefix = child.name + "/"
                for part in child.children {
                    if record(part, field: prefix + part.name, into: &entries) { ranks.append(-1) }
                }
            } else if !Self.isMetadata(name) {
                if record(child, field: child.name, into: &entries) { ranks.append(name == .other ? -1 : Name.rank[Int(name.rawValue)]) }
            }
        }
        return Provenance(collecting: entries, ranks: ranks, order: &provenanceOrder)
    }

    /// Checks one value's basis and adds it to `entries`; whether it was added.
    @discardableResult
    private mutating func record(_ child: FlatElement, field: String, into entries: inout [Provenance.Entry]) -> Bool {
        let name = child.field
        let value: String
        if Self.isRenderable(name) {
            value = child.attribute(.lang) ?? ""
        } else if Self.isListField(name) {
            value = trimmed(child.text)
        } else {
            value = ""
        }
        var shown: String { value.isEmpty ? trimmed(child.text) : value }
        let rule = child.attribute(.rule)
        let basisValue = child.attribute(.basis)
        switch basisValue {
        case "stated"?, "rendered"?:
            let basis: Basis = basisValue == "stated" ? .stated : .rendered
            if let rule {
                error(child, field: field + "@rule", value: rule,
                      "\(field): rule '\(rule)' is given for a \(basis.id) value; only a derived value names a rule")
            }
            if case .rendered = basis, !Self.isRenderable(name) {
                error(child, field: field + "@basis", value: shown,
                      "\(field): '\(shown)' is marked rendered, but only titles and summaries can be our rendering; "
                      + "mark it stated (the factsheet says it) or derived (by a named rule), or remove it")
                return false
            }
            entries.append(Provenance.Entry(field: field, value: value, basis: basis))
            return true
        case "derived"?:
            guard let rule, !rule.isEmpty else {
                error(child, field: field + "@rule", value: shown,
                      "\(field): '\(shown)' is derived but names no rule; add rule=\"…\" (one of: "
                      + vocabulary.ids("rule").joined(separator: ", ") + ")")
                return false
            }
            guard vocabulary.hasRule(rule) else {
                unknownTerm(child, field: field + "@rule", value: rule, vocabularyName: "rule")
                return false
            }
            entries.append(Provenance.Entry(field: field, value: value, basis: .derived(rule: rule)))
            return true
        case let other?:
            error(child, field: field + "@basis", value: other,
                  "\(field): unknown basis '\(other)' for '\(shown)'; valid values: stated, derived, rendered")
            return false
        case nil:
            error(child, field: field + "@basis", value: shown,
                  "\(field): '\(shown)' has no basis; add basis=\"stated\", \"derived\" (with rule=\"…\") or \"rendered\"")
            return false
        }
    }

    /// Applies rule `education-level-ages`: a programme without stated ages gets the ages of
    /// its education levels, recorded as derived. A range in the file that claims the rule
    /// must equal what the rule gives.
    mutating func deriveAges(_ ageRange: inout AgeRange?, provenance: inout Provenance, educationLevels: [EducationLevel],
                             element: FlatElement) {
        let rule = Vocabulary.educationLevelAgesRule
        let derived = vocabulary.derivedAges(levels: educationLevels)
        if let ages = ageRange {
            if provenance.basis("ageRange") == .derived(rule: rule), ages != derived {
                error(element, field: "ageRange", value: ages.description,
                      "ageRange: \(ages) is marked derived by \(rule), but the rule gives "
                      + (derived?.description ?? "no ages") + " for education level "
                      + educationLevels.map(\.rawValue).joined(separator: "/"))
            }
            return
        }
        guard let derived else { return }
        ageRange = derived
        provenance.set(.derived(rule: rule), field: "ageRange")
    }
}
