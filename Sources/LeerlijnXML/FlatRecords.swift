/// A batch of records in flat form: plain numbers in three arrays and one block of bytes.
///
/// The parsing thread writes it from libxml2's SAX events without allocating per element
/// (the arrays grow by amortised appends, sized from the batch before); the decoding thread
/// reads the records in place, element by element, without building trees (the catalogue's
/// decoder compares names as small codes given once per batch), or makes them into
/// ``ElementNode`` trees (``trees()``). The parsing thread, the one that paces a large load,
/// only runs libxml2 and appends numbers.
///
/// What the in-place view reads equals what the per-record reader builds (tested, through
/// ``trees()``, which is made from the view): names and namespaces,
/// attributes in order with `&#38;` decoded, text concatenated with white space after a child
/// element dropped, and the start tag's line and column.
public struct FlatRecords: Sendable {
    @usableFromInline
    struct Node: Sendable {
        @usableFromInline var name: Int32
        @usableFromInline var namespace: Int32
        /// The parent's position in `nodes`, or -1 for a record (a child of the root).
        @usableFromInline var parent: Int32
        @usableFromInline var line: Int32
        @usableFromInline var column: Int32
        @usableFromInline var firstAttribute: Int32
        @usableFromInline var attributeCount: Int32
        /// The first text piece (`texts`), or -1; pieces are linked by `Text.next`.
        @usableFromInline var firstText: Int32
        /// The position after the element's subtree (its descendants follow it contiguously).
        @usableFromInline var end: Int32
    }

    @usableFromInline
    struct Attribute: Sendable {
        @usableFromInline var name: Int32
        @usableFromInline var start: Int32
        @usableFromInline var length: Int32
    }

    @usableFromInline
    struct Text: Sendable {
        @usableFromInline var start: Int32
        @usableFromInline var length: Int32
        @usableFromInline var next: Int32
    }

    var nodes: [Node] = []
    var attributes: [Attribute] = []
    var texts: [Text] = []
    var bytes: [UInt8] = []
    /// The names this batch uses; nodes and attributes point into it.
    var names: [String] = []
    /// Complete records in the batch.
    public internal(set) var recordCount = 0

    /// Whether the batch holds no record.
    public var isEmpty: Bool { recordCount == 0 }

    /// The records as element trees, in document order.
    public func trees() -> [ElementNode] {
        withRecords(classify: { _ in 0 }) { view in view.records.map { $0.tree() } }
    }

    /// Reads the records in place, without building trees: `body` gets a view of this batch
    /// that is valid only during the call (its elements point into the batch's storage).
    /// `classify` gives each distinct name a code (``FlatElement/code``), once per batch, so a
    /// decoder compares small numbers instead of strings.
    package func withRecords<R>(classify: (String) -> UInt8, _ body: (FlatView) throws -> R) rethrows -> R {
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
package struct FlatView {
    @usableFromInline
    struct Storage {
        @usableFromInline let nodes: UnsafeBufferPointer<FlatRecords.Node>
        @usableFromInline let attributes: UnsafeBufferPointer<FlatRecords.Attribute>
        @usableFromInline let texts: UnsafeBufferPointer<FlatRecords.Text>
        @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
        @usableFromInline let names: UnsafeBufferPointer<String>
        @usableFromInline let codes: UnsafeBufferPointer<UInt8>
    }
    @usableFromInline let storage: UnsafePointer<Storage>

    /// The records (the children of the root), in document order.
    package var records: FlatSiblings { FlatSiblings(storage: storage, start: 0, end: storage.pointee.nodes.count) }
}

/// Elements that follow each other at one level of a batch: a record's children, or the records.
package struct FlatSiblings: Sequence {
    /// Nil only for ``empty``.
    @usableFromInline let storage: UnsafePointer<FlatView.Storage>?
    @usableFromInline let start: Int
    @usableFromInline let end: Int

    @usableFromInline
    init(storage: UnsafePointer<FlatView.Storage>?, start: Int, end: Int) {
        self.storage = storage
        self.start = start
        self.end = end
    }

    package struct Iterator: IteratorProtocol {
        @usableFromInline let storage: UnsafePointer<FlatView.Storage>?
        @usableFromInline var position: Int
        @usableFromInline let end: Int

        @usableFromInline
        init(storage: UnsafePointer<FlatView.Storage>?, position: Int, end: Int) {
            self.storage = storage
            self.position = position
            self.end = end
        }

        @inlinable
        package mutating func next() -> FlatElement? {
            guard position < end, let storage else { return nil }
            let element = FlatElement(storage: storage, index: position)
            position = Int(storage.pointee.nodes[position].end)
            return element
        }
    }

    @inlinable
    package func makeIterator() -> Iterator { Iterator(storage: storage, position: start, end: end) }

    /// Whether there is none.
    package var isEmpty: Bool { start >= end }

    /// No elements.
    package static var empty: FlatSiblings { FlatSiblings(storage: nil, start: 0, end: 0) }
}

/// One element of a batch, read in place: what ``ElementNode`` holds, computed on demand.
package struct FlatElement {
    @usableFromInline let storage: UnsafePointer<FlatView.Storage>
    @usableFromInline let index: Int

    @usableFromInline
    init(storage: UnsafePointer<FlatView.Storage>, index: Int) {
        self.storage = storage
        self.index = index
    }

    @inlinable
    var node: FlatRecords.Node { storage.pointee.nodes[index] }

    /// The code `classify` gave the element's local name.
    @inlinable
    package var code: UInt8 { storage.pointee.codes[Int(node.name)] }
    /// The local name.
    package var name: String { storage.pointee.names[Int(node.name)] }
    /// The namespace URI, or the empty string.
    package var namespace: String { storage.pointee.names[Int(node.namespace)] }
    /// The 1-based line of the start tag.
    @inlinable
    package var line: Int { Int(node.line) }
    /// The column libxml2 reported after the start tag.
    @inlinable
    package var column: Int { Int(node.column) }

    /// The character data directly inside, as ``ElementNode/text``.
    package var text: String {
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
    @inlinable
    package func attribute(code: UInt8) -> String? {
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
    package func attribute(_ name: String) -> String? {
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
    package var attributes: [(name: String, value: String)] {
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
    @inlinable
    package var children: FlatSiblings { FlatSiblings(storage: storage, start: index + 1, end: Int(node.end)) }

    /// The element with its subtree as a tree.
    package func tree() -> ElementNode {
        ElementNode(name: name, namespace: namespace, attributes: attributes, children: children.map { $0.tree() }, text: text,
                    line: line, column: column)
    }
}

/// The parsing thread's side: appends SAX events to the current batch and hands over full ones.
final class FlatRecordWriter {
    // Touched for every SAX event on one thread only: no dynamic exclusivity checks.
    let batchSize: Int
    @exclusivity(unchecked) private(set) var batch = FlatRecords()
    /// Full batches not yet handed over.
    @exclusivity(unchecked) var ready: [FlatRecords] = []
    /// Open elements below the root: node position, whether it has a child yet, its last text piece.
    @exclusivity(unchecked) private var open: [(node: Int32, hasChildren: Bool, lastText: Int32)] = []
    /// Names by libxml2's interned pointer, for the current batch (direct-mapped; a collision
    /// only adds the name to the batch again).
    private static let slots = 512
    @exclusivity(unchecked) private var slotPointers = [UnsafePointer<UInt8>?](repeating: nil, count: FlatRecordWriter.slots)
    @exclusivity(unchecked) private var slotIDs = [Int32](repeating: 0, count: FlatRecordWriter.slots)
    /// The most bytes a batch holds before it is handed over even if not full.
    static let maxBatchBytes = 1 << 30
    /// The most bytes one batch can address (positions are 32-bit): a record that would pass it
    /// makes ``start`` or ``characters`` return `false`, and the reader refuses the document.
    static let addressableBytes = Int(Int32.max)

    init(batchSize: Int) {
        self.batchSize = batchSize
        batch.names.reserveCapacity(64)
        batch.names.append("")
    }

    private func name(_ pointer: UnsafePointer<UInt8>?) -> Int32 {
        guard let pointer else { return 0 }
        let slot = InternedStrings.slot(of: pointer, among: Self.slots)
        if slotPointers[slot] == pointer { return slotIDs[slot] }
        let id = Int32(batch.names.count)
        batch.names.append(String(cString: pointer))
        slotPointers[slot] = pointer
        slotIDs[slot] = id
        return id
    }

    /// An element below the root starts. `attributes` is libxml2's array of five pointers per
    /// attribute. Returns `false`, adding nothing, when the batch could not address it.
    func start(name localName: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?,
               attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, attributeCount: Int, line: Int, column: Int) -> Bool {
        var added = 0
        if let attributes, attributeCount > 0 {
            for index in 0..<attributeCount {
                if let start = attributes[index * 5 + 3], let end = attributes[index * 5 + 4] { added += end - start }
            }
        }
        guard batch.bytes.count + added < Self.addressableBytes, batch.nodes.count < Self.addressableBytes,
              batch.attributes.count + attributeCount < Self.addressableBytes else { return false }
        let position = Int32(batch.nodes.count)
        var first = Int32(batch.attributes.count), count: Int32 = 0
        if let attributes, attributeCount > 0 {
            for index in 0..<attributeCount {
                let base = index * 5
                guard let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                let attributeName = name(attributes[base])
                let offset = Int32(batch.bytes.count)
                batch.bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
                batch.attributes.append(.init(name: attributeName, start: offset, length: Int32(end - start)))
                count += 1
            }
        }
        if count == 0 { first = 0 }
        let parent: Int32
        if let last = open.last {
            parent = last.node
            open[open.count - 1].hasChildren = true
        } else {
            parent = -1
        }
        batch.nodes.append(.init(name: name(localName), namespace: name(namespace), parent: parent,
                                 line: Int32(clamping: line), column: Int32(clamping: column), firstAttribute: first,
                                 attributeCount: count, firstText: -1, end: position + 1))
        open.append((position, false, -1))
        return true
    }

    /// Character data inside the innermost open element; `false` when the batch could not address it.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = open.last else { return true }
        // White space after a child element is indentation between elements (records have no
        // mixed content): not kept, as the per-record reader does.
        if last.hasChildren, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return true }
        guard batch.bytes.count + bytes.count < Self.addressableBytes, batch.texts.count < Self.addressableBytes else { return false }
        let piece = Int32(batch.texts.count)
        batch.texts.append(.init(start: Int32(batch.bytes.count), length: Int32(bytes.count), next: -1))
        batch.bytes.append(contentsOf: bytes)
        if last.lastText >= 0 {
            batch.texts[Int(last.lastText)].next = piece
        } else {
            batch.nodes[Int(last.node)].firstText = piece
        }
        open[open.count - 1].lastText = piece
        return true
    }

    /// The innermost open element ends; a record is complete when it was a child of the root.
    func end() {
        guard let closed = open.popLast() else { return }
        batch.nodes[Int(closed.node)].end = Int32(batch.nodes.count)
        guard open.isEmpty else { return }
        batch.recordCount += 1
        if batch.recordCount >= batchSize || batch.bytes.count >= Self.maxBatchBytes { handOver() }
    }

    /// Moves the current batch (its complete records) to `ready`; a record still open is
    /// dropped, as the per-record reader drops it.
    func handOver() {
        if !open.isEmpty {
            // Only at the end of a broken document: keep the complete records.
            let keep = Int(open[0].node)
            batch.nodes.removeSubrange(keep...)
            open.removeAll()
        }
        guard batch.recordCount > 0 else { return }
        // The next batch is likely the size of this one: room for that and an eighth more, so
        // its arrays are not grown (and copied) from empty record by record.
        let sizes = (batch.nodes.count, batch.attributes.count, batch.texts.count, batch.bytes.count)
        ready.append(batch)
        batch = FlatRecords()
        batch.nodes.reserveCapacity(sizes.0 + sizes.0 / 8)
        batch.attributes.reserveCapacity(sizes.1 + sizes.1 / 8)
        batch.texts.reserveCapacity(sizes.2 + sizes.2 / 8)
        batch.bytes.reserveCapacity(min(sizes.3 + sizes.3 / 8, Self.maxBatchBytes))
        batch.names.append("")
        for slot in slotPointers.indices { slotPointers[slot] = nil }
    }
}
