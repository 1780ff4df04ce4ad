import LeerlijnXML

/// One element and lookups of its children by name.
struct Fields {
    let node: ElementNode

    init(_ node: ElementNode) {
        self.node = node
    }

    // Looked up by scanning the children: a record has a few dozen, their names are short
    // (compared inline, without hashing), and only the children asked for are copied.

    /// Every child named `name`, in document order.
    func all(_ name: String) -> [ElementNode] { node.children.filter { $0.name == name } }

    /// The first child named `name`.
    func first(_ name: String) -> ElementNode? { node.children.first { $0.name == name } }

    var line: Int { node.line }
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

    mutating func error(_ node: ElementNode, field: String, value: String?, _ message: String) {
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

    mutating func localized(_ node: Fields, _ name: String) -> LocalizedText {
        var nl = "", en = ""
        for child in node.all(name) {
            switch child.attribute("lang") {
            case "nl": nl = trimmed(child.text)
            case "en": en = trimmed(child.text)
            default: break
            }
        }
        if nl.isEmpty { error(node.node, field: "\(name)[nl]", value: nil, "missing Dutch \(name)") }
        if en.isEmpty { error(node.node, field: "\(name)[en]", value: nil, "missing English \(name)") }
        return LocalizedText(nl: nl, en: en)
    }

    func text(_ node: Fields, _ name: String) -> String? {
        node.first(name).map { trimmed($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func texts(_ node: Fields, _ name: String) -> [String] {
        node.all(name).map { trimmed($0.text) }.filter { !$0.isEmpty }
    }

    /// Terms of one vocabulary; unknown ids are reported with the nearest valid ones.
    mutating func terms<T: VocabularyTerm>(_ node: Fields, _ name: String, as: T.Type) -> [T] {
        var result: [T] = []
        for child in node.all(name) {
            let value = trimmed(child.text)
            if vocabulary.contains(value, in: T.vocabularyName) {
                if !result.contains(T(value)) { result.append(T(value)) }
            } else {
                unknownTerm(child, field: name, value: value, vocabularyName: T.vocabularyName)
            }
        }
        return result
    }

    mutating func term<T: VocabularyTerm>(_ node: Fields, _ name: String, as type: T.Type) -> T? {
        guard let child = node.first(name) else { return nil }
        let value = trimmed(child.text)
        guard vocabulary.contains(value, in: T.vocabularyName) else {
            unknownTerm(child, field: name, value: value, vocabularyName: T.vocabularyName)
            return nil
        }
        return T(value)
    }

    mutating func unknownTerm(_ node: ElementNode, field: String, value: String, vocabularyName: String) {
        let nearest = vocabulary.suggestions(for: value, in: vocabularyName)
        let all = vocabulary.ids(vocabularyName)
        var message = "\(field): unknown \(vocabularyName) '\(value)'"
        if !nearest.isEmpty { message += "; did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?" }
        message += " Valid values: \(all.joined(separator: ", "))"
        error(node, field: field, value: value, message)
    }

    mutating func date(_ node: Fields, _ name: String) -> CalendarDate? {
        guard let child = node.first(name) else { return nil }
        let value = trimmed(child.text)
        guard let date = CalendarDate(iso: value) else {
            error(child, field: name, value: value, "\(name): '\(value)' is not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    mutating func age(_ node: ElementNode, _ attribute: String, field: String) -> Int? {
        guard let raw = node.attribute(attribute) else { return nil }
        let value = trimmed(raw)
        guard let age = Int(value), (0...25).contains(age) else {
            error(node, field: field, value: value,
                  "\(field): '\(value)' is not a learner age; ages are whole years from 0 to 25")
            return nil
        }
        return age
    }

    mutating func openAges(_ node: ElementNode?, field: String) -> OpenAgeRange? {
        guard let node else { return nil }
        let min = age(node, "min", field: "\(field)@min"), max = age(node, "max", field: "\(field)@max")
        if let min, let max, min > max {
            error(node, field: field, value: "\(min)-\(max)",
                  "\(field): min \(min) is greater than max \(max)")
        }
        return OpenAgeRange(min: min, max: max)
    }

    mutating func source(_ node: Fields) -> SourceReference {
        guard let child = node.first("source"), let section = child.attribute("section") else {
            error(node.node, field: "source", value: nil, "missing source section in the reference document")
            return SourceReference(section: "", text: "")
        }
        return SourceReference(section: section, footnote: child.attribute("footnote").flatMap { Int($0) },
                               text: trimmed(child.text))
    }

    mutating func id(_ node: ElementNode) -> String {
        let value = node.attribute("id") ?? ""
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
