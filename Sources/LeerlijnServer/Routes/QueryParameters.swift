import Foundation
import Leerlijn

/// The query string of a request, decoded, in the order given.
struct QueryParameters: Sendable {
    /// `(name, value)` pairs, percent- and `+`-decoded.
    var items: [(name: String, value: String)]

    /// Decodes `query` (`a=1&b=x+y`); a malformed escape is a 400.
    init(_ query: String?) throws(Problem) {
        items = []
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawName = String(parts[0]), rawValue = parts.count > 1 ? String(parts[1]) : ""
            guard let name = Self.decode(rawName), let value = Self.decode(rawValue) else {
                throw Problem(.badRequest, kind: "malformed-query", title: "The query string is malformed",
                              detail: "'\(pair)' is not valid percent-encoded UTF-8")
            }
            items.append((name, value))
        }
    }

    private static func decode(_ text: String) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Every value of `name`.
    func values(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    /// The one value of `name`; given twice is a 400.
    func single(_ name: String) throws(Problem) -> String? {
        let found = values(name)
        guard found.count <= 1 else {
            throw Problem(.badRequest, kind: "invalid-parameter", title: "A query parameter is not valid",
                          detail: "\(name): given \(found.count) times; give it once", parameter: name)
        }
        return found.first
    }

    /// A flag: absent false; empty, `true` or `1` true; `false` or `0` false.
    func flag(_ name: String) throws(Problem) -> Bool {
        guard let value = try single(name) else { return false }
        switch value.lowercased() {
        case "", "true", "1": return true
        case "false", "0": return false
        default:
            throw Problem(.badRequest, kind: "invalid-parameter", title: "A query parameter is not valid",
                          detail: "\(name): '\(value)' is not a boolean; use true or false", parameter: name)
        }
    }

    /// A whole number in `range`, or nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let value = try single(name) else { return nil }
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), value.count <= 9, let number = Int(value),
              range.contains(number) else {
            throw Problem(.badRequest, kind: "invalid-parameter", title: "A query parameter is not valid",
                          detail: "\(name): '\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                          parameter: name)
        }
        return number
    }

    /// Rejects any parameter not in `known`, suggesting the nearest names (as the CLI does for options).
    func checkNames(_ known: [String]) throws(Problem) {
        for item in items where !known.contains(item.name) {
            let nearest = EditDistance.nearest(to: item.name, among: known, limit: 3)
            throw Problem(.badRequest, kind: "unknown-parameter", title: "Unknown query parameter",
                          detail: "unknown parameter '\(item.name)'; did you mean "
                              + nearest.map { "'\($0)'" }.joined(separator: ", ")
                              + "? Valid parameters: \(known.joined(separator: ", "))",
                          parameter: item.name, suggestions: nearest)
        }
    }

    /// The items in a canonical order (by name, then value): one cache key per meaning.
    var canonicalKey: String {
        items.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
            .map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    /// `query` with `replacements` set and the other items kept, percent-encoded.
    func query(replacing replacements: [(String, String)]) -> String {
        let names = Set(replacements.map(\.0))
        let kept = items.filter { !names.contains($0.name) }.map { ($0.name, $0.value) }
        return (kept + replacements).map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
    }

    private static let unreserved: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(0x7F)))
        set.insert(charactersIn: "-._~,")
        return set
    }()

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}

/// The filters of `leerlijn query` as query parameters, with the same names and the same
/// validation (``QueryFilterInput``), plus pagination and `modifiedSince`.
struct ProgrammeFilterParameters: Sendable {
    /// The names accepted, as the CLI spells its options.
    static let filterNames = ["age", "ages", "audience", "sector", "role", "topic", "all-topics", "language", "format",
                              "level", "provider", "recommendation", "accessibility", "peer-led", "min-evidence",
                              "include-ended", "as-of", "text"]
    static let pagingNames = ["page", "pageSize", "modifiedSince"]

    var input = QueryFilterInput()
    var page = 1
    var pageSize: Int
    var modifiedSince: CalendarDate?

    init(_ parameters: QueryParameters, options: ServerOptions, paging: Bool = true) throws(Problem) {
        try parameters.checkNames(Self.filterNames + (paging ? Self.pagingNames : []))
        pageSize = options.defaultPageSize
        input.age = try parameters.single("age")
        input.ages = try parameters.single("ages")
        input.audiences = parameters.values("audience")
        input.sectors = parameters.values("sector")
        input.roles = parameters.values("role")
        input.topics = parameters.values("topic")
        input.allTopics = try parameters.flag("all-topics")
        input.languages = parameters.values("language")
        input.formats = parameters.values("format")
        input.educationLevels = parameters.values("level")
        input.providers = parameters.values("provider")
        input.recommendations = parameters.values("recommendation")
        input.accessibility = parameters.values("accessibility")
        input.peerLed = try parameters.flag("peer-led")
        input.minimumEvidence = try parameters.single("min-evidence")
        input.includeEnded = try parameters.flag("include-ended")
        input.asOf = try parameters.single("as-of")
        input.text = try parameters.single("text")
        guard paging else { return }
        page = try parameters.integer("page", in: 1...1_000_000) ?? 1
        pageSize = try parameters.integer("pageSize", in: 1...options.maxPageSize) ?? options.defaultPageSize
        if let since = try parameters.single("modifiedSince") {
            guard let date = CalendarDate(iso: since) else {
                throw Problem(.badRequest, kind: "invalid-parameter", title: "A query parameter is not valid",
                              detail: "modifiedSince: '\(since)' is not a date; use YYYY-MM-DD (e.g. 2025-03-01)",
                              parameter: "modifiedSince")
            }
            modifiedSince = date
        }
    }

    /// The CLI's validation of the filters, its usage errors as 400 problems.
    static func resolve(_ input: QueryFilterInput, vocabulary: Vocabulary) throws(Problem) -> CatalogueQuery {
        do { return try input.resolve(vocabulary: vocabulary) } catch { throw Problem(error) }
    }

    /// The programmes that match, in the query's order, before paging.
    func matches(in catalogue: Catalogue) throws(Problem) -> [Programme] {
        let query = try Self.resolve(input, vocabulary: catalogue.vocabulary)
        let found = query.run(on: catalogue).map(\.programme)
        guard let modifiedSince else { return found }
        return found.filter { $0.lastModified >= modifiedSince }
    }
}
