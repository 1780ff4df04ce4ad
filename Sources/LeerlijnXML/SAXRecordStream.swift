internal import CLeerlijnXML2
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// The fast read loop: libxml2's push parser with SAX2 callbacks that build each record's
/// ``ElementNode`` directly, the XSD validator plugged into the same event stream
/// (`xmlSchemaSAXPlug`). No libxml2 tree is ever built, not even per node.
///
/// Security is that of ``SafeXMLReader``: no entity substitution (`&#38;` in attribute values is
/// decoded by hand), no DTD loading, the deny-all entity loader, `XML_PARSE_NONET`, and a DOCTYPE
/// stops the parser in its `internalSubset` callback, before any declaration is parsed.
final class SAXRecordBuilder {
    let collector: DiagnosticCollector
    let interned = InternedStrings()
    var stack: [ElementNode] = []
    // Read and written for every SAX event, on the parsing thread only.
    @exclusivity(unchecked) var depth = 0
    var rootName = "", rootNamespace = ""
    /// Finished records, handed to the caller after each chunk.
    var ready: [ElementNode] = []
    var parser: xmlParserCtxtPtr?
    @exclusivity(unchecked) var stopped = false
    /// In batch mode, where records go instead of `stack` and `ready`.
    let flat: FlatRecordWriter?
    /// The deepest nesting accepted.
    static let maxDepth = 256
    /// Added to the lines of records (a part of a file read in parts starts further down).
    var lineOffset = 0

    init(collector: DiagnosticCollector, flat: FlatRecordWriter? = nil) {
        self.collector = collector
        self.flat = flat
    }

    var position: (line: Int, column: Int) {
        guard let input = parser?.pointee.input else { return (0, 0) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    func refuse(_ message: String) {
        guard !stopped else { return }
        stopped = true
        let (line, column) = position
        collector.append(XMLDiagnostic(file: collector.file, line: max(line, 1), column: max(column, 1),
                                       message: message, origin: "security"))
        if let parser { xmlStopParser(parser) }
    }

    static func builder(_ context: UnsafeMutableRawPointer?) -> SAXRecordBuilder? {
        context.map { Unmanaged<SAXRecordBuilder>.fromOpaque($0).takeUnretainedValue() }
    }
}

private func saxStartElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                             _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                             _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                             _ attributeCount: Int32, _ defaulted: Int32,
                             _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    guard let builder = SAXRecordBuilder.builder(context), !builder.stopped else { return }
    // libxml2's own limit without XML_PARSE_HUGE; also keeps the record trees (released
    // recursively) far from exhausting the stack.
    guard builder.depth < SAXRecordBuilder.maxDepth else {
        builder.refuse("elements nested deeper than \(SAXRecordBuilder.maxDepth) levels are refused")
        return
    }
    let name = builder.interned.string(localName)
    let namespace = builder.interned.string(uri)
    defer { builder.depth += 1 }
    if builder.depth == 0 {
        builder.rootName = name
        builder.rootNamespace = namespace
        return
    }
    var pairs: [(name: String, value: String)] = []
    if let attributes, attributeCount > 0 {
        pairs.reserveCapacity(Int(attributeCount))
        for index in 0..<Int(attributeCount) {
            let base = index * 5
            let attributeName = builder.interned.string(attributes[base])
            guard let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            pairs.append((attributeName, attributeValue(UnsafeBufferPointer(start: start, count: end - start))))
        }
    }
    let (line, column) = builder.position
    builder.stack.append(ElementNode(name: name, namespace: namespace, attributes: pairs, line: line, column: max(column, 1)))
}

/// An attribute value: without entity substitution libxml2 keeps an ampersand as `&#38;`
/// (and nothing else undecoded), so that one sequence is turned back into `&`.
package func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    let pattern: [UInt8] = Array("&#38;".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "&"), index + pattern.count <= bytes.count,
           bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
            output.append(UInt8(ascii: "&"))
            index += pattern.count
        } else {
            output.append(bytes[index])
            index += 1
        }
    }
    return String(decoding: output, as: UTF8.self)
}

private func saxEndElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                           _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    guard let builder = SAXRecordBuilder.builder(context), !builder.stopped else { return }
    builder.depth -= 1
    guard builder.depth > 0, let finished = builder.stack.popLast() else { return }
    if builder.stack.isEmpty {
        builder.ready.append(finished)
    } else {
        builder.stack[builder.stack.count - 1].children.append(finished)
    }
}

private func saxCharacters(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let builder = SAXRecordBuilder.builder(context), !builder.stopped, !builder.stack.isEmpty,
          let characters, length > 0 else { return }
    let bytes = UnsafeBufferPointer(start: characters, count: Int(length))
    let last = builder.stack.count - 1
    // White space after a child element is indentation between elements (records have no
    // mixed content): not kept, which spares a string append per child.
    if !builder.stack[last].children.isEmpty,
       bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return }
    builder.stack[last].text += String(decoding: bytes, as: UTF8.self)
}

// Batch mode: the same events appended to a ``FlatRecordWriter``.

/// Runs `body` with the builder behind `context` without retaining it (the parse holds it):
/// these callbacks run for every element, so no reference counting on the way in.
@inline(__always)
private func withBuilder(_ context: UnsafeMutableRawPointer?, _ body: (SAXRecordBuilder, FlatRecordWriter) -> Void) {
    guard let context else { return }
    Unmanaged<SAXRecordBuilder>.fromOpaque(context)._withUnsafeGuaranteedRef { builder in
        guard !builder.stopped, let flat = builder.flat else { return }
        body(builder, flat)
    }
}

private func flatStartElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                              _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                              _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              _ attributeCount: Int32, _ defaulted: Int32,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    withBuilder(context) { builder, flat in
        guard builder.depth < SAXRecordBuilder.maxDepth else {
            builder.refuse("elements nested deeper than \(SAXRecordBuilder.maxDepth) levels are refused")
            return
        }
        defer { builder.depth += 1 }
        if builder.depth == 0 {
            builder.rootName = builder.interned.string(localName)
            builder.rootNamespace = builder.interned.string(uri)
            return
        }
        let (line, column) = builder.position
        if !flat.start(name: localName, namespace: uri, attributes: attributes, attributeCount: Int(max(0, attributeCount)),
                       line: line + builder.lineOffset, column: max(column, 1)) {
            builder.refuse("a record too large to read at once (over 2 GiB) is refused")
        }
    }
}

private func flatEndElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                            _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    withBuilder(context) { builder, flat in
        builder.depth -= 1
        guard builder.depth > 0 else { return }
        flat.end()
    }
}

private func flatCharacters(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let characters, length > 0 else { return }
    withBuilder(context) { builder, flat in
        if !flat.characters(UnsafeBufferPointer(start: characters, count: Int(length))) {
            builder.refuse("a record too large to read at once (over 2 GiB) is refused")
        }
    }
}

private func saxInternalSubset(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                               _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?) {
    SAXRecordBuilder.builder(context)?.refuse(
        "a DOCTYPE declaration is not allowed (DTDs and entities are refused in untrusted XML)")
}

private func saxReference(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    SAXRecordBuilder.builder(context)?.refuse("entity references are not allowed")
}

private func validationLocator(_ context: UnsafeMutableRawPointer?, _ file: UnsafeMutablePointer<UnsafePointer<CChar>?>?,
                               _ line: UnsafeMutablePointer<UInt>?) -> Int32 {
    guard let context else { return -1 }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let input = parser.pointee.input { line?.pointee = UInt(max(0, input.pointee.line)) }
    file?.pointee = nil
    return 0
}

/// One SAX-driven parse of a file descriptor or a memory buffer.
struct SAXRecordStream {
    let collector: DiagnosticCollector
    let schema: XMLSchema?
    /// Added to the line of every record in batch mode.
    var lineOffset = 0

    /// The bytes come from `next`, chunk by chunk, until it returns an empty chunk. Records go
    /// to `record` one by one, or, with `batches`, to its closure in flat batches of its size.
    func run(next: () -> (UnsafeRawBufferPointer?, Int), batches: (size: Int, deliver: (FlatRecords) -> Void)? = nil,
             record: (ElementNode) throws -> Void) rethrows -> SafeXMLReader.Summary {
        let builder = SAXRecordBuilder(collector: collector, flat: batches.map { FlatRecordWriter(batchSize: max(1, $0.size)) })
        builder.lineOffset = lineOffset
        let handler = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
        defer { handler.deallocate() }
        memset(handler, 0, MemoryLayout<xmlSAXHandler>.size)
        handler.pointee.initialized = XML_SAX2_MAGIC
        if batches != nil {
            handler.pointee.startElementNs = flatStartElement
            handler.pointee.endElementNs = flatEndElement
            handler.pointee.characters = flatCharacters
            handler.pointee.ignorableWhitespace = flatCharacters
            handler.pointee.cdataBlock = flatCharacters
        } else {
            handler.pointee.startElementNs = saxStartElement
            handler.pointee.endElementNs = saxEndElement
            handler.pointee.characters = saxCharacters
            handler.pointee.ignorableWhitespace = saxCharacters
            handler.pointee.cdataBlock = saxCharacters
        }
        handler.pointee.internalSubset = saxInternalSubset
        handler.pointee.externalSubset = saxInternalSubset
        handler.pointee.reference = saxReference

        var sax: xmlSAXHandlerPtr? = handler
        var userData: UnsafeMutableRawPointer? = Unmanaged.passUnretained(builder).toOpaque()
        var validation: xmlSchemaValidCtxtPtr?
        var plug: xmlSchemaSAXPlugPtr?
        if let schema {
            validation = xmlSchemaNewValidCtxt(schema.pointer)
            if let validation {
                xmlSchemaSetValidStructuredErrors(validation, collectStructuredError, collector.context)
                plug = xmlSchemaSAXPlug(validation, &sax, &userData)
            }
            if plug == nil {
                collector.append(XMLDiagnostic(file: collector.file, line: 0, column: 0,
                                               message: "the schema validator could not be attached", origin: "schema"))
                if let validation { xmlSchemaFreeValidCtxt(validation) }
                return SafeXMLReader.Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
            }
        }
        defer {
            if let plug { xmlSchemaSAXUnplug(plug) }
            if let validation { xmlSchemaFreeValidCtxt(validation) }
        }
        // Parser errors go to the collector through this thread's structured channel.
        xmlSetStructuredErrorFunc(collector.context, collectStructuredError)
        defer { LibXML2Runtime.ensureInitialised() }
        guard let parser = collector.file.withCString({ xmlCreatePushParserCtxt(sax, userData, nil, 0, $0) }) else {
            collector.append(XMLDiagnostic(file: collector.file, line: 0, column: 0,
                                           message: "libxml2 could not create a parser", origin: "io"))
            return SafeXMLReader.Summary(rootName: "", rootNamespace: "", diagnostics: collector.diagnostics)
        }
        defer {
            if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(parser)
        }
        xmlCtxtUseOptions(parser, LibXML2Runtime.safeParseOptions)
        builder.parser = parser
        collector.currentPosition = { [unowned builder] in builder.position }
        defer { collector.currentPosition = nil }
        if let validation { xmlSchemaValidateSetLocator(validation, validationLocator, UnsafeMutableRawPointer(parser)) }
        var fatal = false
        while !builder.stopped && !fatal {
            let (chunk, count) = next()
            let status: Int32
            if let chunk, count > 0 {
                status = xmlParseChunk(parser, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count), 0)
            } else {
                status = xmlParseChunk(parser, nil, 0, 1)
                fatal = true
            }
            if status != 0 && parser.pointee.wellFormed == 0 { fatal = true }
            let finished = builder.ready
            builder.ready.removeAll(keepingCapacity: true)
            for node in finished { try record(node) }
            if let flat = builder.flat, let batches, !flat.ready.isEmpty {
                let full = flat.ready
                flat.ready.removeAll()
                for batch in full { batches.deliver(batch) }
            }
            if parser.pointee.disableSAX != 0 { fatal = true }
        }
        if let flat = builder.flat, let batches {
            flat.handOver()
            for batch in flat.ready { batches.deliver(batch) }
            flat.ready.removeAll()
        }
        withExtendedLifetime(builder) {}
        if parser.pointee.wellFormed == 0 || parser.pointee.nsWellFormed == 0, !collector.hasErrors {
            collector.append(XMLDiagnostic(file: collector.file, line: max(builder.position.line, 1),
                                           column: max(builder.position.column, 1), message: "the document is not well-formed"))
        }
        if let validation, !collector.hasErrors, xmlSchemaIsValid(validation) != 1, builder.rootName.isEmpty {
            collector.append(XMLDiagnostic(file: collector.file, line: 1, column: 1,
                                           message: "the document is not valid against the schema", origin: "schema"))
        }
        return SafeXMLReader.Summary(rootName: builder.rootName, rootNamespace: builder.rootNamespace,
                                     diagnostics: collector.diagnostics)
    }
}
