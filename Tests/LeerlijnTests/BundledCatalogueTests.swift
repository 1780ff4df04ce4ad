import Foundation
import Testing
@testable import Leerlijn
import LeerlijnXML

@Suite("Bundled catalogue")
struct BundledCatalogueTests {
    static let requiredProgrammes = [
        "kriebels-in-je-buik", "veiligwijs", "wonderlijk-gemaakt", "het-stopt-bij-jou", "ssr-sexual-offences",
        "ssr-digital-csam", "media-diamant", "help-ik-sta-online", "helpwanted", "online-veiligheid-voor-ouders",
        "log-in", "sexual-education-by-parents", "meldcode-toolkit", "make-it-safe", "digiraad", "ik-bepaal-zelf",
        "school-en-veiligheid", "cosec", "vid-training", "stop-it-now",
    ]

    @Test("Loads and holds every programme the issue names")
    func requiredIDs() throws {
        let catalogue = try TestSupport.catalogue()
        let ids = Set(catalogue.programmes.map(\.id))
        for id in Self.requiredProgrammes { #expect(ids.contains(id), "missing \(id)") }
    }

    @Test("Facts taken from the reference")
    func facts() throws {
        let catalogue = try TestSupport.catalogue()
        #expect(catalogue.programme(id: "kriebels-in-je-buik")?.ageRange == AgeRange(min: 4, max: 12))
        #expect(catalogue.programme(id: "het-stopt-bij-jou-escape-room")?.ageRange == AgeRange(min: 11, max: 17))
        #expect(catalogue.programme(id: "sexual-education-by-parents")?.status == .ended(date: nil, year: 2025))
        #expect(catalogue.programme(id: "make-it-safe")?.status.id == "ended")
        #expect(catalogue.programme(id: "make-it-safe")?.peerLed == true)
        #expect(catalogue.programme(id: "digiraad")?.peerLed == true)
        #expect(catalogue.programme(id: "ssr-sexual-offences")?.roles.contains("prosecutor") == true)
        #expect(catalogue.programme(id: "ssr-sexual-offences")?.roles.contains("judge") == true)
        let reporting = try #require(catalogue.requirement(id: "reporting-code"))
        #expect(reporting.strength == "law")
        #expect(Set(reporting.appliesTo.sectors) == ["healthcare", "education", "childcare", "social-support", "youth-care", "justice"])
        let agreement = catalogue.requirements.filter { $0.id.hasPrefix("sports-agreement-") }
        #expect(agreement.count == 4)
        #expect(agreement.allSatisfy { $0.validUntil == CalendarDate(iso: "2026-12-31") })
        for ref in ["III-16", "III-17", "III-20", "III-21", "VI-2", "VIII-2", "VIII-4", "VIII-5", "VIII-7",
                    "IX-4", "IX-5", "X-2", "X-3", "X-4", "X-5", "X-6", "X-7"] {
            #expect(catalogue.requirements.contains { $0.recommendations.contains(ref) }, "no requirement for \(ref)")
        }
        #expect(catalogue.requirements.first { $0.recommendations.contains("X-4") }?.strength == "require")
        #expect(catalogue.requirements.first { $0.recommendations.contains("VIII-2") }?.strength == "invite")
    }

    @Test("Every entry cites a section; every value has a basis; derived values name a known rule")
    func bases() throws {
        let catalogue = try TestSupport.catalogue()
        for programme in catalogue.programmes {
            #expect(!programme.source.section.isEmpty, "\(programme.id) has no source")
            #expect(programme.provenance.basis("title", "nl") != nil && programme.provenance.basis("evidence") != nil)
            for audience in programme.audiences { #expect(programme.provenance.basis("audience", audience.rawValue) != nil) }
            for entry in programme.provenance.all {
                if let rule = entry.basis.rule { #expect(catalogue.vocabulary.hasRule(rule), "\(programme.id): \(rule)") }
                if entry.basis == .rendered { #expect(["title", "summary"].contains(entry.field), "\(programme.id): \(entry.field)") }
            }
        }
        for requirement in catalogue.requirements {
            #expect(requirement.provenance.basis("binds") != nil, "\(requirement.id) says not whom it binds")
        }
    }

    @Test("The vocabulary file lists exactly the XSD enumerations")
    func vocabularyMatchesSchema() throws {
        let catalogue = try TestSupport.catalogue()
        let xsd = PublishedSchema.catalogueXSD.text
        let types = ["feature": "FeatureId", "binds": "BindsId", "audience": "AudienceId", "sector": "SectorId", "role": "RoleId", "topic": "TopicId",
                     "educationLevel": "EducationLevelId", "kind": "KindId", "format": "FormatId",
                     "accessibility": "AccessibilityId", "evidence": "EvidenceId", "cost": "CostId",
                     "strength": "StrengthId", "status": "StatusId"]
        for (list, type) in types {
            let start = try #require(xsd.range(of: "<xs:simpleType name=\"\(type)\">"))
            let end = try #require(xsd.range(of: "</xs:simpleType>", range: start.upperBound..<xsd.endIndex))
            let block = xsd[start.upperBound..<end.lowerBound]
            let values = block.components(separatedBy: "<xs:enumeration value=\"").dropFirst()
                .compactMap { $0.split(separator: "\"").first.map(String.init) }
            #expect(values == catalogue.vocabulary.ids(list), "\(list) differs from \(type)")
        }
    }

    @Test("Every schema in Catalog/schema/ is embedded")
    func everySchemaIsEmbedded() throws {
        // The bytes cannot differ (SwiftPM embeds the files themselves); the list in
        // Package.swift and PublishedSchema's cases can miss a new file.
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.catalogPath + "/schema")
            .filter { $0.hasSuffix(".xsd") || $0.hasSuffix(".json") }
        #expect(Set(files) == Set(PublishedSchema.allCases.map(\.fileName)))
        #expect(PublishedSchema.allCases.allSatisfy { !$0.bytes.isEmpty && $0.bytes.last == 0x0A })
    }

    @Test("Records decoded in parallel batches: an unknown term in each of three batches is reported three times, at each record")
    func errorsAcrossBatches() throws {
        let catalogue = try TestSupport.catalogue()
        var programmes = RandomProgrammes.make(count: 3 * RecordPipeline.batchSize + 10, seed: 8, vocabulary: catalogue.vocabulary)
        let broken = [2, RecordPipeline.batchSize + 500, 3 * RecordPipeline.batchSize + 3]
        for k in broken { programmes[k].topics = [Topic("no-such-topic")] }
        let bytes = ProgrammeSourceWriter.document(programmes)
        let root = try TestSupport.temporaryDirectory("batches")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/feed.xml"
        try AtomicFileWriter.write(bytes, to: path)
        // Where each programme's start tag is, by line: the broken ones' must be reported.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let starts = lines.indices.filter { lines[$0].contains("<programme ") || lines[$0].hasSuffix("<programme>") }.map { $0 + 1 }
        #expect(starts.count == programmes.count)
        do {
            _ = try CatalogueLoader().loadProgrammes(file: path, vocabulary: catalogue.vocabulary)
            Issue.record("the feed loaded")
        } catch {
            guard case .invalidData(let diagnostics) = error else { Issue.record("\(error)"); return }
            let unknown = diagnostics.filter { $0.value == "no-such-topic" }
            #expect(unknown.count == broken.count, "\(diagnostics.prefix(5))")
            for (k, diagnostic) in zip(broken, unknown.sorted { $0.line < $1.line }) {
                let next = k + 1 < starts.count ? starts[k + 1] : Int.max
                #expect((starts[k]..<next).contains(diagnostic.line), "record \(k): \(diagnostic)")
            }
        }
    }

    @Test("A feed large enough to be read in two parts: problems in either part at their own lines, XSD errors by the whole read")
    func largeFileInParts() throws {
        let catalogue = try TestSupport.catalogue()
        let programmes = RandomProgrammes.make(count: 12_000, seed: 9, vocabulary: catalogue.vocabulary)
        let text = String(decoding: ProgrammeSourceWriter.document(programmes), as: UTF8.self)
        #expect(text.utf8.count > SafeXMLReader.splitThreshold)
        let root = try TestSupport.temporaryDirectory("parts")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/feed.xml"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // An inverted age range (which the schema allows and the decoder reports) in a record
        // near the start and one near the end: one in each part.
        var inverted: [Int] = []
        for wanted in [100, lines.count - 2_000] {
            let line = try #require(lines.indices.first { $0 >= wanted && lines[$0].contains("<ageRange ") })
            let indent = lines[line].prefix { $0 == " " }
            lines[line] = indent + "<ageRange min=\"20\" max=\"13\" basis=\"stated\"/>"
            inverted.append(line + 1)
        }
        try AtomicFileWriter.write(Array(lines.joined(separator: "\n").utf8), to: path)
        func diagnostics() -> [Diagnostic] {
            do {
                _ = try CatalogueLoader().loadProgrammes(file: path, vocabulary: catalogue.vocabulary)
                Issue.record("the feed loaded")
            } catch {
                guard case .invalidData(let diagnostics) = error else { Issue.record("\(error)"); return [] }
                return diagnostics
            }
            return []
        }
        let found = diagnostics()
        #expect(found.map(\.line) == inverted, "\(found)")
        #expect(found.allSatisfy { $0.message.contains("min 20 is greater than max 13") && $0.file == path })
        // An unknown topic (a schema error) late in the file as well: the parts decline, and
        // the whole read reports all three problems at their lines.
        let topic = try #require(lines.indices.last { $0 < lines.count - 1_000 && lines[$0].contains("<topic ") })
        lines[topic] = lines[topic].replacingOccurrences(of: ">", with: ">no-such-", options: [], range: nil)
            .replacingOccurrences(of: "</topic>no-such-", with: "</topic>")
        try AtomicFileWriter.write(Array(lines.joined(separator: "\n").utf8), to: path)
        let all = diagnostics()
        #expect(all.contains { $0.line == topic + 1 && $0.field == "topic" }, "\(all)")
        #expect(Set(all.filter { $0.message.contains("min 20") }.map(\.line)) == Set(inverted))
    }

    @Test("A catalogue larger than libxml2's in-memory limit streams and loads")
    func largeFile() throws {
        let catalogue = try TestSupport.catalogue()
        let programmes = RandomProgrammes.make(count: 12_000, seed: 7, vocabulary: catalogue.vocabulary)
        let bytes = ProgrammeSourceWriter.document(programmes)
        #expect(bytes.count > 10 * 1024 * 1024)
        let root = try TestSupport.temporaryDirectory("large")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/feed.xml"
        try AtomicFileWriter.write(bytes, to: path)
        let loaded = try CatalogueLoader().loadProgrammes(file: path, vocabulary: catalogue.vocabulary)
        #expect(loaded.count == programmes.count)
        // Random entries carry no provenance, so the writer marks every value stated; the
        // loader then derives the ages of entries that state a level but no ages.
        let derived = loaded.filter { $0.ageRangeBasis == .derived(rule: Vocabulary.educationLevelAgesRule) }
        #expect(derived.allSatisfy { $0.ageRange == catalogue.vocabulary.derivedAges(levels: $0.educationLevels) })
        let undone = loaded.map { programme in
            var programme = programme
            #expect(programme.provenance.all.allSatisfy { $0.basis == .stated || $0.field == "ageRange" })
            if programme.ageRangeBasis != .stated { programme.ageRange = nil }
            programme.provenance = Provenance()
            return programme
        }
        #expect(undone == programmes)
    }
}
