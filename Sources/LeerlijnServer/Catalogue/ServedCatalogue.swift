import Foundation
import Leerlijn

/// One loaded, validated catalogue with the plans of the served profiles: what every request
/// reads from, start to finish, so that a reload never mixes two catalogues in one response.
///
/// Immutable except for its cache of rendered responses, which belongs to it and goes with it.
final class ServedCatalogue: Sendable {
    /// The catalogue.
    let catalogue: Catalogue
    /// The plans of the profiles folder, by profile id.
    let plans: [String: Plan]
    /// Profile file names without extension → profile id (`sports-club` → `sportvereniging-…`).
    let planAliases: [String: String]
    /// SHA-256 over the names and bytes of every catalogue and profile file, in sorted order.
    let contentHash: String
    /// When this catalogue was loaded, in seconds since the epoch; also its `Last-Modified`.
    let loadedAt: Int64
    /// ``loadedAt`` as an HTTP date, formatted once.
    let lastModifiedText: String
    /// Rendered responses.
    let cache: RepresentationCache

    init(catalogue: Catalogue, plans: [String: Plan], planAliases: [String: String], contentHash: String,
         loadedAt: Int64, cacheEntries: Int) {
        self.catalogue = catalogue
        self.plans = plans
        self.planAliases = planAliases
        self.contentHash = contentHash
        self.loadedAt = loadedAt
        self.lastModifiedText = HTTPDate.format(loadedAt)
        self.cache = RepresentationCache(limit: cacheEntries)
    }

    /// The plan for a profile id or profile file name.
    func plan(named name: String) -> Plan? {
        plans[name] ?? planAliases[name].flatMap { plans[$0] }
    }

    /// Loads and validates the catalogue and plans every profile.
    ///
    /// - Throws: ``LeerlijnError`` exactly as `leerlijn validate` and `leerlijn plan` report it.
    static func load(options: ServerOptions, now: Int64) throws(LeerlijnError) -> ServedCatalogue {
        let files = CatalogueFiles(options: options)
        let hash = files.contentHash()
        let catalogue = try CatalogueLoader(maxFileBytes: options.maxFileBytes).load(directory: options.catalog)
        let planner = Planner(catalogue: catalogue)
        let loader = ProfileLoader(catalogue: catalogue, maxBytes: options.maxBodyBytes * 16)
        var plans: [String: Plan] = [:], aliases: [String: String] = [:]
        for path in files.profiles() {
            let profile = try loader.load(path: path)
            plans[profile.id] = planner.plan(for: profile)
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if stem != profile.id { aliases[stem] = profile.id }
        }
        return ServedCatalogue(catalogue: catalogue, plans: plans, planAliases: aliases, contentHash: hash,
                               loadedAt: now, cacheEntries: options.cacheEntries)
    }
}

/// The files a served catalogue comes from, for its content hash and for change detection.
struct CatalogueFiles {
    let options: ServerOptions

    /// Every regular file under the catalogue and profiles folders, sorted, hidden ones skipped.
    func all() -> [String] {
        var found = Set<String>()
        for folder in [options.catalog, options.profilesFolder] {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                guard !(relative as NSString).pathComponents.contains(where: { $0.hasPrefix(".") }) else { continue }
                let path = (folder as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    found.insert((path as NSString).standardizingPath)
                }
            }
        }
        return found.sorted()
    }

    /// The profile files (`*.xml`, `*.json`) directly in the profiles folder, sorted.
    func profiles() -> [String] {
        let folder = options.profilesFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { ($0.hasSuffix(".xml") || $0.hasSuffix(".json")) && !$0.hasPrefix(".") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// SHA-256 over each file's path and bytes.
    func contentHash() -> String {
        var hasher = SHA256()
        for path in all() {
            hasher.update(Array(path.utf8) + [0])
            if let data = FileManager.default.contents(atPath: path) { hasher.update(data) }
            hasher.update([0])
        }
        return hasher.finalizeHex()
    }

    /// Path, size and modification time of every file: cheap to take, changes with any edit.
    func fingerprint() -> [String] {
        all().map { path in
            let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path)\t\(size)\t\(modified)"
        }
    }
}
