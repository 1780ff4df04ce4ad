import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Leerlijn
import NIOCore
import Testing
@testable import LeerlijnServer

@Suite("Live reload")
struct ReloadTests {
    static let file = "/programmes/justice-and-law-enforcement.xml"
    /// The first Dutch title element of the file, as written (whatever its attributes).
    static let original: String = {
        let text = (try? String(contentsOfFile: ServerTestSupport.catalogPath + file, encoding: .utf8)) ?? ""
        guard let start = text.range(of: "<title lang=\"nl\""),
              let end = text.range(of: "</title>", range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.lowerBound..<end.upperBound])
    }()
    /// The same element with a changed title.
    static var edited: String { original.replacingOccurrences(of: "</title>", with: " (herzien)</title>") }

    static func write(_ catalog: String, replacing old: String, with new: String) throws {
        let path = catalog + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func reloadUnderConcurrentRequestsNeverMixesCatalogues() async throws {
        let catalog = try ServerTestSupport.temporaryCatalogue()
        defer { try? FileManager.default.removeItem(atPath: (catalog as NSString).deletingLastPathComponent) }
        let store = try CatalogueStore(options: ServerTestSupport.options(catalog: catalog))
        let before = CatalogueJSONExporter().render(CatalogueQuery().run(on: store.current.catalogue).map(\.programme),
                                                    catalogue: store.current.catalogue)
        let hashBefore = store.contentHash
        try Self.write(catalog, replacing: Self.original, with: Self.edited)
        #expect(store.filesChanged())
        #expect(store.reload(logger: ServerTestSupport.logger))
        let after = CatalogueJSONExporter().render(CatalogueQuery().run(on: store.current.catalogue).map(\.programme),
                                                   catalogue: store.current.catalogue)
        #expect(before != after && store.contentHash != hashBefore)
        let bodies = Set([before, after])

        try await ServerTestSupport.application(store).test(.router) { client in
            try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
                group.addTask {
                    for round in 0..<8 {
                        try Self.write(catalog, replacing: round.isMultiple(of: 2) ? Self.edited : Self.original,
                                       with: round.isMultiple(of: 2) ? Self.original : Self.edited)
                        store.reload(logger: ServerTestSupport.logger)
                    }
                    return nil
                }
                for _ in 0..<200 {
                    group.addTask {
                        let response = try await client.execute(uri: "/programmes?pageSize=1000", method: .get)
                        return Array(response.body.readableBytesView)
                    }
                }
                var seen = 0
                for try await body in group {
                    guard let body else { continue }
                    #expect(bodies.contains(body), "a response mixed two catalogues")
                    seen += 1
                }
                #expect(seen == 200)
            }
        }
        #expect(store.status.reloads >= 8)
    }

    @Test func invalidCatalogueKeepsTheOldOneAndReportsIt() async throws {
        let catalog = try ServerTestSupport.temporaryCatalogue()
        defer { try? FileManager.default.removeItem(atPath: (catalog as NSString).deletingLastPathComponent) }
        let store = try CatalogueStore(options: ServerTestSupport.options(catalog: catalog))
        let hash = store.contentHash
        try Self.write(catalog, replacing: Self.original, with: "<title lang=\"nl\">Kapot<title>")
        #expect(!Self.original.isEmpty)
        #expect(!store.reload(logger: ServerTestSupport.logger))
        #expect(store.contentHash == hash)
        try await ServerTestSupport.application(store).test(.router) { client in
            let health = try ServerTestSupport.json(try await client.execute(uri: "/healthz", method: .get))
            #expect(health["status"] as? String == "stale")
            #expect((health["lastReloadError"] as? String)?.contains("justice-and-law-enforcement.xml") == true)
            #expect(health["contentHash"] as? String == hash)
            let programmes = try await client.execute(uri: "/programmes", method: .get)
            #expect(programmes.status == .ok)
        }
        try Self.write(catalog, replacing: "<title lang=\"nl\">Kapot<title>", with: Self.original)
        store.reload(logger: ServerTestSupport.logger)
        #expect(store.status.lastError == nil)
    }

    @Test func reloadServicePicksUpAFileChange() async throws {
        let catalog = try ServerTestSupport.temporaryCatalogue()
        defer { try? FileManager.default.removeItem(atPath: (catalog as NSString).deletingLastPathComponent) }
        var options = ServerTestSupport.options(catalog: catalog)
        options.reloadInterval = 0.1
        let store = try CatalogueStore(options: options)
        let hash = store.contentHash
        let service = ReloadService(store: store, logger: ServerTestSupport.logger)
        let task = Task { try await service.run() }
        defer { task.cancel() }
        try Self.write(catalog, replacing: Self.original, with: Self.edited)
        for _ in 0..<100 where store.contentHash == hash { try await Task.sleep(for: .milliseconds(50)) }
        #expect(store.contentHash != hash)
    }
}
