import Foundation

/// Typed access to one JSON object of a profile, reporting every mismatch with its path.
struct ProfileJSONFields {
    let path: String
    let object: [String: Any]
    var decoder: ProfileJSONDecoder

    /// Reports fields that the schema does not define (`additionalProperties: false`).
    mutating func allow(_ names: Set<String>) {
        for key in object.keys.sorted() where !names.contains(key) {
            decoder.fail("\(path).\(key)", nil, "unknown field; allowed: \(names.sorted().joined(separator: ", "))")
        }
    }

    private mutating func value(_ name: String, required: Bool) -> Any? {
        guard let value = object[name], !(value is NSNull) else {
            if required { decoder.fail("\(path).\(name)", nil, "missing required field") }
            return nil
        }
        return value
    }

    mutating func string(_ name: String, required: Bool = true) -> String? {
        guard let raw = value(name, required: required) else { return nil }
        guard let string = raw as? String else {
            decoder.fail("\(path).\(name)", raw, "expected a string")
            return nil
        }
        return string
    }

    /// A string that must be an id (`profile.schema.json`'s `#/$defs/id`, the XSD's `Id`).
    mutating func id(_ name: String, required: Bool = true) -> String? {
        guard let text = string(name, required: required) else { return nil }
        return checkedID(text, at: "\(path).\(name)")
    }

    /// A name of 1 to 400 characters (`#/$defs/text`, the XSD's `Text`).
    mutating func text(_ name: String) -> String? {
        guard let text = string(name) else { return nil }
        let length = text.unicodeScalars.count
        if !Limits.nameLength.accepts(length) {
            decoder.fail("\(path).\(name)", text.count > 60 ? "\(text.prefix(60))…" : text,
                         "\(length) characters: " + Limits.nameLength.complaint(length))
        }
        return text
    }

    mutating func checkedID(_ text: String, at path: String) -> String {
        if !Slug.isValid(text) {
            decoder.fail(path, text.count > 90 ? "\(text.prefix(90))…" : text,
                         "not an id (a–z, 0–9, single hyphens, at most \(Limits.idLength.range.upperBound) characters)")
        }
        return text
    }

    mutating func int(_ name: String, required: Bool = true) -> Int? {
        guard let raw = value(name, required: required) else { return nil }
        guard let number = raw as? NSNumber, String(cString: number.objCType) != "c",
              let int = Int(exactly: number.doubleValue), Double(int) == number.doubleValue else {
            decoder.fail("\(path).\(name)", raw, "expected an integer")
            return nil
        }
        return int
    }

    mutating func date(_ name: String) -> CalendarDate? {
        guard let text = string(name) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            decoder.fail("\(path).\(name)", text, "not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    mutating func strings(_ name: String, required: Bool, check: ((String) -> String?)? = nil) -> [String] {
        guard let raw = value(name, required: required) else { return [] }
        guard let array = raw as? [Any] else {
            decoder.fail("\(path).\(name)", raw, "expected an array of strings")
            return []
        }
        var result: [String] = []
        for (offset, element) in array.enumerated() {
            if let string = element as? String {
                if let problem = check?(string) { decoder.fail("\(path).\(name)[\(offset)]", string, problem) }
                result.append(string)
            } else {
                decoder.fail("\(path).\(name)[\(offset)]", element, "expected a string")
            }
        }
        return result
    }

    mutating func object(_ name: String, _ body: (inout ProfileJSONFields) -> Void) {
        guard let raw = value(name, required: true) else { return }
        guard let child = raw as? [String: Any] else {
            decoder.fail("\(path).\(name)", raw, "expected an object")
            return
        }
        var fields = ProfileJSONFields(path: "\(path).\(name)", object: child, decoder: decoder)
        body(&fields)
        decoder = fields.decoder
    }

    mutating func objects(_ name: String, required: Bool, _ body: (inout ProfileJSONFields, String) -> Void) {
        guard let raw = value(name, required: required) else { return }
        guard let array = raw as? [Any] else {
            decoder.fail("\(path).\(name)", raw, "expected an array of objects")
            return
        }
        for (offset, element) in array.enumerated() {
            let elementPath = "\(path).\(name)[\(offset)]"
            guard let child = element as? [String: Any] else {
                decoder.fail(elementPath, element, "expected an object")
                continue
            }
            var fields = ProfileJSONFields(path: elementPath, object: child, decoder: decoder)
            body(&fields, elementPath)
            decoder = fields.decoder
        }
    }
}
