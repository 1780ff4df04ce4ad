import Foundation
import Leerlijn

/// One line of the report: a figure for Leerlijn and for its peer.
struct BenchmarkRow {
    var suite: String
    var figure: String
    var leerlijn: Double
    var peerName: String
    var peer: Double?
    var unit: String
    var target: String

    /// Peer time over Leerlijn time: above 1 means Leerlijn is faster.
    var speedup: Double? { peer.map { $0 / max(leerlijn, 1e-12) } }
}

/// Collects rows and prints them as one table, or as JSON.
struct BenchmarkReport {
    var rows: [BenchmarkRow] = []
    var notes: [String] = []

    static func format(_ value: Double, unit: String) -> String {
        switch unit {
        case "ms": return String(format: "%.4f ms", value * 1000)
        case "s": return String(format: "%.3f s", value)
        case "µs": return String(format: "%.2f µs", value * 1e6)
        case "MB": return String(format: "%.0f MB", value)
        default: return String(format: "%.3f", value)
        }
    }

    static func machine() -> [String: String] {
        var info: [String: String] = [:]
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
            info["cpu"] = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        info["cores"] = String(ProcessInfo.processInfo.activeProcessorCount)
        info["memory"] = String(format: "%.1f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)
        info["os"] = ProcessInfo.processInfo.operatingSystemVersionString
        info["leerlijn"] = LeerlijnVersion.string
        #if DEBUG
        info["build"] = "debug (use -c release for real figures)"
        #else
        info["build"] = "release"
        #endif
        return info
    }

    func printTable() {
        let machine = Self.machine()
        print("Machine: " + machine.keys.sorted().map { "\($0)=\(machine[$0] ?? "")" }.joined(separator: "; "))
        let header = ["suite", "figure", "Leerlijn", "peer", "peer time", "peer/Leerlijn", "target"]
        var table = [header]
        for row in rows {
            table.append([row.suite, row.figure, Self.format(row.leerlijn, unit: row.unit), row.peerName,
                          row.peer.map { Self.format($0, unit: row.unit) } ?? "–",
                          row.speedup.map { String(format: "%.2f×", $0) } ?? "–", row.target])
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, line) in table.enumerated() {
            print(line.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
            if index == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        for note in notes { print("note: " + note) }
    }

    func printJSON() {
        let rowsJSON: [JSONValue] = rows.map { row in
            var object: [String: JSONValue] = [
                "suite": .string(row.suite), "figure": .string(row.figure), "leerlijnSeconds": .double(row.leerlijn),
                "peer": .string(row.peerName), "unit": .string(row.unit), "target": .string(row.target),
            ]
            object["peerSeconds"] = row.peer.map(JSONValue.double) ?? .null
            object["peerOverLeerlijn"] = row.speedup.map(JSONValue.double) ?? .null
            return .object(object)
        }
        let machine = Self.machine().mapValues(JSONValue.string)
        let document: JSONValue = .object(["machine": .object(machine), "rows": .array(rowsJSON),
                                           "notes": .strings(notes)])
        FileHandle.standardOutput.write(Data(document.serialized() + [0x0A]))
    }
}
