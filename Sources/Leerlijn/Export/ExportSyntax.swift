/// Byte-level checks of the lexical forms the published schemas require.
///
/// Hand-written rather than regular expressions: they run once per value of a 100,000-programme
/// export and must not allocate.
enum ExportSyntax {
    /// The chapters of the reference document.
    static let romanSections: Set<String> = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]

    /// `[a-z0-9]+(-[a-z0-9]+)*`, at most 80 bytes.
    static func isSlug(_ value: String) -> Bool {
        let bytes = value.utf8
        guard !bytes.isEmpty, bytes.count <= 80 else { return false }
        var previousWasHyphen = true
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                if previousWasHyphen { return false }
                previousWasHyphen = true
            } else if isLowerAlphanumeric(byte) {
                previousWasHyphen = false
            } else {
                return false
            }
        }
        return !previousWasHyphen
    }

    /// `[a-z]{2,3}(-[A-Za-z0-9]{2,8})*`.
    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.utf8.count),
              primary.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.utf8.count) && part.utf8.allSatisfy { isLowerAlphanumeric($0) || ($0 >= 0x41 && $0 <= 0x5A) }
        }
    }

    /// `(I|…|XI)-[0-9]{1,2}`.
    static func isRecommendation(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, romanSections.contains(String(parts[0])) else { return false }
        return (1...2).contains(parts[1].utf8.count) && parts[1].utf8.allSatisfy(isDigit)
    }

    /// An `xs:duration`: `-?P(nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)?` with at least one part,
    /// and at least one part after `T`.
    static func isDuration(_ value: String) -> Bool {
        var bytes = Array(value.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard bytes.first == UInt8(ascii: "P") else { return false }
        bytes = bytes.dropFirst()
        var parts = 0
        var inTime = false
        var timeParts = 0
        var order = 0
        while let first = bytes.first {
            if first == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                order = 3
                bytes = bytes.dropFirst()
                continue
            }
            let digits = bytes.prefix(while: { isDigit($0) || $0 == UInt8(ascii: ".") })
            guard !digits.isEmpty, let designator = bytes.dropFirst(digits.count).first else { return false }
            let hasFraction = digits.contains(UInt8(ascii: "."))
            let designators: [UInt8] = inTime ? Array("HMS".utf8) : Array("YMD".utf8)
            guard let position = designators.firstIndex(of: designator) else { return false }
            let rank = (inTime ? 3 : 0) + position
            guard rank >= order, !(hasFraction && designator != UInt8(ascii: "S")),
                  digits.first != UInt8(ascii: "."), digits.last != UInt8(ascii: ".") else { return false }
            order = rank + 1
            parts += 1
            if inTime { timeParts += 1 }
            bytes = bytes.dropFirst(digits.count + 1)
        }
        return parts > 0 && (!inTime || timeParts > 0)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || isDigit(byte)
    }
}
