import LeerlijnXML

/// The element and attribute names the decoder reads, as codes (``FlatElement/code``): a
/// record's names are classified once per batch, and fields are found by comparing bytes.
enum Name: UInt8, CaseIterable {
    case other = 0
    // Elements.
    case programme, requirement, title, summary, kind, provider, audience, ageRange, educationLevel, sector, role, topic
    case format, language, accessibility, feature, peerLed, evidence, duration, cost, url, status, validFrom, validUntil
    case recommendation, source, note, lastModified, appliesTo, needs, strength, binds, learnerAges
    // Attributes (`kind` is both).
    case id, lang, basis, rule, min, max, value, date, year, section, footnote, topicMatch, organisational

    private static let byName: [String: UInt8] = Dictionary(
        uniqueKeysWithValues: allCases.dropFirst().map { (String(describing: $0), $0.rawValue) })

    /// Each code's place among the names in string order (what ``Provenance`` sorts by).
    static let rank: [Int] = {
        let sorted = allCases.map { String(describing: $0) }.sorted()
        return allCases.map { sorted.firstIndex(of: String(describing: $0)) ?? -1 }
    }()

    /// The code of a local name (``other`` for one the decoder does not read).
    static func classify(_ name: String) -> UInt8 { byName[name] ?? Name.other.rawValue }
}

extension FlatElement {
    /// The field this element is.
    var field: Name { Name(rawValue: code) ?? .other }

    /// The value of the attribute `name`.
    func attribute(_ name: Name) -> String? { attribute(code: name.rawValue) }
}

/// The children of one name, in document order.
struct NamedChildren: Sequence, IteratorProtocol {
    var siblings: FlatSiblings.Iterator
    let code: UInt8

    mutating func next() -> FlatElement? {
        while let child = siblings.next() {
            if child.code == code { return child }
        }
        return nil
    }
}

/// A record's child elements, found by name.
struct Fields {
    /// The element, or nil for an absent one (which has no children and no attributes).
    let node: FlatElement?

    init(_ node: FlatElement?) {
        self.node = node
    }

    // Looked up by scanning the children: a record has a few dozen, and names are compared
    // as codes. Nothing is copied.

    /// Every child named `name`, in document order.
    func all(_ name: Name) -> NamedChildren {
        NamedChildren(siblings: (node?.children ?? FlatSiblings.empty).makeIterator(), code: name.rawValue)
    }

    /// The first child named `name`.
    func first(_ name: Name) -> FlatElement? {
        guard let node else { return nil }
        for child in node.children where child.code == name.rawValue { return child }
        return nil
    }

    /// The value of the element's own attribute `name`.
    func attribute(_ name: Name) -> String? { node?.attribute(name) }
}

/// Reads typed values out of one record's element tree, collecting friendly diagnostics.
///
/// The XSD has already checked structure; this layer adds what the XSD cannot say well:
/// vocabulary values with suggestions, age ranges, dates, and never a crash on a value
/// that slipped past validation.
struct RecordDecoder {
    let file: String
    let vocabulary: Vocabulary
    var diagnostics: [Diagnostic] = []
    /// Buffers reused from record to record by ``provenance(_:)``.
    var provenanceEntries: [Provenance.Entry] = [], provenanceRanks: [Int] = [], provenanceOrder: [Int] = []

    mutating func error(_ node: FlatElement, field: String, value: String?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node.line, column: node.column,
                                      field: field, value: value, message: message))
    }

    /// The text without leading and trailing XML white space (space, tab, CR, LF); the
    /// common case, nothing to trim, returns the string itself without copying.
    func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last else { return text }
        if !isSpace(first) && !isSpace(last) { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[start...end])
    }

    mutating func localized(_ node: FlatElement, _ name: Name) -> LocalizedText {
        var nl = "", en = ""
        for child in Fields(node).all(name) {
            switch child.attribute(.lang) {
            case "nl": nl = trimmed(child.text)
            case "en": en = trimmed(child.text)
            default: break
            }
        }
        if nl.isEmpty { error(node, field: "\(name)[nl]", value: nil, "missing Dutch \(name)") }
        if en.isEmpty { error(node, field: "\(name)[en]", value: nil, "missing English \(name)") }
        return LocalizedText(nl: nl, en: en)
    }

    func text(_ node: Fields, _ name: Name) -> String? {
        node.first(name).map { trimmed($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func texts(_ node: Fields, _ name: Name) -> [String] {
        var values: [String] = []
        for child in node.all(name) {
            let value = trimmed(child.text)
            if !value.isEmpty { values.append(value) }
        }
        return values
    }

    /// Terms of one vocabulary; unknown ids are reported with the nearest valid ones.
    mutating func terms<T: VocabularyTerm>(_ node: Fields, _ name: Name, as: T.Type) -> [T] {
        var result: [T] = []
        let known = vocabulary.terms(in: T.vocabularyName)
        for child in node.all(name) {
            let value = trimmed(child.text)
            if known?[value] != nil {
                if !result.contains(T(value)) { result.append(T(value)) }
            } else {
                unknownTerm(child, field: "\(name)", value: value, vocabularyName: T.vocabularyName)
            }
        }
        return result
    }

    mutating func term<T: VocabularyTerm>(_ node: Fields, _ name: Name, as type: T.Type) -> T? {
        guard let child = node.first(name) else { return nil }
        let value = trimmed(child.text)
        guard vocabulary.contains(value, in: T.vocabularyName) else {
            unknownTerm(child, field: "\(name)", value: value, vocabularyName: T.vocabularyName)
            return nil
        }
        return T(value)
    }

    mutating func unknownTerm(_ node: FlatElement, field: String, value: String, vocabularyName: String) {
        let nearest = vocabulary.suggestions(for: value, in: vocabularyName)
        let all = vocabulary.ids(vocabularyName)
        var message = "\(field): unknown \(vocabularyName) '\(value)'"
        if !nearest.isEmpty { message += "; did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?" }
        message += " Valid values: \(all.joined(separator: ", "))"
        error(node, field: field, value: value, message)
    }

    mutating func date(_ node: Fields, _ name: Name) -> CalendarDate? {
        guard let child = node.first(name) else { return nil }
        let value = trimmed(child.text)
        guard let date = CalendarDate(iso: value) else {
            error(child, field: "\(name)", value: value, "\(name): '\(value)' is not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    mutating func age(_ node: FlatElement, _ attribute: Name, field: String) -> Int? {
        guard let raw = node.attribute(attribute) else { return nil }
        let value = trimmed(raw)
        guard let age = Int(value), (0...25).contains(age) else {
            error(node, field: field, value: value,
                  "\(field): '\(value)' is not a learner age; ages are whole years from 0 to 25")
            return nil
        }
        return age
    }

    mutating func openAges(_ node: FlatElement?, field: String) -> OpenAgeRange? {
        guard let node else { return nil }
        let min = age(node, .min, field: "\(field)@min"), max = age(node, .max, field: "\(field)@max")
        if let min, let max, min > max {
            error(node, field: field, value: "\(min)-\(max)",
                  "\(field): min \(min) is greater than max \(max)")
        }
        return OpenAgeRange(min: min, max: max)
    }

    mutating func source(_ element: FlatElement) -> SourceReference {
        guard let child = Fields(element).first(.source), let section = child.attribute(.section) else {
            error(element, field: "source", value: nil, "missing source section in the reference document")
            return SourceReference(section: "", text: "")
        }
        return SourceReference(section: section, footnote: child.attribute(.footnote).flatMap { Int($0) },
                               text: trimmed(child.text))
    }

    mutating func id(_ node: FlatElement) -> String {
        let value = node.attribute(.id) ?? ""
        if !Slug.isValid(value) {
            error(node, field: "id", value: value,
                  "id '\(value)' is not a lower-case slug (a–z, 0–9, single hyphens, at most 80 characters)")
        }
        return value
    }
}

/// The id rule shared by catalogue entries and file names.
public enum Slug {
    /// Whether `value` is a lower-case slug: `[a-z0-9]+(-[a-z0-9]+)*`, at most 80 characters.
    public static func isValid(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty, bytes.count <= 80, bytes.first != UInt8(ascii: "-"),
              bytes.last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default:
                return false
            }
        }
        return true
    }
}
