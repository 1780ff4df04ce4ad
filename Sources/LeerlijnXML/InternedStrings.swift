internal import CLeerlijnXML2

/// Swift strings for libxml2's dictionary-interned names, keyed by pointer.
final class InternedStrings {
    private var strings: [UnsafePointer<UInt8>: String] = [:]

    func string(_ pointer: UnsafePointer<UInt8>?) -> String {
        guard let pointer else { return "" }
        if let known = strings[pointer] { return known }
        let string = String(cString: pointer)
        // Bounded: a hostile document could use many distinct names.
        if strings.count < 4096 { strings[pointer] = string }
        return string
    }
}
