import Leerlijn

// libFuzzer target: arbitrary bytes through the organisation-profile loader, as JSON when the
// first byte is `{` or white space before it, else as XML (streamed through libxml2 with the
// profile XSD); a profile that loads is planned and rendered in every format. Inputs starting
// with 0xFE instead drive ExtremeProfile: schema-shaped JSON whose numbers sit at and just past
// every limit, so the planner runs on the extremes it accepts (under fuzz.sh's memory limits),
// and the bounds of Limits are checked on every plan.
// Build and run: scripts/fuzz.sh fuzz-profile 600

let fuzzProfileCatalogue: Catalogue? = {
    do {
        return try CatalogueLoader().load(directory: "Catalog")
    } catch {
        print("fuzz-profile: run from the package root; the bundled catalogue did not load: \(error)")
        return nil
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let catalogue = fuzzProfileCatalogue else { return 0 }
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.first == 0xFE {
        var generator = ExtremeProfile(bytes[1...])
        bytes = generator.json()
    }
    let loader = ProfileLoader(catalogue: catalogue, maxBytes: 1 << 20)
    let isJSON = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "{")
    do {
        let profile = isJSON ? try loader.decode(json: bytes, file: "fuzz.json")
            : try loader.decode(xml: bytes, file: "fuzz.xml")
        let plan = Planner(catalogue: catalogue).plan(for: profile)
        // The stated bounds hold for every accepted profile; a violation is a finding.
        if plan.sessions.count > Limits.sessionsPerPlan.range.upperBound
            || plan.unplaced.count > plan.targets.count * catalogue.programmes.count * 2 {
            fatalError("plan over its bounds: \(plan.sessions.count) sessions, \(plan.unplaced.count) unplaced entries")
        }
        for format in PlanOutputFormat.allCases { _ = PlanRenderer.render(plan, as: format, catalogue: catalogue) }
    } catch {
        _ = error.description
    }
    return 0
}

/// Turns fuzzer bytes into a JSON profile that follows `profile.schema.json` but takes its
/// numbers from the edges: each limit's bounds, one past them, and the integers that overflow
/// (Int32 and Int64 extremes, 2⁵³). Most are within the published bounds, so the planner runs
/// on schema-valid profiles with extreme numbers; the rest must be refused.
struct ExtremeProfile {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    private mutating func byte() -> Int { Int(bytes.popFirst() ?? 0) }

    /// A number for `limit`: mostly its bounds or a value between, sometimes just past them.
    private mutating func number(_ limit: Limit) -> String {
        let low = limit.range.lowerBound, high = limit.range.upperBound
        switch byte() % 16 {
        case 0, 1, 2, 3: return String(high)
        case 4, 5: return String(low)
        case 6: return String(high + 1)
        case 7: return String(low - 1)
        case 8: return "2147483647"
        case 9: return "9223372036854775807"
        case 10: return "9007199254740993"
        case 11: return "-9223372036854775808"
        default: return String(low + (byte() << 8 | byte()) % (high - low + 1))
        }
    }

    private mutating func date() -> String {
        let years = [1900, 1999, 2026, 2036, 2199, 2200, 1899]
        let year = years[byte() % years.count]
        let month = 1 + byte() % 12, day = 1 + byte() % 28
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    mutating func json() -> [UInt8] {
        let roleIDs = ["teacher", "school-leader", "care-coordinator", "coach", "confidential-adviser"]
        var roles: [String] = []
        for index in 0..<(1 + byte() % roleIDs.count) {
            roles.append("{\"role\": \"\(roleIDs[index])\", \"headcount\": \(number(Limits.headcount))}")
        }
        var groups: [String] = []
        for age in 0..<(byte() % 27) {
            groups.append("{\"id\": \"g\(age)\", \"name\": \"G\(age)\", \"ages\": {\"min\": \(age), \"max\": \(age)}, "
                          + "\"size\": \(number(Limits.groupSize))}")
        }
        let start = date()
        let end = byte() % 4 == 0 ? date() : start.replacingOccurrences(of: start.prefix(4), with: String((Int(start.prefix(4)) ?? 2026) + byte() % 11))
        var completed: [String] = []
        for _ in 0..<(byte() % 4) {
            completed.append("{\"programme\": \"meldcode-toolkit\", \"date\": \"\(date())\", \"refreshMonths\": \(number(Limits.refreshMonths))}")
        }
        let weekdays = Weekday.names.prefix(1 + byte() % 7).map { "\"\($0)\"" }.joined(separator: ", ")
        let text = """
            {"id": "fuzz", "name": "Fuzz", "kind": "primary-school", "sector": "education",
             "period": {"start": "\(start)", "end": "\(end)"},
             "roles": [\(roles.joined(separator: ", "))],
             "learnerGroups": [\(groups.joined(separator: ", "))],
             "constraints": {"allowedWeekdays": [\(weekdays)], "maxSessionsPerWeek": \(number(Limits.sessionsPerWeek)),
               "sessionCapacity": \(number(Limits.sessionCapacity)), "hoursPerDay": \(number(Limits.hoursPerDay)),
               "sessionHours": \(number(Limits.sessionHours))},
             "completedTrainings": [\(completed.joined(separator: ", "))]}
            """
        return Array(text.utf8)
    }
}
