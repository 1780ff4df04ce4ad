import Foundation
import Leerlijn

/// Writes the `scale` suite's catalogue: the bundled programme records cloned, text for text,
/// with new ids (`ORIGINAL-N`) into one `programmes/` file, beside the bundled vocabulary and
/// requirements. Deterministic: the same bundled catalogue and count give the same bytes.
struct ScaleCatalogue {
    let count: Int
    /// The bundled catalogue folder.
    let source: String

    struct Written {
        var catalogDirectory: String
        var programmesFile: String
        var byteCount: Int
        var templateCount: Int

        /// Whether `binary` knows `--no-cache` (has a snapshot cache), asked through its help text.
        func supportsCache(binary: String) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["query", "--help"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).contains("--no-cache")
        }
    }

    func write(to directory: String) throws -> Written {
        let programmesFolder = source + "/programmes"
        let names = try FileManager.default.contentsOfDirectory(atPath: programmesFolder).filter { $0.hasSuffix(".xml") }.sorted()
        var templates: [(id: String, text: String)] = []
        for name in names {
            let text = try String(contentsOfFile: programmesFolder + "/" + name, encoding: .utf8)
            var rest = text[...]
            while let open = rest.range(of: "<programme id=\""), let close = rest.range(of: "</programme>", range: open.upperBound..<rest.endIndex) {
                let record = String(rest[open.lowerBound..<close.upperBound])
                let idStart = record.index(record.startIndex, offsetBy: "<programme id=\"".count)
                guard let idEnd = record[idStart...].firstIndex(of: "\"") else { break }
                templates.append((String(record[idStart..<idEnd]), record))
                rest = rest[close.upperBound...]
            }
        }
        guard !templates.isEmpty else { throw PeerError("no <programme> records in \(programmesFolder)") }

        let catalog = directory + "/catalog-\(count)"
        let fileManager = FileManager.default
        try? fileManager.removeItem(atPath: catalog)
        try fileManager.createDirectory(atPath: catalog + "/programmes", withIntermediateDirectories: true)
        try fileManager.copyItem(atPath: source + "/vocabulary.xml", toPath: catalog + "/vocabulary.xml")
        try fileManager.copyItem(atPath: source + "/requirements", toPath: catalog + "/requirements")
        let path = catalog + "/programmes/scale.xml"
        guard fileManager.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw PeerError("cannot create \(path)")
        }
        defer { try? handle.close() }
        var buffer = Data()
        var total = 0
        func flush(force: Bool) throws {
            guard force || buffer.count > 1 << 20 else { return }
            try handle.write(contentsOf: buffer)
            total += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        buffer.append(contentsOf: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<programmes xmlns=\"urn:leerlijn:catalogue:1\">\n".utf8))
        for index in 0..<count {
            let template = templates[index % templates.count]
            let clone = template.text.replacingOccurrences(of: "<programme id=\"\(template.id)\"",
                                                           with: "<programme id=\"\(template.id)-\(index)\"")
            buffer.append(contentsOf: Array("  ".utf8))
            buffer.append(contentsOf: Array(clone.utf8))
            buffer.append(10)
            try flush(force: false)
        }
        buffer.append(contentsOf: Array("</programmes>\n".utf8))
        try flush(force: true)
        return Written(catalogDirectory: catalog, programmesFile: path, byteCount: total, templateCount: templates.count)
    }
}
