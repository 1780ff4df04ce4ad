/// A small, immutable element tree: one record of a streamed document.
///
/// The reader never builds a tree of a whole document; it hands over one record (a child of
/// the root element) at a time, so memory stays bounded by the largest record.
public struct ElementNode: Sendable, Hashable {
    /// The element's local name.
    public var name: String
    /// The namespace URI, or the empty string.
    public var namespace: String
    /// Attributes in document order, as local name and value.
    public var attributes: [(name: String, value: String)]
    /// Child elements in document order.
    public var children: [ElementNode]
    /// The concatenated character data directly inside this element (white-space-only text
    /// after a child element, i.e. indentation, is not kept).
    public var text: String
    /// The 1-based line of the start tag.
    public var line: Int
    /// The column libxml2 reports after the start tag (an approximation of the tag's column).
    public var column: Int

    /// Creates an element node.
    public init(name: String, namespace: String = "", attributes: [(name: String, value: String)] = [],
                children: [ElementNode] = [], text: String = "", line: Int = 0, column: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.column = column
    }

    /// The value of the attribute with this local name, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The children with this local name, in order.
    public func children(named name: String) -> [ElementNode] {
        children.filter { $0.name == name }
    }

    /// The first child with this local name.
    public func child(_ name: String) -> ElementNode? {
        children.first { $0.name == name }
    }

    public static func == (lhs: ElementNode, rhs: ElementNode) -> Bool {
        lhs.name == rhs.name && lhs.namespace == rhs.namespace && lhs.text == rhs.text
            && lhs.children == rhs.children && lhs.line == rhs.line && lhs.column == rhs.column
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(line)
        hasher.combine(text)
    }
}
