import LeerlijnXML

// The catalogue decoder's view of a flat batch: records read where they lie, element by
// element, without building trees. It lives beside the decoder (one module) so that every
// accessor is inlined into the decoding loops.

extension FlatRecords {
    /// Reads the records in place, without building trees: `body` gets a view of this batch
    /// that is valid only during the call (its elements point into the batch's storage).
    /// `classify` gives each distinct name a code (``FlatElement/code``), once per batch, so a
    /// decoder compares small numbers instead of strings.
    func withRecords<R>(classify: (String) -> UInt8, _ body: (FlatView) throws -> R) rethrows -> R {
        let codes = names.map(classify)
        return try nodes.withUnsafeBufferPointer { nodes in
            try attributes.withUnsafeBufferPointer { attributes in
                try texts.withUnsafeBufferPointer { texts in
                    try bytes.withUnsafeBufferPointer { bytes in
                        try names.withUnsafeBufferPointer { names in
                            try codes.withUnsafeBufferPointer { codes in
                                let storage = FlatView.Storage(nodes: nodes, attributes: attributes, texts: texts, bytes: bytes,
                                                               names: names, codes: codes)
                                return try withUnsafePointer(to: storage) { try body(FlatView(storage: $0)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A batch of flat records read in place (``FlatRecords/withRecords(classify:_:)``): valid only
/// inside that call, like the elements it hands out.
struct FlatView {
    struct Storage {
        let nodes: UnsafeBufferPointer<FlatRecords.Node>
        let attributes: UnsafeBufferPointer<FlatRecords.Attribute>
        let texts: UnsafeBufferPointer<FlatRecords.Text>
        let bytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<String>
        let codes: UnsafeBufferPointer<UInt8>
    }
    let storage: UnsafePointer<Storage>

    /// The records (the children of the root), in document order.
    var records: FlatSiblings { FlatSiblings(storage: storage, start: 0, end: storage.pointee.nodes.count) }
}

/// Elements that follow each other at one level of a batch: a record's children, or the records.
struct FlatSiblings: Sequence {
    /// Nil only for ``empty``.
    let storage: UnsafePointer<FlatView.Storage>?
    let start: Int
    let end: Int

    struct Iterator: IteratorProtocol {
        let storage: UnsafePointer<FlatView.Storage>?
        var position: Int
        let end: Int

        mutating func next() -> FlatElement? {
            guard position < end, let storage else { return nil }
            let element = FlatElement(storage: storage, index: position)
            position = Int(storage.pointee.nodes[position].end)
            return element
        }
    }

    func makeIterator() -> Iterator { Iterator(storage: storage, position: start, end: end) }

    /// Whether there is none.
    var isEmpty: Bool { start >= end }

    /// No elements.
    static var empty: FlatSiblings { FlatSiblings(storage: nil, start: 0, end: 0) }
}

/// One element of a batch, read in place: what ``ElementNode`` holds, computed on demand.
struct FlatElement {
    let storage: UnsafePointer<FlatView.Storage>
    let index: Int
    var node: FlatRecords.Node { storage.pointee.nodes[index] }

    /// The code `classify` gave the element's local name.
    var code: UInt8 { storage.pointee.codes[Int(node.name)] }
    /// The local name.
    var name: String { storage.pointee.names[Int(node.name)] }
    /// The namespace URI, or the empty string.
    var namespace: String { storage.pointee.names[Int(node.namespace)] }
    /// The 1-based line of the start tag.
    var line: Int { Int(node.line) }
    /// The column libxml2 reported after the start tag.
    var column: Int { Int(node.column) }

    /// The character data directly inside, as ``ElementNode/text``.
    var text: String {
        let node = self.node
        guard node.firstText >= 0 else { return "" }
        let storage = self.storage.pointee
        let first = storage.texts[Int(node.firstText)]
        if first.next < 0 {
            return String(decoding: UnsafeBufferPointer(rebasing: storage.bytes[Int(first.start)..<Int(first.start + first.length)]),
                          as: UTF8.self)
        }
        var text = ""
        var piece = node.firstText
        while piece >= 0 {
            let t = storage.texts[Int(piece)]
            text += String(decoding: UnsafeBufferPointer(rebasing: storage.bytes[Int(t.start)..<Int(t.start + t.length)]), as: UTF8.self)
            piece = t.next
        }
        return text
    }

    /// The value of the first attribute whose local name has this code.
    func attribute(code: UInt8) -> String? {
        let node = self.node
        let storage = self.storage.pointee
        var a = Int(node.firstAttribute)
        let end = a + Int(node.attributeCount)
        while a < end {
            let attribute = storage.attributes[a]
            if storage.codes[Int(attribute.name)] == code {
                return attributeValue(UnsafeBufferPointer(rebasing: storage.bytes[Int(attribute.start)..<Int(attribute.start + attribute.length)]))
            }
            a += 1
        }
        return nil
    }

    /// The value of the first attribute with this local name.
    func attribute(_ name: String) -> String? {
        let node = self.node
        let storage = self.storage.pointee
        for a in Int(node.firstAttribute)..<Int(node.firstAttribute + node.attributeCount) {
            let attribute = storage.attributes[a]
            if storage.names[Int(attribute.name)] == name {
                return attributeValue(UnsafeBufferPointer(rebasing: storage.bytes[Int(attribute.start)..<Int(attribute.start + attribute.length)]))
            }
        }
        return nil
    }

    /// The attributes in document order.
    var attributes: [(name: String, value: String)] {
        let node = self.node
        guard node.attributeCount > 0 else { return [] }
        let storage = self.storage.pointee
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(Int(node.attributeCount))
        for a in Int(node.firstAttribute)..<Int(node.firstAttribute + node.attributeCount) {
            let attribute = storage.attributes[a]
            let value = UnsafeBufferPointer(rebasing: storage.bytes[Int(attribute.start)..<Int(attribute.start + attribute.length)])
            pairs.append((storage.names[Int(attribute.name)], attributeValue(value)))
        }
        return pairs
    }

    /// The child elements in document order.
    var children: FlatSiblings { FlatSiblings(storage: storage, start: index + 1, end: Int(node.end)) }

    /// The element with its subtree as a tree (what the per-record reader builds).
    func tree() -> ElementNode {
        ElementNode(name: name, namespace: namespace, attributes: attributes, children: children.map { $0.tree() }, text: text,
                    line: line, column: column)
    }
}

