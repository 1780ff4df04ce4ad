import CLeerlijnPeerXML2
import FoundationEssentials
import LeerlijnXML

#if canImport(Glibc)
import Glibc
#endif

/// libxml2's own writer, wrapped for the benchmark: the peer Leerlijn's byte writer is
/// measured against. It is not used for Leerlijn's output.
final class LibXMLTextWriter: XMLWriting {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// Starts a document (UTF-8, two-space indentation) in memory.
    init?() {
        xmlInitParser()
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

    func start(_ name: String, attributes: KeyValuePairs<String, String>) {
        chars(name) { _ = xmlTextWriterStartElement(writer, $0) }
        for (key, value) in attributes { attribute(key, value) }
    }

    func attribute(_ name: String, _ value: String) {
        chars(name) { n in chars(value) { v in _ = xmlTextWriterWriteAttribute(writer, n, v) } }
    }

    func element(_ name: String, _ text: String, attributes: KeyValuePairs<String, String>) {
        start(name, attributes: attributes)
        self.text(text)
        _ = xmlTextWriterEndElement(writer)
    }

    func text(_ text: String) {
        chars(text) { _ = xmlTextWriterWriteString(writer, $0) }
    }

    func end() { _ = xmlTextWriterEndElement(writer) }

    func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
