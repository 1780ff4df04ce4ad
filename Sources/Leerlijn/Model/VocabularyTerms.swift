/// A value from one of the catalogue's controlled vocabularies, identified by its id.
///
/// The ids and their Dutch and English labels live in `Catalog/vocabulary.xml`; the XSD
/// enumerates the same ids, so a value that reaches the model is always a known term.
public protocol VocabularyTerm: RawRepresentable, Hashable, Comparable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral where RawValue == String {
    /// The name of the vocabulary in `vocabulary.xml` (`audience`, `topic` …).
    static var vocabularyName: String { get }
    /// Creates a term from its id.
    init(_ id: String)
}

extension VocabularyTerm {
    public init(rawValue: String) { self.init(rawValue) }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who a programme addresses (`children`, `parents`, `professionals` …).
public struct Audience: VocabularyTerm {
    public static let vocabularyName = "audience"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// A sector of work with children (`education`, `sport`, `justice` …).
public struct Sector: VocabularyTerm {
    public static let vocabularyName = "sector"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// A professional or volunteer role (`teacher`, `coach`, `prosecutor` …).
public struct Role: VocabularyTerm {
    public static let vocabularyName = "role"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// A subject a programme teaches or an obligation needs (`online-safety`, `sexting` …).
public struct Topic: VocabularyTerm {
    public static let vocabularyName = "topic"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// A level of education (`primary`, `secondary`, `special-education` …).
public struct EducationLevel: VocabularyTerm {
    public static let vocabularyName = "educationLevel"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// What kind of thing an entry is (`lesson-method`, `course`, `campaign`, `service` …).
public struct ProgrammeKind: VocabularyTerm {
    public static let vocabularyName = "kind"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// How a programme is delivered (`classroom`, `e-learning`, `theatre` …).
public struct DeliveryFormat: VocabularyTerm {
    public static let vocabularyName = "format"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// An accessibility feature (`special-needs`, `easy-read`, `anonymous` …).
public struct AccessibilityFeature: VocabularyTerm {
    public static let vocabularyName = "accessibility"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// How well a programme's effect is established; ordered by the vocabulary's `rank`.
public struct EvidenceLevel: VocabularyTerm {
    public static let vocabularyName = "evidence"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// Whether a programme costs money (`free`, `paid`).
public struct Cost: VocabularyTerm {
    public static let vocabularyName = "cost"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// How binding an obligation is: `law`, `require`, `request`, `agreement`, `invite`.
public struct Strength: VocabularyTerm {
    public static let vocabularyName = "strength"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// What a programme shows that an obligation can ask for (`joint-training`, `practical-cases`, `not-optional`).
public struct Feature: VocabularyTerm {
    public static let vocabularyName = "feature"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}

/// Whom an obligation binds (`state`, `sector`, `organisation`, `staff`).
public struct Binds: VocabularyTerm {
    public static let vocabularyName = "binds"
    public let rawValue: String
    public init(_ id: String) { rawValue = id }
}
