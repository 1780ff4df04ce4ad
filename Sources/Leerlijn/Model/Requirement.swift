/// An obligation or recommendation that training and awareness work must answer.
///
/// It says whom it binds (`appliesTo`) and what a programme must offer to meet it (`needs`):
/// the reporting-code law, the Committee's *require / request / invite* recommendations,
/// sector agreements such as the National Sports Agreement.
public struct Requirement: Sendable, Hashable, Identifiable {
    /// The slug that identifies the obligation.
    public var id: String
    /// The title in Dutch and English.
    public var title: LocalizedText
    /// A summary in Dutch and English.
    public var summary: LocalizedText
    /// How binding it is.
    public var strength: Strength
    /// Whom it binds: only `organisation` and `staff` obligations become plan targets; the
    /// others are context ("the Committee asks the Netherlands to …").
    public var binds: Binds = "staff"
    /// The Committee recommendations it stands for (`X-4`).
    public var recommendations: [String]
    /// Whom it binds.
    public var appliesTo: Applicability
    /// What a programme must offer to meet it.
    public var needs: Needs
    /// The first day it applies, when known.
    public var validFrom: CalendarDate?
    /// The last day it applies, when known.
    public var validUntil: CalendarDate?
    /// Where the reference document states it.
    public var source: SourceReference
    /// A remark.
    public var note: String?
    /// When this record was last changed.
    public var lastModified: CalendarDate
    /// The basis of every field value (see ``Basis``).
    public var provenance = Provenance()

    /// Whether plans target it (it binds an organisation or its staff) rather than show it as context.
    public var isPlanTarget: Bool { binds.rawValue == "organisation" || binds.rawValue == "staff" }

    /// Whether it is in force on `date` (always, when `date` is `nil`).
    public func isInForce(on date: CalendarDate?) -> Bool {
        guard let date else { return true }
        if let validFrom, date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        return true
    }

    /// Whom an obligation binds; an empty list means "any".
    public struct Applicability: Sendable, Hashable {
        /// Sectors bound by it.
        public var sectors: [Sector]
        /// Roles bound by it.
        public var roles: [Role]
        /// Audiences bound by it.
        public var audiences: [Audience]
        /// Ages of learners it concerns (either end may be open).
        public var learnerAges: OpenAgeRange?
    }

    /// What a programme must offer to meet an obligation.
    public struct Needs: Sendable, Hashable {
        /// The programme must address one of these audiences (any, when empty).
        public var audiences: [Audience]
        /// The topics needed.
        public var topics: [Topic]
        /// Whether every topic is needed (`all`) or one suffices (`any`).
        public var allTopics: Bool
        /// Learner ages the programme must reach.
        public var learnerAges: OpenAgeRange?
        /// Accessibility features the programme must have.
        public var accessibility: [AccessibilityFeature]
        /// Whether the programme must be peer-led.
        public var peerLed: Bool?
        /// Delivery: the programme's kind must be one of these, or one of its formats one of
        /// ``formats``; no restriction when both are empty.
        public var kinds: [ProgrammeKind] = []
        /// Delivery formats that qualify a programme (see ``kinds``).
        public var formats: [DeliveryFormat] = []
        /// An organisational measure (a certificate, a code, an appointment): no programme
        /// can meet it, and plans say so instead of reporting a training gap.
        public var isOrganisational = false
        /// What a programme must show to meet it; a candidate without one is only a candidate to verify.
        public var features: [Feature] = []

        /// Whether `programme` is delivered in a way this need accepts.
        public func acceptsDelivery(of programme: Programme) -> Bool {
            if kinds.isEmpty && formats.isEmpty { return true }
            return programme.kind.map { kinds.contains($0) } == true || programme.formats.contains { formats.contains($0) }
        }
    }
}

/// An age range whose ends may be open (`max 12` = "up to 12").
public struct OpenAgeRange: Sendable, Hashable, CustomStringConvertible {
    /// The lower end, when given.
    public var min: Int?
    /// The upper end, when given.
    public var max: Int?

    /// Creates an open range.
    public init(min: Int?, max: Int?) {
        self.min = min
        self.max = max
    }

    /// The range with open ends closed at 0 and 25, the catalogue's learner-age bounds.
    public var closed: AgeRange { AgeRange(min: min ?? 0, max: max ?? 25) }

    /// `4–12`, `–12`, `12–`.
    public var description: String { "\(min.map(String.init) ?? "")–\(max.map(String.init) ?? "")" }
}
