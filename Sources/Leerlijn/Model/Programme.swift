/// One programme, course, material, campaign, toolkit or service in the catalogue.
///
/// Every fact comes from the reference document (the Lanzarote Committee factsheet on the
/// Netherlands); a field the reference does not give is `nil` or empty, never guessed.
public struct Programme: Sendable, Hashable, Identifiable {
    /// The lower-case slug that identifies the entry everywhere.
    public var id: String {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    /// The title in Dutch and English.
    public var title: LocalizedText {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }
    /// A short summary in Dutch and English.
    public var summary: LocalizedText {
        get { box.fields.summary }
        set { update { $0.summary = newValue } }
    }
    /// What kind of entry this is, when the factsheet says.
    public var kind: ProgrammeKind? {
        get { box.fields.kind }
        set { update { $0.kind = newValue } }
    }
    /// The organisations that provide it, as the reference names them.
    public var providers: [String] {
        get { box.fields.providers }
        set { update { $0.providers = newValue } }
    }
    /// Whom it addresses.
    public var audiences: [Audience] {
        get { box.fields.audiences }
        set { update { $0.audiences = newValue } }
    }
    /// The learners' ages, absent for adult training or when the reference gives none.
    public var ageRange: AgeRange? {
        get { box.fields.ageRange }
        set { update { $0.ageRange = newValue } }
    }
    /// Education levels it is made for.
    public var educationLevels: [EducationLevel] {
        get { box.fields.educationLevels }
        set { update { $0.educationLevels = newValue } }
    }
    /// Sectors it is meant for.
    public var sectors: [Sector] {
        get { box.fields.sectors }
        set { update { $0.sectors = newValue } }
    }
    /// Roles it trains.
    public var roles: [Role] {
        get { box.fields.roles }
        set { update { $0.roles = newValue } }
    }
    /// Topics it covers.
    public var topics: [Topic] {
        get { box.fields.topics }
        set { update { $0.topics = newValue } }
    }
    /// How it is delivered.
    public var formats: [DeliveryFormat] {
        get { box.fields.formats }
        set { update { $0.formats = newValue } }
    }
    /// Languages, as BCP 47 tags.
    public var languages: [String] {
        get { box.fields.languages }
        set { update { $0.languages = newValue } }
    }
    /// Accessibility features.
    public var accessibility: [AccessibilityFeature] {
        get { box.fields.accessibility }
        set { update { $0.accessibility = newValue } }
    }
    /// What it shows that obligations can ask for (joint training, practical cases …).
    public var features: [Feature] {
        get { box.fields.features }
        set { update { $0.features = newValue } }
    }
    /// Whether it is led by peers; `nil` when unknown.
    public var peerLed: Bool? {
        get { box.fields.peerLed }
        set { update { $0.peerLed = newValue } }
    }
    /// The evidence level.
    public var evidence: EvidenceLevel {
        get { box.fields.evidence }
        set { update { $0.evidence = newValue } }
    }
    /// The duration as an ISO 8601 duration (`PT2H`), when known.
    public var duration: String? {
        get { box.fields.duration }
        set { update { $0.duration = newValue } }
    }
    /// Whether it costs money, when known.
    public var cost: Cost? {
        get { box.fields.cost }
        set { update { $0.cost = newValue } }
    }
    /// Web addresses.
    public var urls: [ProgrammeURL] {
        get { box.fields.urls }
        set { update { $0.urls = newValue } }
    }
    /// Whether it still runs.
    public var status: ProgrammeStatus {
        get { box.fields.status }
        set { update { $0.status = newValue } }
    }
    /// The first day it is offered, when known.
    public var validFrom: CalendarDate? {
        get { box.fields.validFrom }
        set { update { $0.validFrom = newValue } }
    }
    /// The last day it is offered, when known.
    public var validUntil: CalendarDate? {
        get { box.fields.validUntil }
        set { update { $0.validUntil = newValue } }
    }
    /// Lanzarote Committee recommendations it answers (`VIII-2`).
    public var recommendations: [String] {
        get { box.fields.recommendations }
        set { update { $0.recommendations = newValue } }
    }
    /// Where the reference document names it.
    public var source: SourceReference {
        get { box.fields.source }
        set { update { $0.source = newValue } }
    }
    /// A remark, e.g. which facts the reference leaves open.
    public var note: String? {
        get { box.fields.note }
        set { update { $0.note = newValue } }
    }
    /// When this record was last changed.
    public var lastModified: CalendarDate {
        get { box.fields.lastModified }
        set { update { $0.lastModified = newValue } }
    }
    /// The basis of every field value (see ``Basis``).
    public var provenance: Provenance {
        get { box.fields.provenance }
        set { update { $0.provenance = newValue } }
    }

    /// The fields, in one reference-counted box shared by every copy until one is changed:
    /// copying a programme (into query results, plans, batches) costs one retain, not one per
    /// string and list.
    struct Fields: Sendable, Hashable {
        var id: String
        var title: LocalizedText
        var summary: LocalizedText
        var kind: ProgrammeKind?
        var providers: [String]
        var audiences: [Audience]
        var ageRange: AgeRange?
        var educationLevels: [EducationLevel]
        var sectors: [Sector]
        var roles: [Role]
        var topics: [Topic]
        var formats: [DeliveryFormat]
        var languages: [String]
        var accessibility: [AccessibilityFeature]
        var features: [Feature]
        var peerLed: Bool?
        var evidence: EvidenceLevel
        var duration: String?
        var cost: Cost?
        var urls: [ProgrammeURL]
        var status: ProgrammeStatus
        var validFrom: CalendarDate?
        var validUntil: CalendarDate?
        var recommendations: [String]
        var source: SourceReference
        var note: String?
        var lastModified: CalendarDate
        var provenance: Provenance
    }

    /// Immutable, so reading a field needs no exclusivity check; a change makes a new box.
    final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Changes one field: a new box with the fields copied (programmes are built once and
    /// rarely changed afterwards).
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    public static func == (lhs: Programme, rhs: Programme) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

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
        box = Box(Fields(
            id: id, title: title, summary: summary, kind: kind, providers: providers, audiences: audiences,
            ageRange: ageRange, educationLevels: educationLevels, sectors: sectors, roles: roles, topics: topics,
            formats: formats, languages: languages, accessibility: accessibility, features: features,
            peerLed: peerLed, evidence: evidence, duration: duration, cost: cost, urls: urls, status: status,
            validFrom: validFrom, validUntil: validUntil, recommendations: recommendations, source: source,
            note: note, lastModified: lastModified, provenance: provenance))
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
