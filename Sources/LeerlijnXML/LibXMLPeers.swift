internal import CLeerlijnXML2
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// libxml2's own writer, wrapped for the benchmark: the peer Leerlijn's byte writer is
/// measured against. It is not used for Leerlijn's output.
public final class LibXMLTextWriter: XMLWriting {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// Starts a document (UTF-8, two-space indentation) in memory.
    public init?() {
        LibXML2Runtime.ensureInitialised()
        guard let buffer = xmlBufferCreate() else { return nil }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            return nil
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        _ = "  ".withCString { xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func chars<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        string.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    public func start(_ name: String, attributes: KeyValuePairs<String, String>) {
        chars(name) { _ = xmlTextWriterStartElement(writer, $0) }
        for (key, value) in attributes { attribute(key, value) }
    }

    public func attribute(_ name: String, _ value: String) {
        chars(name) { n in chars(value) { v in _ = xmlTextWriterWriteAttribute(writer, n, v) } }
    }

    public func element(_ name: String, _ text: String, attributes: KeyValuePairs<String, String>) {
        start(name, attributes: attributes)
        self.text(text)
        _ = xmlTextWriterEndElement(writer)
    }

    public func text(_ text: String) {
        chars(text) { _ = xmlTextWriterWriteString(writer, $0) }
    }

    public func end() { _ = xmlTextWriterEndElement(writer) }

    public func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}

/// The import peer for the benchmark: libxml2 builds the whole tree (`xmlReadFd`), then a
/// walk copies every element name and text into Swift strings, as an importer would.
public enum LibXMLTreeWalkPeer {
    /// Parses `path` into a DOM and walks it; returns the number of elements seen.
    public static func loadAndWalk(path: String) -> Int {
        LibXML2Runtime.ensureInitialised()
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return -1 }
        defer { close(fd) }
        guard let document = xmlReadFd(fd, path, nil, LibXML2Runtime.safeParseOptions) else { return -1 }
        defer { xmlFreeDoc(document) }
        var count = 0
        var checksum = 0
        func walk(_ first: xmlNodePtr?) {
            var node = first
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    count += 1
                    let name = String(cString: current.pointee.name)
                    checksum &+= name.utf8.count
                    var attribute = current.pointee.properties
                    while let property = attribute {
                        if let value = property.pointee.children?.pointee.content {
                            checksum &+= String(cString: value).utf8.count
                        }
                        attribute = property.pointee.next
                    }
                    walk(current.pointee.children)
                } else if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    checksum &+= String(cString: content).utf8.count
                }
                node = current.pointee.next
            }
        }
        walk(xmlDocGetRootElement(document))
        return checksum >= 0 ? count : count
    }
}
