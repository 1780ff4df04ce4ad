/// The operations of an XML writer, so that one exporter can drive Leerlijn's byte writer or,
/// for the benchmark, libxml2's `xmlTextWriter` with the very same calls.
public protocol XMLWriting {
    /// Opens an element.
    mutating func start(_ name: String, attributes: KeyValuePairs<String, String>)
    /// Adds an attribute to the element just opened.
    mutating func attribute(_ name: String, _ value: String)
    /// Writes `<name>text</name>`.
    mutating func element(_ name: String, _ text: String, attributes: KeyValuePairs<String, String>)
    /// Writes character data.
    mutating func text(_ text: String)
    /// Closes the innermost element.
    mutating func end()
    /// Ends the document and returns its bytes.
    mutating func finish() -> [UInt8]
}

extension XMLByteWriter: XMLWriting {}

extension XMLWriting {
    /// Opens an element without attributes.
    public mutating func start(_ name: String) { start(name, attributes: [:]) }
    /// Writes `<name>text</name>` without attributes.
    public mutating func element(_ name: String, _ text: String) { element(name, text, attributes: [:]) }
}
