import Foundation
import Testing
@testable import Leerlijn

/// `catalogue.json` objects written straight from snapshot records, and the byte writer's string
/// escaping: both must give exactly the bytes of the paths they stand in for.
@Suite("JSON from snapshot records")
struct SnapshotJSONTests {
    /// Strings that exercise every escape and the eight-byte fast path's edges.
    static let awkward = [
        "", "a", "plain ascii text longer than eight bytes", "\"quoted\"", "back\\slash", "<script>", "tab\there",
        "line\nbreak\r\n", "\u{01}\u{1F}\u{7F}", "line\u{2028}separator\u{2029}", "dash – and ’quote’ (E2 80 93/99)",
        "exactly8", "12345678\"", "1234567<", "émigré ĳsje 😀 漢字", "\u{E2}", String(repeating: "x", count: 63) + "\u{2028}",
    ]

    static func escapedByValue(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.writeString(text, into: &bytes)
        return bytes
    }

    @Test("The byte writer escapes strings exactly as JSONValue does: awkward cases and random strings")
    func escaping() {
        var random = TestRandom(seed: 7)
        let pool: [Character] = ["a", "Z", "0", " ", "\"", "\\", "<", ">", "\n", "\t", "\r", "\u{00}", "\u{1B}", "\u{7F}",
                                 "\u{2028}", "\u{2029}", "–", "’", "é", "😀", "/", "&"]
        var cases = Self.awkward
        for _ in 0..<2000 {
            cases.append(String((0..<random.int(in: 0...40)).map { _ in random.element(of: pool) }))
        }
        for text in cases {
            var writer = JSONStreamWriter(reservingCapacity: 16)
            writer.string(text)
            Self.expectSame(Self.escapedByValue(text), writer.takeBytes(), text.debugDescription)
            var bytes = JSONStreamWriter(reservingCapacity: 16)
            var copy = text
            copy.withUTF8 { bytes.string(utf8: UnsafeRawBufferPointer($0)) }
            Self.expectSame(Self.escapedByValue(text), bytes.takeBytes(), text.debugDescription)
        }
    }

    @Test("Dates, integers and null written by the byte writer equal JSONValue's")
    func scalars() {
        for days in [-719_162, -1, 0, 1, 19_000, 2_932_896] {
            let date = CalendarDate(daysSinceEpoch: days)
            var writer = JSONStreamWriter(reservingCapacity: 0)
            writer.date(date)
            #expect(writer.takeBytes() == JSONValue.string(date.description).serialized())
        }
        for value in [0, 1, -1, 9, 10, 99, 100, -100, Int.max, Int.min] {
            var writer = JSONStreamWriter(reservingCapacity: 0)
            writer.int(value)
            #expect(writer.takeBytes() == JSONValue.int(value).serialized(), "\(value)")
        }
    }

    /// The programme's object as the exporter writes it, and as written from its record.
    static func both(_ programme: Programme) throws -> (decoded: [UInt8], fromRecord: [UInt8]) {
        var sink = SnapshotSink()
        SnapshotCodec.write(programme, &sink)
        var expected = JSONStreamWriter(fragmentAt: 2, first: true, reservingCapacity: 0)
        expected.element()
        CatalogueJSONExporter.write(programme, into: &expected)
        var actual = JSONStreamWriter(fragmentAt: 2, first: true, reservingCapacity: 0)
        let result: Result<Void, SnapshotRejection> = sink.bytes.withUnsafeBytes { raw in
            do throws(SnapshotRejection) {
                var source = SnapshotSource(raw)
                let view = try ProgrammeRecordView(&source)
                guard source.isAtEnd else { throw SnapshotRejection("trailing bytes") }
                actual.element()
                view.writeJSON(into: &actual)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return (expected.takeBytes(), actual.takeBytes())
    }

    /// Expects equal bytes; on a difference, names where it starts (not thousands of numbers).
    static func expectSame(_ expected: [UInt8], _ actual: [UInt8], _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        guard expected != actual else { return }
        let at = (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] } ?? min(expected.count, actual.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self)
        }
        Issue.record("\(what): bytes differ at \(at) (of \(expected.count) and \(actual.count)):\nexpected …\(around(expected))…\nactual   …\(around(actual))…",
                     sourceLocation: sourceLocation)
    }

    @Test("Every bundled programme's object written from its record equals the exporter's")
    func bundled() throws {
        for programme in try TestSupport.catalogue().programmes {
            let (decoded, fromRecord) = try Self.both(programme)
            Self.expectSame(decoded, fromRecord, programme.id)
        }
    }

    @Test("Random programmes with awkward strings and every optional field set or not: record JSON equals the exporter's")
    func random() throws {
        let vocabulary = try TestSupport.catalogue().vocabulary
        var random = TestRandom(seed: 11)
        var compared = 0
        for var programme in RandomProgrammes.make(count: 300, seed: 5, vocabulary: vocabulary) {
            func awkward() -> String { random.element(of: Self.awkward) }
            programme.title = LocalizedText(nl: awkward() + programme.title.nl, en: programme.title.en + awkward())
            programme.summary = LocalizedText(nl: awkward(), en: awkward())
            programme.providers = (0..<random.int(in: 0...3)).map { _ in awkward() + "provider" }
            programme.kind = random.chance(30) ? nil : programme.kind
            programme.note = random.chance(30) ? awkward() : nil
            programme.duration = random.chance(30) ? awkward() : programme.duration
            programme.peerLed = random.chance(30) ? nil : random.chance(50)
            programme.urls = (0..<random.int(in: 0...3)).map { ProgrammeURL(kind: awkward(), url: "https://example.org/\($0)" + awkward()) }
            programme.source = SourceReference(section: awkward(), footnote: random.chance(50) ? random.int(in: -5...500) : nil, text: awkward())
            programme.validFrom = random.chance(30) ? CalendarDate(daysSinceEpoch: random.int(in: -719_162...2_932_896)) : nil
            programme.validUntil = random.chance(30) ? CalendarDate(daysSinceEpoch: random.int(in: 0...30_000)) : nil
            switch random.int(in: 0...4) {
            case 0: programme.status = .ended(date: nil, year: nil)
            case 1: programme.status = .ended(date: programme.lastModified, year: nil)
            case 2: programme.status = .ended(date: nil, year: random.int(in: -3...3000))
            default: break
            }
            if random.chance(50) { programme.ageRange = AgeRange(min: random.int(in: -2...30), max: random.int(in: 0...99)) }
            var provenance = Provenance()
            for field in ["ageRange", "audience", "title", "url"].filter({ _ in random.chance(60) }) {
                let basis: Basis = random.chance(40) ? .derived(rule: awkward() + "rule") : random.chance(50) ? .stated : .rendered
                provenance.set(basis, field: field, value: field == "ageRange" ? "" : awkward())
            }
            programme.provenance = provenance
            let (decoded, fromRecord) = try Self.both(programme)
            Self.expectSame(decoded, fromRecord, programme.id)
            compared += 1
        }
        #expect(compared == 300)
    }

    @Test("A query's JSON written from a snapshot's records equals the decoded programmes' JSON, and damage is noticed")
    func wholeDocuments() throws {
        let scratch = try SnapshotCacheTests.Scratch()
        defer { scratch.remove() }
        try scratch.load()
        let warm = try scratch.load()
        #expect(warm.fromSnapshot)
        let xml = try CatalogueLoader().load(directory: scratch.catalog)
        for query in SnapshotCacheTests.queries() {
            let offsets = query.matchingOffsets(in: warm.catalogue)
            #expect(offsets.map { warm.catalogue.programme(at: $0) } == query.run(on: xml).map(\.programme))
            var direct: [UInt8] = []
            QueryOutputRenderer(catalogue: warm.catalogue).renderJSON(offsets: offsets) { direct += $0 }
            Self.expectSame(QueryOutputRenderer(catalogue: xml).render(query.run(on: xml), format: .json, explain: false), direct,
                            "query \(query)")
            #expect(warm.catalogue.snapshotDamage == nil)
        }
        // A flipped byte in the last record: the direct path records the damage, as decoding does.
        let path = try #require(scratch.snapshotFiles.first)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 20] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = try CatalogueSnapshotCache(folder: scratch.cache).load(directory: scratch.catalog)
        #expect(damaged.fromSnapshot)
        QueryOutputRenderer(catalogue: damaged.catalogue).renderJSON(offsets: Array(0..<damaged.catalogue.programmeCount)) { _ in }
        #expect(damaged.catalogue.snapshotDamage != nil)
    }

    @Test("A plan's streamed JSON equals its JSONValue serialised, for every example profile and 40 random ones")
    func planDocuments() throws {
        let planner = try PlannerFixtures.planner()
        let renderer = PlanJSONRenderer(catalogue: planner.index.catalogue)
        var profiles = try RandomProfiles.examples.get()
        for number in 0..<40 { profiles.append(try RandomProfiles.profile(number: number, seed: 23)) }
        for profile in profiles {
            let plan = planner.plan(for: profile)
            var expected = renderer.value(plan).serialized(pretty: true)
            expected.append(0x0A)
            Self.expectSame(expected, renderer.render(plan), profile.id)
        }
    }

    @Test("Without the mapping (read with pread, as where mmap fails) a snapshot gives the same catalogue, query JSON and plans")
    func withoutMapping() throws {
        let scratch = try SnapshotCacheTests.Scratch()
        defer { scratch.remove() }
        try scratch.load()
        CatalogueSnapshot.usesMapping.store(false, ordering: .relaxed)
        defer { CatalogueSnapshot.usesMapping.store(true, ordering: .relaxed) }
        let warm = try scratch.load()
        #expect(warm.fromSnapshot)
        let xml = try CatalogueLoader().load(directory: scratch.catalog)
        #expect(warm.catalogue.programmes == xml.programmes)
        #expect((0..<xml.programmes.count).map(warm.catalogue.programme(at:)) == xml.programmes)
        #expect(warm.catalogue.storedDigest.value == PlannerDigest(programmes: xml.programmes, requirements: xml.requirements,
                                                                   vocabulary: xml.vocabulary))
        for query in SnapshotCacheTests.queries() {
            var direct: [UInt8] = []
            QueryOutputRenderer(catalogue: warm.catalogue).renderJSON(offsets: query.matchingOffsets(in: warm.catalogue)) { direct += $0 }
            Self.expectSame(QueryOutputRenderer(catalogue: xml).render(query.run(on: xml), format: .json, explain: false), direct,
                            "query \(query)")
        }
        for profile in try RandomProfiles.examples.get() {
            let a = Planner(catalogue: xml).plan(for: profile), b = Planner(catalogue: warm.catalogue).plan(for: profile)
            Self.expectSame(PlanRenderer.render(a, as: .json, catalogue: xml), PlanRenderer.render(b, as: .json, catalogue: warm.catalogue),
                            profile.id)
        }
        #expect(warm.catalogue.snapshotDamage == nil)
    }
}
