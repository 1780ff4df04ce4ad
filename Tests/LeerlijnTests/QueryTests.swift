import Foundation
import PropertyBased
import Testing
@testable import Leerlijn
@testable import LeerlijnCLI
import LeerlijnXML

@Suite("Query on the bundled catalogue")
struct QueryTests {
    func ids(_ configure: (inout CatalogueQuery) -> Void) throws -> [String] {
        var query = CatalogueQuery()
        configure(&query)
        return query.run(on: try TestSupport.catalogue()).map(\.programme.id)
    }

    @Test("A 6-year-old gets the primary lesson series, not teenage or adult material")
    func sixYearOld() throws {
        let found = try ids { $0.age = 6 }
        #expect(found.contains("kriebels-in-je-buik"))
        #expect(!found.contains("het-stopt-bij-jou-escape-room"))
        #expect(!found.contains("ssr-sexual-offences"))
    }

    @Test("A 15-year-old gets the escape room, not the 4–12 series")
    func fifteenYearOld() throws {
        let found = try ids { $0.age = 15 }
        #expect(found.contains("het-stopt-bij-jou-escape-room"))
        #expect(!found.contains("kriebels-in-je-buik"))
    }

    @Test("Age boundaries: min and max inclusive, one outside excluded", arguments: [
        (4, true), (12, true), (3, false), (13, false),
    ])
    func boundaries(age: Int, included: Bool) throws {
        #expect(try ids { $0.age = age }.contains("kriebels-in-je-buik") == included)
    }

    @Test("Age spans overlap at the edges")
    func spans() throws {
        #expect(try ids { $0.ages = AgeRange(min: 12, max: 14) }.contains("kriebels-in-je-buik"))
        #expect(try ids { $0.ages = AgeRange(min: 12, max: 14) }.contains("het-stopt-bij-jou-escape-room"))
        #expect(!(try ids { $0.ages = AgeRange(min: 18, max: 25) }.contains("kriebels-in-je-buik")))
    }

    @Test("Parents get parent material, not the professional courses")
    func parents() throws {
        let found = try ids { $0.audiences = ["parents"] }
        for id in ["media-diamant", "help-ik-sta-online", "online-veiligheid-voor-ouders", "log-in"] {
            #expect(found.contains(id), "missing \(id)")
        }
        #expect(!found.contains("ssr-sexual-offences"))
        #expect(!found.contains("sexual-education-by-parents"), "ended programmes are excluded by default")
        #expect(try ids { $0.audiences = ["parents"]; $0.includeEnded = true }.contains("sexual-education-by-parents"))
    }

    @Test("Prosecutors and judges get both SSR courses; children's material is not for them")
    func justice() throws {
        let found = try ids { $0.roles = ["prosecutor", "judge"] }
        #expect(found.contains("ssr-sexual-offences"))
        #expect(found.contains("ssr-digital-csam"))
        #expect(!found.contains("kriebels-in-je-buik"))
    }

    @Test("Sports: the sector finds the safe-sport hotline; coaches' obligations come from the requirements")
    func sport() throws {
        #expect(try ids { $0.sectors = ["sport"] }.contains("cvsn"))
        #expect(!(try ids { $0.sectors = ["sport"] }.contains("ssr-sexual-offences")))
        let catalogue = try TestSupport.catalogue()
        let duties = RequirementQuery(sector: "sport", role: "coach").run(on: catalogue).map(\.id)
        #expect(duties.contains("sport-reporting-duty"))
        #expect(duties.contains("sports-agreement-competent-trainers"))
        #expect(!duties.contains("reporting-code"), "the reporting code does not name sport")
        let in2027 = RequirementQuery(sector: "sport", role: "coach", asOf: CalendarDate(iso: "2027-01-01")).run(on: catalogue).map(\.id)
        #expect(!in2027.contains("sports-agreement-competent-trainers"))
    }

    @Test("Free text is case- and diacritic-insensitive and ranked", arguments: [
        ("seksualiteit", "kriebels-in-je-buik"), ("Seksuele", "sexual-education-by-parents"),
        ("sexting", "pubers-in-beeld"), ("SÉXTING", "pubers-in-beeld"), ("kriebels", "kriebels-in-je-buik"),
    ])
    func text(word: String, expected: String) throws {
        let found = try ids { $0.text = word; $0.includeEnded = true }
        #expect(found.contains(expected), "\(word): \(found)")
        if word == "kriebels" { #expect(found.first == expected) }
    }

    @Test("Results without text are in Dutch title order, then id")
    func order() throws {
        let catalogue = try TestSupport.catalogue()
        let found = CatalogueQuery().run(on: catalogue).map(\.programme)
        let keys = found.map { TextFolding.fold($0.title.nl) + "\u{0}" + $0.id }
        #expect(keys == keys.sorted())
    }

    @Test("Explanations name the matching field")
    func explain() throws {
        var query = CatalogueQuery()
        query.age = 10
        query.topics = ["online-safety"]
        let match = try #require(query.run(on: try TestSupport.catalogue(), explain: true).first)
        #expect(match.explanation.contains("ages 4–12: stated; contains age 10"))
        #expect(match.explanation.contains { $0.hasPrefix("topic: online-safety (stated) ∈ topics") })
    }
}

@Suite("Query command line")
struct QueryCommandTests {
    let catalog = ["--catalog", TestSupport.catalogPath]

    @Test("Bad arguments exit 64 and say what is valid", arguments: [
        (["--age", "-3"], "0 to 25"), (["--ages", "12-4"], "inverted"), (["--age", "abc"], "not a learner age"),
        (["--topic", "onlinesafety"], "did you mean 'online-safety'"), (["--output", "yaml"], "table, json, xml, csv"),
        (["--as-of", "2026-13-01"], "YYYY-MM-DD"), (["--ages", "4"], "A-B"), (["--age", "26"], "0 to 25"),
        (["--language", "dutch!"], "BCP 47"), (["--recommendation", "XX-1"], "VIII-2"),
    ])
    func badArguments(arguments: [String], expected: String) {
        let outcome = LeerlijnCommand.execute(["query"] + catalog + arguments)
        #expect(outcome.code == 64)
        #expect(outcome.message?.contains(expected) == true, "\(outcome.message ?? "")")
    }

    @Test("A good query exits 0")
    func good() {
        #expect(LeerlijnCommand.execute(["query"] + catalog + ["--age", "10", "--output", "table"]).code == 0)
        #expect(LeerlijnCommand.execute(["query"] + catalog + ["--obligations", "--sector", "sport", "--role", "coach"]).code == 0)
        #expect(LeerlijnCommand.execute(["query"] + catalog + ["--obligations", "--sector", "sport", "--output", "csv"]).code == 64)
    }

    @Test("Obligations JSON lists what binds a sports coach, strongest first")
    func obligationsJSON() throws {
        let catalogue = try TestSupport.catalogue()
        let found = RequirementQuery(sector: "sport", role: "coach").run(on: catalogue)
        let object = try JSONSerialization.jsonObject(with: Data(RequirementRenderer(catalogue: catalogue).json(found)))
        let dictionary = try #require(object as? [String: Any])
        #expect(dictionary["count"] as? Int == found.count)
        let strengths = found.map { catalogue.vocabulary.rank($0.strength) }
        #expect(strengths == strengths.sorted())
    }

    @Test("validate exits 0 on the bundled catalogue and 66 on a missing folder")
    func validate() {
        #expect(LeerlijnCommand.execute(["validate"] + catalog).code == 0)
        #expect(LeerlijnCommand.execute(["validate", "--catalog", "/nonexistent"]).code == 66)
    }

    @Test("The table fits the width")
    func table() throws {
        let matches = CatalogueQuery().run(on: try TestSupport.catalogue())
        let text = QueryTableRenderer(width: 60).render(matches, explain: false)
        for line in text.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
    }
}

@Suite("Query index equals brute force")
struct QueryPropertyTests {
    static func randomQuery(_ random: inout TestRandom, vocabulary: Vocabulary) -> CatalogueQuery {
        var query = CatalogueQuery()
        func some(_ name: String) -> [String] {
            random.chance(30) ? random.pick(random.int(in: 1...2), from: vocabulary.ids(name)) : []
        }
        if random.chance(30) { query.age = random.int(in: 0...25) }
        if random.chance(20) {
            let low = random.int(in: 0...25)
            query.ages = AgeRange(min: low, max: random.int(in: low...25))
        }
        query.audiences = some("audience").map(Audience.init)
        query.sectors = some("sector").map(Sector.init)
        query.roles = some("role").map(Role.init)
        query.topics = some("topic").map(Topic.init)
        query.allTopics = random.chance(30)
        query.formats = some("format").map(DeliveryFormat.init)
        query.educationLevels = some("educationLevel").map(EducationLevel.init)
        query.accessibility = random.chance(10) ? some("accessibility").map(AccessibilityFeature.init) : []
        if random.chance(20) { query.languages = random.pick(1, from: ["nl", "EN", "tr"]) }
        if random.chance(10) { query.providers = ["provider \(random.int(in: 1...500))"] }
        if random.chance(15) { query.recommendations = random.pick(1, from: ["VIII-2", "X-4", "IX-5"]) }
        query.peerLedOnly = random.chance(15)
        if random.chance(20) { query.minimumEvidence = EvidenceLevel(random.pick(1, from: vocabulary.ids("evidence"))[0]) }
        query.includeEnded = random.chance(30)
        if random.chance(20) { query.asOf = CalendarDate(daysSinceEpoch: 19_000 + random.int(in: 0...2000)) }
        if random.chance(25) {
            query.text = random.pick(random.int(in: 1...2), from: ["veilig", "ouders", "sex", "Seksualiteit", "lessen", "hulp", "ab"])
                .joined(separator: " ")
        }
        return query
    }

    @Test("Indexed query returns exactly the brute-force matches")
    func indexEqualsBruteForce() async throws {
        let vocabulary = try TestSupport.catalogue().vocabulary
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000)) { seed in
            var random = TestRandom(seed: UInt64(seed))
            var programmes = RandomProgrammes.make(count: random.int(in: 0...300), seed: UInt64(seed), vocabulary: vocabulary)
            // Some validity dates, so that --as-of is exercised.
            for index in programmes.indices where random.chance(20) {
                let from = CalendarDate(daysSinceEpoch: 19_000 + random.int(in: 0...1000))
                programmes[index].validFrom = from
                programmes[index].validUntil = from.adding(days: random.int(in: 0...900))
            }
            let catalogue = Catalogue(programmes: programmes, requirements: [], vocabulary: vocabulary)
            for _ in 0..<10 {
                let query = Self.randomQuery(&random, vocabulary: vocabulary)
                let indexed = Set(query.run(on: catalogue).map(\.programme.id))
                let direct = Set(catalogue.programmes.filter { query.matchesDirectly($0, vocabulary: vocabulary) }.map(\.id))
                #expect(indexed == direct, "query \(query)")
            }
        }
    }
}

@Suite("Query output formats")
struct QueryOutputTests {
    func matches() throws -> (Catalogue, [QueryMatch]) {
        let catalogue = try TestSupport.catalogue()
        var query = CatalogueQuery()
        query.audiences = ["parents"]
        query.includeEnded = true
        return (catalogue, query.run(on: catalogue, explain: true))
    }

    @Test("JSON has count and the required programme fields, and is stable byte for byte")
    func json() throws {
        let (catalogue, found) = try matches()
        let renderer = QueryOutputRenderer(catalogue: catalogue)
        let bytes = renderer.render(found, format: .json, explain: true)
        #expect(bytes == renderer.render(found, format: .json, explain: true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["count"] as? Int == found.count)
        let programmes = try #require(object["programmes"] as? [[String: Any]])
        for programme in programmes {
            for key in ["id", "title", "provider", "audiences", "ageRange", "topics", "sectors", "roles", "formats",
                        "languages", "url", "status"] {
                #expect(programme.keys.contains(key), "missing \(key)")
            }
        }
        let kriebels = try #require(programmes.first { $0["id"] as? String == "kriebels-in-je-buik" })
        #expect((kriebels["ageRange"] as? [String: Int]) == ["min": 4, "max": 12])
        // Log in states no ages but secondary education: its ages are derived (rule education-level-ages).
        let log = try #require(programmes.first { $0["id"] as? String == "log-in" })
        #expect((log["ageRange"] is NSNull) == (log["ageRangeBasis"] is NSNull))
        #expect((log["ageRange"] as? [String: Int]) == ["min": 12, "max": 18])
        #expect(renderer.explanations(found).contains("audience: parents"))
    }

    @Test("XML validates against the published export XSD")
    func xml() throws {
        let (catalogue, found) = try matches()
        let bytes = QueryOutputRenderer(catalogue: catalogue).render(found, format: .xml, explain: false)
        let schema = try XMLSchema(bytes: PublishedSchema.exportCatalogueXSD.bytes, name: "catalogue.xsd")
        let summary = SafeXMLReader().validate(bytes: bytes, displayName: "query.xml", schema: schema)
        #expect(summary.isValid, "\(summary.diagnostics)")
    }

    @Test("CSV has a header and one row per match")
    func csv() throws {
        let (catalogue, found) = try matches()
        let text = String(decoding: QueryOutputRenderer(catalogue: catalogue).render(found, format: .csv, explain: false),
                          as: UTF8.self)
        #expect(text.hasPrefix("id,"))
        #expect(text.components(separatedBy: "\r\n").filter { $0.hasPrefix("kriebels-in-je-buik,") || $0.hasPrefix("log-in,") }.count == 2)
    }
}
