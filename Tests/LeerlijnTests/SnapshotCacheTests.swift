import Foundation
import Testing
@testable import Leerlijn
@testable import LeerlijnCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The snapshot cache of `query` and `plan`: results byte-identical with and without it, and
/// every way a snapshot can stop matching the XML detected, never trusted.
@Suite("Snapshot cache", .serialized)
struct SnapshotCacheTests {
    /// A copy of the bundled catalogue and an empty cache folder, removed afterwards.
    struct Scratch {
        let catalog: String
        let cache: String
        let root: String

        init() throws {
            root = try TestSupport.temporaryDirectory("snapshot")
            catalog = root + "/Catalog"
            cache = root + "/cache"
            try FileManager.default.copyItem(atPath: TestSupport.catalogPath, toPath: catalog)
        }

        var store: CatalogueSnapshotCache { CatalogueSnapshotCache(folder: cache) }

        /// Loads through the cache and writes the snapshot if the XML was read.
        @discardableResult
        func load(_ maxFileBytes: Int = SafeXMLReaderLimit.bytes) throws -> CatalogueSnapshotCache.Loaded {
            let cache = CatalogueSnapshotCache(folder: cache, maxFileBytes: maxFileBytes)
            let loaded = try cache.load(directory: catalog)
            #expect(cache.store(loaded) == nil)
            return loaded
        }

        var snapshotFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasSuffix(".snapshot") }
                .map { cache + "/" + $0 }
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    enum SafeXMLReaderLimit { static let bytes = 256 * 1024 * 1024 }

    static func queries() -> [CatalogueQuery] {
        var result: [CatalogueQuery] = []
        var q = CatalogueQuery()
        result.append(q)
        q.age = 10
        q.topics = ["online-safety"]
        result.append(q)
        q = CatalogueQuery()
        q.sectors = ["sport"]
        q.roles = ["coach"]
        result.append(q)
        q = CatalogueQuery()
        q.text = "seksualiteit"
        result.append(q)
        q = CatalogueQuery()
        q.age = 6
        q.statedAgesOnly = true
        result.append(q)
        q = CatalogueQuery()
        q.includeEnded = true
        q.asOf = CalendarDate(year: 2019, month: 1, day: 1)
        result.append(q)
        q = CatalogueQuery()
        q.providers = ["rutgers"]
        q.minimumEvidence = "promising-practice"
        result.append(q)
        return result
    }

    @Test("SHA-256 gives the FIPS 180-4 test vectors, fed whole or in odd pieces")
    func sha256Vectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // Pieces of 7 and 61 bytes cross every block boundary differently.
        let long = (0..<5).flatMap { _ in (0...255).map(UInt8.init) }
        for step in [1, 7, 61, 64, 200] {
            var hasher = SHA256()
            for piece in stride(from: 0, to: long.count, by: step) {
                long[piece..<min(piece + step, long.count)].withUnsafeBytes { hasher.update($0) }
            }
            #expect(SHA256.hexString(hasher.finalize()) == "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed", "pieces of \(step)")
        }
    }

    @Test("A catalogue read back from its snapshot equals the one loaded from the XML, value by value")
    func roundTrip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cold = try scratch.load()
        #expect(!cold.fromSnapshot)
        #expect(scratch.snapshotFiles.count == 1)
        let warm = try scratch.load()
        #expect(warm.fromSnapshot)
        let xml = try TestSupport.catalogue()
        #expect(warm.catalogue.programmeCount == xml.programmes.count)
        #expect(warm.catalogue.programmes == xml.programmes)
        #expect(warm.catalogue.requirements == xml.requirements)
        #expect(warm.catalogue.vocabulary == xml.vocabulary)
        #expect(warm.catalogue.newestModification == xml.newestModification)
        #expect((0..<xml.programmes.count).map(warm.catalogue.programme(at:)) == xml.programmes)
        // The stored head sections equal what the XML gives.
        #expect(warm.catalogue.idTable == ProgrammeIDTable(xml.programmes.map(\.id)))
        #expect(warm.catalogue.programmeIDs == xml.programmeIDs)
        #expect(warm.catalogue.storedDigest.value == PlannerDigest(programmes: xml.programmes, requirements: xml.requirements,
                                                                               vocabulary: xml.vocabulary))
        #expect(xml.storedDigest.value == nil)
        for id in xml.programmeIDs + ["", "zzz", "a", "kriebels"] {
            #expect(warm.catalogue.position(of: id) == xml.programmeIDs.firstIndex(of: id), "\(id)")
            #expect(warm.catalogue.programme(id: id) == xml.programmes.first { $0.id == id })
        }
        #expect(warm.catalogue.snapshotDamage == nil)
    }

    @Test("A damaged head section read late (ids, query index, planner digest) is noticed; the answer comes from the records and the command starts again from the XML",
          arguments: CatalogueSnapshot.Section.allCases.filter { $0 != .core })
    func damagedSection(_ section: CatalogueSnapshot.Section) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.load()
        let path = try #require(scratch.snapshotFiles.first)
        let range = try CatalogueSnapshot(path: path).byteRange(of: section)
        #expect(range.count > 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[range.lowerBound + range.count / 2] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let loaded = try scratch.load()
        #expect(loaded.fromSnapshot, "the core is whole: the snapshot opens")
        #expect(loaded.catalogue.snapshotDamage == nil, "nothing read yet")
        let xml = try TestSupport.catalogue()
        let profile = TestSupport.catalogPath + "/profiles/primary-school.xml"
        let plan = { (catalogue: Catalogue) throws -> String in
            let made = Planner(catalogue: catalogue).plan(for: try ProfileLoader(catalogue: catalogue).load(path: profile))
            return String(decoding: PlanRenderer.render(made, as: .json, catalogue: catalogue), as: UTF8.self)
        }
        switch section {
        case .ids: #expect(loaded.catalogue.programmeIDs == xml.programmeIDs)
        case .index: #expect(Self.queries().map { $0.run(on: loaded.catalogue) } == Self.queries().map { $0.run(on: xml) })
        case .core: #expect(try plan(loaded.catalogue) == (try plan(xml)))
        case .digest:
            // The digest's checksum is verified beside the planning: a plan from a damaged
            // digest can be wrong, and is never shown (below, the command computes it again).
            _ = try plan(loaded.catalogue)
        }
        #expect(loaded.catalogue.snapshotDamage?.contains("\(section) section checksum mismatch") == true,
                "\(loaded.catalogue.snapshotDamage ?? "no damage")")
        // Through the command's runner: computed on the snapshot, damage seen, computed again from the XML.
        let options = try SnapshotOptions.parse(["--cache-dir", scratch.cache])
        let catalogue = try CatalogueOptions.parse(["--catalog", scratch.catalog])
        var computed = 0, shown = ""
        try options.run(catalogue, compute: { loaded -> String in
            computed += 1
            return try plan(loaded) + Self.queries().map { "\($0.run(on: loaded))" }.joined()
        }, emit: { shown = $0 })
        #expect(computed == 2)
        #expect(shown == (try plan(xml)) + Self.queries().map { "\($0.run(on: xml))" }.joined())
        #expect(try scratch.load().fromSnapshot)
    }

    @Test("Queries and plans give the same bytes with and without the snapshot, in every output format")
    func sameBytes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.load()
        let warm = try scratch.load()
        #expect(warm.fromSnapshot)
        // A fresh XML load of the same copy: nothing shared with the snapshot-backed value.
        let xml = try CatalogueLoader().load(directory: scratch.catalog)
        for query in Self.queries() {
            let fromXML = query.run(on: xml, explain: true), fromSnapshot = query.run(on: warm.catalogue, explain: true)
            #expect(fromXML == fromSnapshot)
            for format in [QueryOutputFormat.table, .json, .xml, .csv] {
                #expect(QueryOutputRenderer(catalogue: xml).render(fromXML, format: format, explain: true)
                    == QueryOutputRenderer(catalogue: warm.catalogue).render(fromSnapshot, format: format, explain: true))
            }
        }
        let profiles = try FileManager.default.contentsOfDirectory(atPath: scratch.catalog + "/profiles").sorted()
        #expect(profiles.count >= 5)
        for name in profiles {
            let path = scratch.catalog + "/profiles/" + name
            let a = Planner(catalogue: xml).plan(for: try ProfileLoader(catalogue: xml).load(path: path), asOf: nil)
            let b = Planner(catalogue: warm.catalogue).plan(for: try ProfileLoader(catalogue: warm.catalogue).load(path: path), asOf: nil)
            for format in PlanOutputFormat.allCases {
                #expect(PlanRenderer.render(a, as: format, catalogue: xml) == PlanRenderer.render(b, as: format, catalogue: warm.catalogue),
                        "\(name) as \(format)")
            }
        }
    }

    @Test("The command line prints the same bytes cold, warm and with --no-cache; --no-cache writes no snapshot")
    func commandLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let binary = try #require(ExportDurabilityTests.binary, "no built leerlijn binary next to the test bundle")
        func run(_ arguments: [String]) throws -> (status: Int32, out: Data, err: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments + ["--catalog", scratch.catalog, "--cache-dir", scratch.cache]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let bytes = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, bytes, String(decoding: errors, as: UTF8.self))
        }
        let query = ["query", "--age", "10", "--topic", "online-safety", "--output", "json"]
        let bypass = try run(query + ["--no-cache"])
        #expect(bypass.status == 0)
        #expect(scratch.snapshotFiles.isEmpty)
        let cold = try run(query), warm = try run(query)
        #expect(scratch.snapshotFiles.count == 1)
        #expect(cold.out == bypass.out && warm.out == bypass.out)
        #expect(cold.err.isEmpty && warm.err.isEmpty, "\(cold.err) \(warm.err)")
        let plan = ["plan", "--profile", scratch.catalog + "/profiles/sports-club.json", "--output-format", "json"]
        let planned = try run(plan), plannedWithout = try run(plan + ["--no-cache"])
        #expect(planned.status == 0 && planned.out == plannedWithout.out)
    }

    @Test("A changed, added, removed or same-size rewritten source file is seen; a touched but unchanged one is not")
    func staleness() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.load()
        #expect(try scratch.load().fromSnapshot)
        let file = scratch.catalog + "/programmes/" + (try #require(
            FileManager.default.contentsOfDirectory(atPath: scratch.catalog + "/programmes").sorted().first { $0.hasSuffix(".xml") }))

        // Touched, content unchanged: the stamp differs, the hash does not.
        #expect(utimes(file, nil) == 0)
        #expect(try scratch.load().fromSnapshot)

        // Same size, one title letter changed, modification time put back: the change time and
        // the hash still tell.
        var info = stat()
        #expect(stat(file, &info) == 0)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let start = try #require(original.range(of: "<title lang=\"nl\""))
        let index = original.index(after: try #require(original[start.upperBound...].firstIndex(of: ">")))
        let letter = original[index]
        let replacement: Character = letter == "X" ? "Y" : "X"
        let changed = original.replacingCharacters(in: index...index, with: String(replacement))
        #expect(changed.utf8.count == original.utf8.count || !letter.isASCII)
        try changed.write(toFile: file, atomically: false, encoding: .utf8)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        let reloaded = try scratch.load()
        #expect(!reloaded.fromSnapshot)
        #expect(reloaded.catalogue.programmes.contains { $0.title.nl.hasPrefix(String(replacement)) })
        #expect(try scratch.load().fromSnapshot)

        // A new file, then its removal.
        let extra = scratch.catalog + "/programmes/zz-extra.xml"
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <programmes xmlns="urn:leerlijn:catalogue:1">
        \(TestSupport.programme(id: "zz-extra-programme"))
        </programmes>
        """.write(toFile: extra, atomically: true, encoding: .utf8)
        let added = try scratch.load()
        #expect(!added.fromSnapshot)
        #expect(added.catalogue.programme(id: "zz-extra-programme") != nil)
        #expect(try scratch.load().fromSnapshot)
        try FileManager.default.removeItem(atPath: extra)
        let removed = try scratch.load()
        #expect(!removed.fromSnapshot)
        #expect(removed.catalogue.programme(id: "zz-extra-programme") == nil)
    }

    @Test("A file touched but unchanged is hashed once; then the snapshot's stamps are refreshed so later uses need not hash it")
    func refreshedStamps() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Files changed within two seconds of a load are always hashed: let the copy age first.
        Thread.sleep(forTimeInterval: 2.2)
        try scratch.load()
        let settled = try scratch.store.load(directory: scratch.catalog)
        #expect(settled.fromSnapshot && settled.refresh == nil)
        #expect(utimes(scratch.catalog + "/vocabulary.xml", nil) == 0)
        Thread.sleep(forTimeInterval: 2.2)
        let touched = try scratch.store.load(directory: scratch.catalog)
        #expect(touched.fromSnapshot)
        let refresh = try #require(touched.refresh)
        let vocabularyRecord = try #require(refresh.sources.first { $0.path == "vocabulary.xml" })
        #expect(vocabularyRecord.stampIsConclusive)
        #expect(scratch.store.store(touched) == nil)
        let after = try scratch.store.load(directory: scratch.catalog)
        #expect(after.fromSnapshot && after.refresh == nil)
        #expect(after.catalogue.programmes == (try TestSupport.catalogue()).programmes)
    }

    @Test("A truncated, corrupted or extended snapshot is refused with a note, and the XML is read")
    func damage() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.load()
        let path = try #require(scratch.snapshotFiles.first)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        func attempt(_ bytes: Data) throws -> CatalogueSnapshotCache.Loaded {
            try bytes.write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            return try scratch.store.load(directory: scratch.catalog)
        }
        let truncated = try attempt(good.prefix(good.count - 100))
        #expect(!truncated.fromSnapshot)
        #expect(truncated.notes.contains { $0.contains("truncated") })
        var extended = good
        extended.append(0)
        #expect(try !attempt(extended).fromSnapshot)
        // A flipped byte in the header, in the head, and in the last programme record.
        for offset in [40, good.count / 10, good.count - 20] {
            var flipped = good
            flipped[offset] ^= 0x5A
            let loaded = try attempt(flipped)
            if loaded.fromSnapshot {
                // Only a record can be damaged unseen at open; decoding it must notice.
                _ = loaded.catalogue.programmes
                #expect(loaded.catalogue.snapshotDamage?.contains("checksum") == true, "offset \(offset)")
                let again = try scratch.store.reload(directory: scratch.catalog, damage: loaded.catalogue.snapshotDamage ?? "")
                #expect(!again.fromSnapshot)
                #expect(again.catalogue.programmes == (try TestSupport.catalogue()).programmes)
            } else {
                #expect(loaded.notes.contains { $0.contains("checksum") || $0.contains("bad") || $0.contains("truncated") },
                        "offset \(offset): \(loaded.notes)")
            }
        }
        // Garbage of the right length.
        #expect(try !attempt(Data(repeating: 0x41, count: good.count)).fromSnapshot)
    }

    @Test("The command line starts again from the XML when a programme record turns out damaged while querying")
    func damagedRecordInCommand() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.load()
        let path = try #require(scratch.snapshotFiles.first)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 20] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let options = try SnapshotOptions.parse(["--cache-dir", scratch.cache])
        let catalogue = try CatalogueOptions.parse(["--catalog", scratch.catalog])
        var computed = 0
        var shown: [String] = []
        try options.run(catalogue, compute: { loaded -> [String] in
            computed += 1
            return loaded.programmes.map(\.id)
        }, emit: { shown = $0 })
        #expect(computed == 2)
        #expect(shown == (try TestSupport.catalogue()).programmes.map(\.id))
        // The rebuilt snapshot is whole again.
        #expect(try scratch.load().fromSnapshot)
    }

    @Test("A snapshot of another Leerlijn version, or writable by others, or in someone else's folder, is not used")
    func foreign() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cache = scratch.store
        let loaded = try cache.load(directory: scratch.catalog)
        #expect(cache.store(loaded, toolVersion: "0.0.0-other") == nil)
        let other = try cache.load(directory: scratch.catalog)
        #expect(!other.fromSnapshot)
        #expect(other.notes.isEmpty, "another version is replaced without a word")
        #expect(cache.store(other) == nil)
        #expect(try cache.load(directory: scratch.catalog).fromSnapshot)

        let path = try #require(scratch.snapshotFiles.first)
        chmod(path, 0o666)
        let shared = try cache.load(directory: scratch.catalog)
        #expect(!shared.fromSnapshot)
        #expect(shared.notes.contains { $0.contains("writable by group or others") })
        chmod(path, 0o600)
        #expect(try cache.load(directory: scratch.catalog).fromSnapshot)

        chmod(scratch.cache, 0o777)
        let open = try cache.load(directory: scratch.catalog)
        #expect(!open.fromSnapshot)
        #expect(open.notes.contains { $0.contains("not used") })
        chmod(scratch.cache, 0o700)

        if geteuid() == 0 {
            // As root the tests can make the file someone else's.
            #expect(chown(path, 4242, 4242) == 0)
            let theirs = try cache.load(directory: scratch.catalog)
            #expect(!theirs.fromSnapshot)
            #expect(theirs.notes.contains { $0.contains("another user") })
        }
    }

    @Test("A file over --max-file-bytes is never served from a snapshot: the load refuses it as without one")
    func sizeLimit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.load()
        let limited = CatalogueSnapshotCache(folder: scratch.cache, maxFileBytes: 1000)
        let outcome = Result { () throws(LeerlijnError) -> CatalogueSnapshotCache.Loaded in try limited.load(directory: scratch.catalog) }
        guard case .failure(.invalidData(let problems)) = outcome else {
            Issue.record("expected invalid data, got \(outcome)")
            return
        }
        #expect(problems.contains { $0.message.contains("over the limit") })
    }

    @Test("The cache keeps at most its limit of snapshots, newest first")
    func pruning() throws {
        let root = try TestSupport.temporaryDirectory("snapshot-prune")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = CatalogueSnapshotCache(folder: root + "/cache")
        let catalog = try TestSupport.makeCatalog(["programmes/a.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <programmes xmlns="urn:leerlijn:catalogue:1">
            \(TestSupport.programme(id: "prune-a"))
            </programmes>
            """])
        defer { try? FileManager.default.removeItem(atPath: catalog) }
        // Snapshots of other catalogue folders (symbolic links give each its own real path? no:
        // copies do), one more than the limit.
        var copies: [String] = []
        for n in 0...CatalogueSnapshotCache.keep {
            let copy = root + "/catalog-\(n)"
            try FileManager.default.copyItem(atPath: catalog, toPath: copy)
            copies.append(copy)
            #expect(cache.store(try cache.load(directory: copy)) == nil)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/cache").filter { $0.hasSuffix(".snapshot") }
        #expect(files.count == CatalogueSnapshotCache.keep)
        #expect(try cache.load(directory: copies.last!).fromSnapshot)
    }
}
