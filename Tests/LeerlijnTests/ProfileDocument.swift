import Foundation

/// One organisation profile as text, rendered both as XML (`profile.xsd`) and as JSON
/// (`profile.schema.json`), so that a hostile value can be fed through both formats.
/// Numbers are raw tokens (`"100001"`, `"99999999999999999999"`), written unquoted in JSON.
struct ProfileDocument {
    var id = "test-school"
    var name = "Test school"
    var kind = "primary-school"
    var sector = "education"
    var languages = ["nl"]
    var specialNeeds: [String] = []
    var start = "2026-08-24"
    var end = "2027-07-09"
    var roles: [(id: String, headcount: String)] = [("teacher", "24"), ("school-leader", "2")]
    var groups: [(id: String, name: String, min: String, max: String, size: String)] = [
        ("groep-1", "Groep 1", "4", "4", "26"), ("groep-2", "Groep 2", "5", "5", "27"),
    ]
    var blackouts: [(name: String, start: String, end: String)] = [("autumn break", "2026-10-17", "2026-10-25")]
    var weekdays = ["tuesday", "thursday"]
    var maxSessionsPerWeek = "3"
    var sessionCapacity = "30"
    var hoursPerDay = "4"
    var sessionHours = "2"
    var completed: [(programme: String, date: String, refresh: String?)] = []

    private static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    var xml: String {
        let e = Self.xmlEscaped
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<profile xmlns=\"urn:leerlijn:profile:1\">\n"
        out += "<id>\(e(id))</id><name>\(e(name))</name><kind>\(e(kind))</kind><sector>\(e(sector))</sector>\n"
        for language in languages { out += "<language>\(e(language))</language>" }
        for need in specialNeeds { out += "<specialNeed>\(e(need))</specialNeed>" }
        out += "<period start=\"\(e(start))\" end=\"\(e(end))\"/>\n<roles>"
        for role in roles { out += "<role id=\"\(e(role.id))\" headcount=\"\(e(role.headcount))\"/>" }
        out += "</roles>\n"
        if !groups.isEmpty {
            out += "<learnerGroups>"
            for g in groups {
                out += "<group id=\"\(e(g.id))\" name=\"\(e(g.name))\" minAge=\"\(e(g.min))\" maxAge=\"\(e(g.max))\" size=\"\(e(g.size))\"/>"
            }
            out += "</learnerGroups>\n"
        }
        if !blackouts.isEmpty {
            out += "<blackouts>"
            for b in blackouts { out += "<blackout name=\"\(e(b.name))\" start=\"\(e(b.start))\" end=\"\(e(b.end))\"/>" }
            out += "</blackouts>\n"
        }
        out += "<constraints maxSessionsPerWeek=\"\(e(maxSessionsPerWeek))\" sessionCapacity=\"\(e(sessionCapacity))\" "
            + "hoursPerDay=\"\(e(hoursPerDay))\" sessionHours=\"\(e(sessionHours))\">"
        for day in weekdays { out += "<weekday>\(e(day))</weekday>" }
        out += "</constraints>\n"
        for c in completed {
            out += "<completed programme=\"\(e(c.programme))\" date=\"\(e(c.date))\""
                + (c.refresh.map { " refreshMonths=\"\(e($0))\"" } ?? "") + "/>"
        }
        return out + "</profile>\n"
    }

    var json: String {
        let q = Self.json
        var fields: [String] = [
            "\"id\": \(q(id))", "\"name\": \(q(name))", "\"kind\": \(q(kind))", "\"sector\": \(q(sector))",
            "\"languages\": [\(languages.map(q).joined(separator: ", "))]",
            "\"period\": {\"start\": \(q(start)), \"end\": \(q(end))}",
            "\"roles\": [" + roles.map { "{\"role\": \(q($0.id)), \"headcount\": \($0.headcount)}" }.joined(separator: ", ") + "]",
        ]
        if !specialNeeds.isEmpty { fields.append("\"specialNeeds\": [\(specialNeeds.map(q).joined(separator: ", "))]") }
        if !groups.isEmpty {
            fields.append("\"learnerGroups\": [" + groups.map {
                "{\"id\": \(q($0.id)), \"name\": \(q($0.name)), \"ages\": {\"min\": \($0.min), \"max\": \($0.max)}, \"size\": \($0.size)}"
            }.joined(separator: ", ") + "]")
        }
        if !blackouts.isEmpty {
            fields.append("\"blackouts\": [" + blackouts.map {
                "{\"name\": \(q($0.name)), \"start\": \(q($0.start)), \"end\": \(q($0.end))}"
            }.joined(separator: ", ") + "]")
        }
        fields.append("\"constraints\": {\"allowedWeekdays\": [\(weekdays.map(q).joined(separator: ", "))], "
                      + "\"maxSessionsPerWeek\": \(maxSessionsPerWeek), \"sessionCapacity\": \(sessionCapacity), "
                      + "\"hoursPerDay\": \(hoursPerDay), \"sessionHours\": \(sessionHours)}")
        if !completed.isEmpty {
            fields.append("\"completedTrainings\": [" + completed.map { c in
                "{\"programme\": \(q(c.programme)), \"date\": \(q(c.date))" + (c.refresh.map { ", \"refreshMonths\": \($0)" } ?? "") + "}"
            }.joined(separator: ", ") + "]")
        }
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }
}
