/// A batch of records in flat form: plain numbers in three arrays and one block of bytes.
///
/// The parsing thread writes it from libxml2's SAX events without allocating per element
/// (the arrays grow by amortised appends, sized from the batch before); the decoding thread
/// reads the records in place, element by element, without building trees (the catalogue's
/// decoder compares names as small codes given once per batch), or makes them into
/// ``ElementNode`` trees (``trees()``). The parsing thread, the one that paces a large load,
/// only runs libxml2 and appends numbers.
///
/// The trees, and what the catalogue decoder reads in place, equal what the per-record reader
/// builds (tested): names and namespaces,
/// attributes in order with `&#38;` decoded, text concatenated with white space after a child
/// element dropped, and the start tag's line and column.
public struct FlatRecords: Sendable {
    package struct Node: Sendable {
        package var name: Int32
        package var namespace: Int32
        /// The parent's position in `nodes`, or -1 for a record (a child of the root).
        package var parent: Int32
        package var line: Int32
        package var column: Int32
        package var firstAttribute: Int32
        package var attributeCount: Int32
        /// The first text piece (`texts`), or -1; pieces are linked by `Text.next`.
        package var firstText: Int32
        /// The position after the element's subtree (its descendants follow it contiguously).
        package var end: Int32
    }

    package struct Attribute: Sendable {
        package var name: Int32
        package var start: Int32
        package var length: Int32
    }

    package struct Text: Sendable {
        package var start: Int32
        package var length: Int32
        package var next: Int32
    }

    package var nodes: [Node] = []
    package var attributes: [Attribute] = []
    package var texts: [Text] = []
    package var bytes: [UInt8] = []
    /// The names this batch uses; nodes and attributes point into it.
    package var names: [String] = []
    /// Complete records in the batch.
    public internal(set) var recordCount = 0

    /// Whether the batch holds no record.
    public var isEmpty: Bool { recordCount == 0 }

    /// The records as element trees, in document order.
    public func trees() -> [ElementNode] {
        var records: [ElementNode] = []
        records.reserveCapacity(recordCount)
        var index = 0
        bytes.withUnsafeBufferPointer { bytes in
            while index < nodes.count {
                records.append(build(index, bytes))
                index = Int(nodes[index].end)
            }
        }
        return records
    }

    /// Node `index` with its subtree (which follows it contiguously, up to its `end`).
    private func build(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> ElementNode {
        let node = nodes[index]
        var pairs: [(name: String, value: String)] = []
        if node.attributeCount > 0 {
            pairs.reserveCapacity(Int(node.attributeCount))
            for a in Int(node.firstAttribute)..<Int(node.firstAttribute + node.attributeCount) {
                let attribute = attributes[a]
                let value = UnsafeBufferPointer(rebasing: bytes[Int(attribute.start)..<Int(attribute.start + attribute.length)])
                pairs.append((names[Int(attribute.name)], attributeValue(value)))
            }
        }
        var text = ""
        var piece = node.firstText
        while piece >= 0 {
            let t = texts[Int(piece)]
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(t.start)..<Int(t.start + t.length)]), as: UTF8.self)
            piece = t.next
        }
        var children: [ElementNode] = []
        var next = index + 1
        while next < Int(node.end) {
            children.append(build(next, bytes))
            next = Int(nodes[next].end)
        }
        return ElementNode(name: names[Int(node.name)], namespace: names[Int(node.namespace)], attributes: pairs,
                           children: children, text: text, line: Int(node.line), column: Int(node.column))
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
