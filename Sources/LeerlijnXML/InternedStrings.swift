internal import CLeerlijnXML2

/// Swift strings for libxml2's dictionary-interned names, keyed by pointer.
///
/// libxml2 hands every element and attribute name out of its dictionary, so one name is always
/// the same pointer: a small direct-mapped table by address finds it with one comparison, no
/// hashing. A collision just replaces the slot (a hostile document with many names costs
/// string conversions, never memory).
final class InternedStrings {
    private static let slots = 512
    private var pointers = [UnsafePointer<UInt8>?](repeating: nil, count: InternedStrings.slots)
    private var strings = [String](repeating: "", count: InternedStrings.slots)

    /// The slot of an interned pointer in a direct-mapped table of `count` slots (a power of two).
    static func slot(of pointer: UnsafePointer<UInt8>, among count: Int) -> Int {
        (Int(bitPattern: pointer) >> 3 ^ Int(bitPattern: pointer) >> 12) & (count - 1)
    }

    func string(_ pointer: UnsafePointer<UInt8>?) -> String {
        guard let pointer else { return "" }
        let slot = Self.slot(of: pointer, among: Self.slots)
        if pointers[slot] == pointer { return strings[slot] }
        let string = String(cString: pointer)
        pointers[slot] = pointer
        strings[slot] = string
        return string
    }
}
