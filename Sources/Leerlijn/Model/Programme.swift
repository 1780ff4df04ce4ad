/// One programme, course, material, campaign, toolkit or service in the catalogue.
///
/// Every fact comes from the reference document (the Lanzarote Committee factsheet on the
/// Netherlands); a field the reference does not give is `nil` or empty, never guessed.
public struct Programme: Sendable, Hashable, Identifiable {
    /// The lower-case slug that identifies the entry everywhere.
    public var id: String
    /// The title in Dutch and English.
    public var title: LocalizedText
    /// A short summary in Dutch and English.
    public var summary: LocalizedText
    /// What kind of entry this is, when the factsheet says.
    public var kind: ProgrammeKind?
    /// The organisations that provide it, as the reference names them.
    public var providers: [String]
    /// Whom it addresses.
    public var audiences: [Audience]
    /// The learners' ages, absent for adult training or when the reference gives none.
    public var ageRange: AgeRange?
    /// Education levels it is made for.
    public var educationLevels: [EducationLevel]
    /// Sectors it is meant for.
    public var sectors: [Sector]
    /// Roles it trains.
    public var roles: [Role]
    /// Topics it covers.
    public var topics: [Topic]
    /// How it is delivered.
    public var formats: [DeliveryFormat]
    /// Languages, as BCP 47 tags.
    public var languages: [String]
    /// Accessibility features.
    public var accessibility: [AccessibilityFeature]
    /// What it shows that obligations can ask for (joint training, practical cases …).
    public var features: [Feature]
    /// Whether it is led by peers; `nil` when unknown.
    public var peerLed: Bool?
    /// The evidence level.
    public var evidence: EvidenceLevel
    /// The duration as an ISO 8601 duration (`PT2H`), when known.
    public var duration: String?
    /// Whether it costs money, when known.
    public var cost: Cost?
    /// Web addresses.
    public var urls: [ProgrammeURL]
    /// Whether it still runs.
    public var status: ProgrammeStatus
    /// The first day it is offered, when known.
    public var validFrom: CalendarDate?
    /// The last day it is offered, when known.
    public var validUntil: CalendarDate?
    /// Lanzarote Committee recommendations it answers (`VIII-2`).
    public var recommendations: [String]
    /// Where the reference document names it.
    public var source: SourceReference
    /// A remark, e.g. which facts the reference leaves open.
    public var note: String?
    /// When this record was last changed.
    public var lastModified: CalendarDate
    /// The basis of every field value (see ``Basis``).
    public var provenance: Provenance

    /// The basis of the age range: stated, or derived from the education levels.
    public var ageRangeBasis: Basis? { ageRange == nil ? nil : provenance.basis("ageRange") }

    /// Creates a programme from its fields.
    ///
    /// ``CatalogueLoader`` builds programmes from the catalogue files and checks every field
    /// against the schema and the vocabulary; this initialiser is for code that builds them
    /// itself (partner data, the benchmark package's synthetic catalogue) and checks nothing.
    /// Each parameter sets the property of the same name; `features` and `provenance` default to
    /// none, as for a value no catalogue file states.
    public init(id: String, title: LocalizedText, summary: LocalizedText, kind: ProgrammeKind?, providers: [String],
                audiences: [Audience], ageRange: AgeRange?, educationLevels: [EducationLevel], sectors: [Sector],
                roles: [Role], topics: [Topic], formats: [DeliveryFormat], languages: [String],
                accessibility: [AccessibilityFeature], features: [Feature] = [], peerLed: Bool?, evidence: EvidenceLevel,
                duration: String?, cost: Cost?, urls: [ProgrammeURL], status: ProgrammeStatus, validFrom: CalendarDate?,
                validUntil: CalendarDate?, recommendations: [String], source: SourceReference, note: String?,
                lastModified: CalendarDate, provenance: Provenance = Provenance()) {
        self.id = id
        self.title = title
        self.summary = summary
        self.kind = kind
        self.providers = providers
        self.audiences = audiences
        self.ageRange = ageRange
        self.educationLevels = educationLevels
        self.sectors = sectors
        self.roles = roles
        self.topics = topics
        self.formats = formats
        self.languages = languages
        self.accessibility = accessibility
        self.features = features
        self.peerLed = peerLed
        self.evidence = evidence
        self.duration = duration
        self.cost = cost
        self.urls = urls
        self.status = status
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.recommendations = recommendations
        self.source = source
        self.note = note
        self.lastModified = lastModified
        self.provenance = provenance
    }

    /// Whether the programme runs on `date`: active, and inside its validity dates.
    public func isAvailable(on date: CalendarDate?) -> Bool {
        guard case .active = status else { return false }
        guard let date else { return true }
        if let validFrom, date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        return true
    }
}

/// A web address of a programme, with its purpose.
public struct ProgrammeURL: Sendable, Hashable {
    /// `website`, `information` or `reporting`.
    public var kind: String
    /// The absolute http(s) URL.
    public var url: String

    /// Creates a URL entry.
    public init(kind: String, url: String) {
        self.kind = kind
        self.url = url
    }
}

/// Whether a programme still runs.
public enum ProgrammeStatus: Sendable, Hashable {
    /// It runs.
    case active
    /// It has finished, on a date or in a year when the reference gives one.
    case ended(date: CalendarDate?, year: Int?)

    /// `active` or `ended`.
    public var id: String {
        if case .active = self { return "active" }
        return "ended"
    }
}

/// A pointer into the reference document.
public struct SourceReference: Sendable, Hashable {
    /// The chapter, as a Roman numeral (`IX`).
    public var section: String
    /// The footnote number, when one applies.
    public var footnote: Int?
    /// A short quotation or description of the passage.
    public var text: String

    /// Creates a source reference.
    public init(section: String, footnote: Int? = nil, text: String) {
        self.section = section
        self.footnote = footnote
        self.text = text
    }
}
