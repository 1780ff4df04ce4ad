/// Checks a selection of programmes before anything is written.
///
/// The loader already validates a catalogue read from files; a ``Catalogue`` can also be built
/// in code (a partner's pipeline, the benchmark, the tests), and the published schemas promise
/// more than the model's types enforce. The preflight checks exactly those promises — slug ids
/// that are unique, known vocabulary terms, ages 0–25 with min ≤ max, non-empty texts, http(s)
/// addresses, well-formed languages, durations, recommendations and sections — and reports every
/// problem at once, so an invalid selection fails before the first byte reaches the output.
public struct ExportPreflight: Sendable {
    /// The label used as the diagnostics' file.
    public var label: String

    /// Creates a preflight.
    ///
    /// - Parameter label: What the diagnostics name as their file (the catalogue folder).
    public init(label: String = "catalogue") {
        self.label = label
    }

    /// Every problem that would make an export invalid; empty when the selection is exportable.
    ///
    /// - Parameters:
    ///   - programmes: The selection to export.
    ///   - vocabulary: The vocabulary its terms must come from.
    /// - Returns: The problems, in programme order.
    public func problems(in programmes: [Programme], vocabulary: Vocabulary) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen = Set<String>()
        for programme in programmes { found += problems(of: programme, vocabulary: vocabulary, seen: &seen) }
        return found
    }

    /// The problems of one programme; `seen` collects the ids checked so far, for duplicates.
    /// (`validate` checks each programme as it is decoded, without keeping them all.)
    public func problems(of programme: Programme, vocabulary: Vocabulary, seen: inout Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        do {
            func report(_ field: String, _ value: String, _ message: String) {
                found.append(Diagnostic(file: label, field: field, value: value,
                                        message: "programme '\(programme.id)': \(field): \(message)"))
            }
            if !ExportSyntax.isSlug(programme.id) { report("id", programme.id, "not a slug ([a-z0-9]+(-[a-z0-9]+)*, at most 80)") }
            if !seen.insert(programme.id).inserted { report("id", programme.id, "duplicate id") }
            for (field, text) in [("title", programme.title), ("summary", programme.summary)] {
                if text.nl.isEmpty { report(field, "", "the Dutch text is empty") }
                if text.en.isEmpty { report(field, "", "the English text is empty") }
            }
            if programme.topics.isEmpty { report("topic", "", "at least one topic is needed") }
            let terms: [(String, [String])] = [
                (ProgrammeKind.vocabularyName, programme.kind.map { [$0.rawValue] } ?? []),
                (Audience.vocabularyName, programme.audiences.map(\.rawValue)),
                (EducationLevel.vocabularyName, programme.educationLevels.map(\.rawValue)),
                (Sector.vocabularyName, programme.sectors.map(\.rawValue)),
                (Role.vocabularyName, programme.roles.map(\.rawValue)),
                (Topic.vocabularyName, programme.topics.map(\.rawValue)),
                (DeliveryFormat.vocabularyName, programme.formats.map(\.rawValue)),
                (AccessibilityFeature.vocabularyName, programme.accessibility.map(\.rawValue)),
                (EvidenceLevel.vocabularyName, [programme.evidence.rawValue]),
                (Cost.vocabularyName, programme.cost.map { [$0.rawValue] } ?? []),
            ]
            for (name, ids) in terms {
                for id in ids where !vocabulary.contains(id, in: name) || !ExportSyntax.isSlug(id) {
                    report(name, id, "not a term of the '\(name)' vocabulary")
                }
            }
            if let ages = programme.ageRange, !(0...25).contains(ages.min) || !(0...25).contains(ages.max) || ages.min > ages.max {
                report("ageRange", ages.description, "ages must lie in 0–25 with min ≤ max")
            }
            for provider in programme.providers where provider.isEmpty { report("provider", "", "empty provider") }
            for language in programme.languages where !ExportSyntax.isLanguageTag(language) {
                report("language", language, "not a BCP 47 language tag")
            }
            if let duration = programme.duration, !ExportSyntax.isDuration(duration) {
                report("duration", duration, "not an ISO 8601 duration such as PT2H")
            }
            for url in programme.urls {
                if !["website", "information", "reporting"].contains(url.kind) { report("url", url.kind, "unknown url kind") }
                if !ExportText.isWebURL(url.url) { report("url", url.url, "not an absolute http(s) address") }
            }
            if case .ended(_, let year?) = programme.status, !(1...9999).contains(year) {
                report("status", String(year), "the end year must lie in 1–9999")
            }
            for recommendation in programme.recommendations where !ExportSyntax.isRecommendation(recommendation) {
                report("recommendation", recommendation, "not a recommendation reference such as VIII-2")
            }
            if !ExportSyntax.romanSections.contains(programme.source.section) {
                report("source", programme.source.section, "the section must be a chapter I–XI")
            }
            if let footnote = programme.source.footnote, footnote < 1 { report("source", String(footnote), "footnotes start at 1") }
            if let note = programme.note, note.isEmpty { report("note", "", "empty note") }
        }
        return found
    }
}
