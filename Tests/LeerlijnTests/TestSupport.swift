import Foundation
import Leerlijn

/// Paths and shared fixtures for the tests.
enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var catalogPath: String { packageRoot + "/Catalog" }

    /// The bundled catalogue, loaded once.
    static let bundled: Result<Catalogue, LeerlijnError> = {
        do throws(LeerlijnError) {
            return .success(try CatalogueLoader().load(directory: catalogPath))
        } catch {
            return .failure(error)
        }
    }()

    static func catalogue() throws -> Catalogue { try bundled.get() }

    /// A fresh temporary folder.
    static func temporaryDirectory(_ label: String = "t") throws -> String {
        let path = NSTemporaryDirectory() + "leerlijn-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A catalogue folder with the bundled vocabulary and the given files (relative path → text).
    static func makeCatalog(_ files: [String: String]) throws -> String {
        let root = try temporaryDirectory("catalog")
        try FileManager.default.copyItem(atPath: catalogPath + "/vocabulary.xml", toPath: root + "/vocabulary.xml")
        for (relative, text) in files {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        // A catalogue needs both parts: a missing requirements/ folder is an error (66), never
        // "nothing is required". Tests about programmes get the bundled sport obligations.
        for (part, source) in [("requirements", "/requirements/sport.xml"), ("programmes", nil)]
            where !files.keys.contains(where: { $0.hasPrefix(part + "/") }) {
            try FileManager.default.createDirectory(atPath: root + "/" + part, withIntermediateDirectories: true)
            if let source {
                try FileManager.default.copyItem(atPath: catalogPath + source, toPath: root + "/" + part + "/" + (source as NSString).lastPathComponent)
            }
        }
        return root
    }

    /// A minimal valid programme record; `extra` replaces the age range and topics. Every
    /// value element without a basis is given `basis="stated"`, as the catalogue format requires.
    static func programme(id: String, audience: String = "children", ages: String? = "<ageRange min=\"6\" max=\"10\"/>",
                          topic: String = "online-safety", status: String = "<status value=\"active\"/>") -> String {
        stated("""
          <programme id="\(id)">
            <title lang="nl">Titel \(id)</title>
            <title lang="en">Title \(id)</title>
            <summary lang="nl">Samenvatting.</summary>
            <summary lang="en">Summary.</summary>
            <kind>material</kind>
            <audience>\(audience)</audience>
            \(ages ?? "")
            <topic>\(topic)</topic>
            <evidence>not-assessed</evidence>
            \(status)
            <source section="IX">test</source>
            <lastModified>2026-11-29</lastModified>
          </programme>
        """)
    }

    /// Adds `basis="stated"` to every value element's start tag that has no basis.
    static func stated(_ record: String) -> String {
        let fields = "title|summary|kind|provider|audience|ageRange|educationLevel|sector|role|topic|format|language|"
            + "accessibility|feature|peerLed|evidence|duration|cost|url|status|validFrom|validUntil|recommendation"
        guard let pattern = try? NSRegularExpression(pattern: "<(\(fields))((?: [^>]*?)?)(/?)>") else { return record }
        var result = ""
        var last = record.startIndex
        for match in pattern.matches(in: record, range: NSRange(record.startIndex..., in: record)) {
            guard let whole = Range(match.range, in: record), let attributes = Range(match.range(at: 2), in: record),
                  let name = Range(match.range(at: 1), in: record), let slash = Range(match.range(at: 3), in: record) else { continue }
            result += record[last..<whole.lowerBound]
            let existing = record[attributes]
            result += "<" + record[name] + existing + (existing.contains("basis=") ? "" : " basis=\"stated\"") + record[slash] + ">"
            last = whole.upperBound
        }
        return result + record[last...]
    }

    static func programmesFile(_ records: String...) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<programmes xmlns=\"urn:leerlijn:catalogue:1\">\n"
            + records.joined(separator: "\n") + "\n</programmes>\n"
    }
}
