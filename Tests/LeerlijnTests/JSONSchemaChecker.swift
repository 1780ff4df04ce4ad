import Foundation

/// The tests' JSON Schema checker, for the keywords every published schema
/// (`catalogue.schema.json`, `plan.schema.json`, `profile.schema.json`) uses: `type` (one or
/// several), `required`, `properties`, `additionalProperties` (false, or a schema), `items`, `$ref` to `#/$defs`, `enum`, `const`, `oneOf`,
/// `pattern`, `minimum`, `maximum`, `minItems`, `maxItems`, `uniqueItems`, `minLength`, `maxLength`.
/// An unknown keyword is reported, so the schemas cannot outgrow what the tests check.
struct JSONSchemaChecker {
    let root: [String: Any]

    /// Keywords that only annotate (`format` is not asserted).
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description", "default", "format"]
    static let keywords: Set<String> = ["type", "required", "properties", "additionalProperties", "items", "$ref", "enum",
                                        "const", "oneOf", "pattern", "minimum", "maximum", "minItems", "maxItems", "uniqueItems",
                                        "minLength", "maxLength"]

    init(schema text: String) throws {
        root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    func problems(_ value: Any) -> [String] {
        var found: [String] = []
        check(value, root, "$", &found)
        return found
    }

    static func isBool(_ value: Any) -> Bool {
        (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    private static func has(_ type: String, _ value: Any) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "null": return value is NSNull
        case "integer": return !isBool(value) && (value as? NSNumber).map { $0.doubleValue.rounded() == $0.doubleValue } == true
        case "number": return !isBool(value) && value is NSNumber
        default: return false
        }
    }

    private static func same(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        return false
    }

    private func check(_ value: Any, _ schema: [String: Any], _ path: String, _ found: inout [String]) {
        for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            found.append("\(path): unsupported keyword \(key)")
        }
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            if let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] {
                check(value, target, path, &found)
            } else {
                found.append("\(path): unresolved \(reference)")
            }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matches = options.filter { option in
                var local: [String] = []
                check(value, option, path, &local)
                return local.isEmpty
            }.count
            if matches != 1 { found.append("\(path): matches \(matches) of oneOf") }
        }
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] }
        if let types, !types.contains(where: { Self.has($0, value) }) {
            found.append("\(path): expected \(types)")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.same($0, value) }) {
            found.append("\(path): \(value) not in enum")
        }
        if let constant = schema["const"], !Self.same(constant, value) { found.append("\(path): not \(constant)") }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): '\(string)' does not match \(pattern)")
            }
            if let min = schema["minLength"] as? Int, string.count < min { found.append("\(path): too short") }
            if let max = schema["maxLength"] as? Int, string.count > max { found.append("\(path): too long") }
        }
        if let number = value as? NSNumber, !Self.isBool(value) {
            if let min = schema["minimum"] as? Double, number.doubleValue < min { found.append("\(path): below \(min)") }
            if let max = schema["maximum"] as? Double, number.doubleValue > max { found.append("\(path): above \(max)") }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { found.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, array.count > max { found.append("\(path): more than \(max) items") }
            if let items = schema["items"] as? [String: Any] {
                for (offset, element) in array.enumerated() { check(element, items, "\(path)[\(offset)]", &found) }
            }
        }
        if let object = value as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path): missing \(name)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, element) in object {
                if let child = properties[key] as? [String: Any] {
                    check(element, child, "\(path).\(key)", &found)
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    check(element, extra, "\(path).\(key)", &found)
                } else if let extra = schema["additionalProperties"] as? NSNumber, Self.isBool(extra), !extra.boolValue {
                    found.append("\(path): unexpected \(key)")
                }
            }
        }
    }
}
