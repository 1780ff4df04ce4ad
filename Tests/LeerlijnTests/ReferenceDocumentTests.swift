import Foundation
import Testing
@testable import Leerlijn

/// Checks every checkable `stated` value against the passage its entry cites in the factsheet.
///
/// The factsheet lives beside the project's own checkout and in CI (`../shared/reference/`),
/// never in a user's clone: there these tests are skipped, with the reason shown.
@Suite("Stated values against the reference document",
       .enabled(if: ReferenceDocument.isAvailable,
                "skipped: the Lanzarote Committee factsheet (../shared/reference/) is only beside the project's own checkout and in CI"))
struct ReferenceDocumentTests {
    @Test("Every stated title, provider, age range, date and address is found in the cited chapter")
    func statedValues() throws {
        let reference = try ReferenceDocument()
        let catalogue = try TestSupport.catalogue()
        var checked = 0
        for programme in catalogue.programmes {
            let chapter = reference.chapter(programme.source.section)
            #expect(!chapter.isEmpty, "\(programme.id): chapter \(programme.source.section) not found")
            for language in ["nl", "en"] where programme.provenance.basis("title", language) == .stated {
                let title = language == "nl" ? programme.title.nl : programme.title.en
                #expect(reference.whole.contains(ReferenceDocument.fold(title)), "\(programme.id): stated title '\(title)' is not in the factsheet")
                checked += 1
            }
            for provider in programme.providers where programme.provenance.basis("provider", provider) == .stated {
                let names = provider.split(whereSeparator: { $0 == "(" || $0 == ")" })
                    .map { ReferenceDocument.fold(String($0)) }.filter { !$0.isEmpty }
                #expect(names.contains { chapter.contains($0) }, "\(programme.id): stated provider '\(provider)' is not in chapter \(programme.source.section)")
                checked += 1
            }
            if let ages = programme.ageRange, programme.provenance.basis("ageRange") == .stated {
                let forms = ["\(ages.min)-\(ages.max)", "\(ages.min) to \(ages.max)", "\(ages.min)–\(ages.max)"]
                #expect(forms.contains { chapter.contains($0) }, "\(programme.id): stated ages \(ages) are not in chapter \(programme.source.section)")
                checked += 1
            }
            for url in programme.urls {
                let bare = ReferenceDocument.fold(url.url.replacingOccurrences(of: "https://", with: "")
                    .replacingOccurrences(of: "http://", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "/")))
                switch programme.provenance.basis("url", url.url) {
                case .stated?:
                    #expect(reference.whole.contains(ReferenceDocument.fold(url.url)) || reference.whole.contains(bare),
                            "\(programme.id): stated address \(url.url) is not printed in the factsheet")
                case .derived(let rule)?:
                    #expect(rule == "url-from-domain")
                    #expect(reference.whole.contains(bare), "\(programme.id): \(url.url) is derived from a domain the factsheet does not name")
                default:
                    Issue.record("\(programme.id): \(url.url) has no basis")
                }
                checked += 1
            }
            checked += try checkDates(programme.id, programme.validFrom, programme.validUntil, programme.provenance, chapter)
        }
        for requirement in catalogue.requirements {
            let chapter = reference.chapter(requirement.source.section)
            #expect(!chapter.isEmpty, "\(requirement.id): chapter \(requirement.source.section) not found")
            for language in ["nl", "en"] where requirement.provenance.basis("title", language) == .stated {
                let title = language == "nl" ? requirement.title.nl : requirement.title.en
                #expect(reference.whole.contains(ReferenceDocument.fold(title)), "\(requirement.id): stated title '\(title)' is not in the factsheet")
                checked += 1
            }
            for ref in requirement.recommendations where requirement.provenance.basis("recommendation", ref) == .stated {
                #expect(chapter.contains("recommendation") && chapter.contains(ReferenceDocument.fold(ref)),
                        "\(requirement.id): recommendation \(ref) is not in chapter \(requirement.source.section)")
                checked += 1
            }
            if requirement.recommendations.first.map({ requirement.provenance.basis("strength") == .stated && !$0.hasPrefix("II-") }) == true,
               ["require", "request", "invite"].contains(requirement.strength.rawValue) {
                // The strength is the factsheet's own verb in the chapter that makes the recommendation.
                let verb = requirement.strength.rawValue
                #expect(chapter.contains(verb + "s") || chapter.contains(verb), "\(requirement.id): verb '\(verb)' not in chapter")
                checked += 1
            }
            checked += try checkDates(requirement.id, requirement.validFrom, requirement.validUntil, requirement.provenance, chapter)
        }
        #expect(checked > 100, "only \(checked) stated values were checked")
    }

    private func checkDates(_ id: String, _ from: CalendarDate?, _ until: CalendarDate?, _ provenance: Provenance,
                            _ chapter: String) throws -> Int {
        var checked = 0
        for (field, date) in [("validFrom", from), ("validUntil", until)] {
            guard let date else { continue }
            switch provenance.basis(field) {
            case .stated?:
                let month = ReferenceDocument.months[date.month - 1]
                #expect(chapter.contains(String(date.year)) && chapter.contains(month) && chapter.contains(String(date.day)),
                        "\(id): stated \(field) \(date) is not in the cited chapter")
            case .derived(let rule)?:
                #expect(chapter.contains(String(date.year)), "\(id): \(field) \(date) derived by \(rule) from a year the chapter does not give")
            default:
                Issue.record("\(id): \(field) has no basis")
            }
            checked += 1
        }
        return checked
    }
}

/// The factsheet, folded for matching, with its chapters.
struct ReferenceDocument {
    static let path = TestSupport.packageRoot + "/../shared/reference/000_7bcb8c871de40833.txt"
    static var isAvailable: Bool { FileManager.default.isReadableFile(atPath: path) }
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    let whole: String
    private let chapters: [String: String]

    init() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        whole = Self.fold(text)
        var chapters: [String: String] = [:]
        var current: String?
        var buffer: [Substring] = []
        let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // A chapter heading: "IX. Education for children" (the table of contents uses a tab).
            if let dot = line.firstIndex(of: "."), numerals.contains(String(line[..<dot])), !line.contains("\t") {
                if let current { chapters[current] = Self.fold(buffer.joined(separator: "\n")) }
                current = String(line[..<dot])
                buffer = []
            }
            buffer.append(line)
        }
        if let current { chapters[current] = Self.fold(buffer.joined(separator: "\n")) }
        self.chapters = chapters
    }

    /// The folded text of chapter `section` (a Roman numeral), empty when unknown.
    func chapter(_ section: String) -> String { chapters[section] ?? "" }

    /// Lower case, typographic quotes and dashes made plain, markdown escapes and runs of white space removed.
    static func fold(_ text: String) -> String {
        var result = text.lowercased()
        for (from, to) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("\\(", "("), ("\\)", ")")] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
