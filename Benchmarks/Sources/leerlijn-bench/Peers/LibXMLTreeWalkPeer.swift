import CLeerlijnPeerXML2
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// The import peer for the benchmark: libxml2 builds the whole tree (`xmlReadFd`), then a
/// walk copies every element name and text into Swift strings, as an importer would.
enum LibXMLTreeWalkPeer {
    /// The options Leerlijn's own reader uses for untrusted input: no network, big line numbers.
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
                                       | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    // tree.h's XML_ELEMENT_NODE and XML_TEXT_NODE: Clang hands those enumerators to the library's
    // CLeerlijnXML2 module, which owns the same headers and is not importable from this package.
    private static let elementNode = xmlElementType(rawValue: 1)
    private static let textNode = xmlElementType(rawValue: 3)

    /// Parses `path` into a DOM and walks it; returns the number of elements seen.
    static func loadAndWalk(path: String) -> Int { loadAndWalk(path: path, validatingWith: nil) }

    /// A compiled XSD for ``loadAndWalk(path:validatingWith:)``.
    final class Schema {
        let schema: xmlSchemaPtr
        init?(bytes: [UInt8]) {
            xmlInitParser()
            guard let parser = bytes.withUnsafeBufferPointer({
                xmlSchemaNewMemParserCtxt(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), Int32($0.count))
            }) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            guard let schema = xmlSchemaParse(parser) else { return nil }
            self.schema = schema
        }
        deinit { xmlSchemaFree(schema) }
    }

    /// As ``loadAndWalk(path:)``, validating the tree against `schema` (`xmlSchemaValidateDoc`)
    /// before the walk when one is given: the peer that does libxml2's share of an XSD-validated import.
    static func loadAndWalk(path: String, validatingWith schema: Schema?) -> Int {
        xmlInitParser()
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return -1 }
        defer { close(fd) }
        guard let document = xmlReadFd(fd, path, nil, options) else { return -1 }
        defer { xmlFreeDoc(document) }
        if let schema {
            guard let validation = xmlSchemaNewValidCtxt(schema.schema) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(validation) }
            guard xmlSchemaValidateDoc(validation, document) == 0 else { return -1 }
        }
        var count = 0
        var checksum = 0
        func walk(_ first: xmlNodePtr?) {
            var node = first
            while let current = node {
                if current.pointee.type == elementNode {
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
                } else if current.pointee.type == textNode, let content = current.pointee.content {
                    checksum &+= String(cString: content).utf8.count
                }
                node = current.pointee.next
            }
        }
        walk(xmlDocGetRootElement(document))
        return checksum >= 0 ? count : count
    }
}
