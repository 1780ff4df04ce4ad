import Foundation

/// A tiny JSON Schema checker for the subset the published schemas use: `type`, `required`,
/// `properties`, `additionalProperties`, `items`, `$ref` (to `#/$defs/…`), `enum`, `const`,
/// `pattern`, `minimum`, `maximum`, `minItems`, `minLength`, `maxLength`. `format` is an
/// annotation and is not checked. Any other keyword is reported, so the schema cannot drift
/// beyond what the tests check.
struct ExportSchemaChecker {
    let root: [String: Any]

    static let knownKeywords: Set<String> = [
        "$schema", "$id", "$defs", "title", "description", "type", "required", "properties",
        "additionalProperties", "items", "$ref", "enum", "const", "pattern", "minimum", "maximum",
        "minItems", "minLength", "maxLength", "format",
    ]

    /// Every problem of `value` against the root schema, as `path: message`.
    func problems(_ value: Any) -> [String] {
        var found: [String] = []
        check(value, against: root, path: "$", into: &found)
        return found
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, into found: inout [String]) {
        for key in schema.keys where !Self.knownKeywords.contains(key) { found.append("\(path): unsupported keyword \(key)") }
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                found.append("\(path): unresolved \(reference)")
                return
            }
            check(value, against: target, path: path, into: &found)
        }
        if let type = schema["type"] as? String, !Self.has(type: type, value) {
            found.append("\(path): expected \(type), got \(Swift.type(of: value))")
            return
        }
        if let types = schema["type"] as? [String], !types.contains(where: { Self.has(type: $0, value) }) {
            found.append("\(path): expected one of \(types), got \(Swift.type(of: value))")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(value) not in enum")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { found.append("\(path): \(value) is not \(constant)") }
        if let string = value as? String, !Self.isBool(value) {
            if let pattern = schema["pattern"] as? String,
               string.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): '\(string)' does not match \(pattern)")
            }
            if let min = schema["minLength"] as? Int, string.count < min { found.append("\(path): shorter than \(min)") }
            if let max = schema["maxLength"] as? Int, string.count > max { found.append("\(path): longer than \(max)") }
        }
        if let number = value as? NSNumber, !Self.isBool(value) {
            if let min = schema["minimum"] as? NSNumber, number.doubleValue < min.doubleValue { found.append("\(path): below \(min)") }
            if let max = schema["maximum"] as? NSNumber, number.doubleValue > max.doubleValue { found.append("\(path): above \(max)") }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { found.append("\(path): fewer than \(min) items") }
            if let items = schema["items"] as? [String: Any] {
                for (offset, item) in array.enumerated() { check(item, against: items, path: "\(path)[\(offset)]", into: &found) }
            }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing required \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(member, against: propertySchema, path: "\(path).\(key)", into: &found)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(member, against: additional, path: "\(path).\(key)", into: &found)
                } else if let allowed = schema["additionalProperties"], Self.isBool(allowed), (allowed as? Bool) == false {
                    found.append("\(path): unexpected property \(key)")
                }
            }
        }
    }

    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func has(type: String, _ value: Any) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String && !isBool(value)
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return ["i", "q", "l", "s"].contains(String(cString: number.objCType))
        case "number": return value is NSNumber && !isBool(value)
        case "null": return value is NSNull
        default: return false
        }
    }

    static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        if let l = lhs as? String, let r = rhs as? String { return l == r }
        if let l = lhs as? NSNumber, let r = rhs as? NSNumber { return isBool(l) == isBool(r) && l == r }
        return false
    }
}
