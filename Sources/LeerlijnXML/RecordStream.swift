internal import CLeerlijnXML2
import FoundationEssentials

/// The read loop shared by file and memory input: turns reader nodes into records.
struct RecordStream {
    let reader: OpaquePointer
    let collector: DiagnosticCollector
    let schema: XMLSchema?
    /// libxml2 interns names and namespace URIs in its dictionary, so the same pointer always
    /// means the same string: converting each once saves an allocation per element.
    private let interned = InternedStrings()

    // libxml2's xmlReaderTypes, as plain integers.
    private static let element: Int32 = 1, text: Int32 = 3, cdata: Int32 = 4, entityReference: Int32 = 5
    private static let documentType: Int32 = 10, significantWhitespace: Int32 = 14, endElement: Int32 = 15

    func run(_ record: (ElementNode) throws -> Void) rethrows -> SafeXMLReader.Summary {
        xmlTextReaderSetStructuredErrorHandler(reader, collectStructuredError, collector.context)
        if let schema, xmlTextReaderSetSchema(reader, schema.pointer) != 0 {
            collector.append(XMLDiagnostic(file: collector.file, line: 0, column: 0,
                                           message: "the schema could not be attached to the reader",
                                           origin: "schema"))
            return summary(root: "", namespace: "")
        }
        var rootName = "", rootNamespace = ""
        var stack: [ElementNode] = []
        loop: while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 {
                if !collector.hasErrors { fail("the document is not well-formed") }
                break
            }
            let depth = Int(xmlTextReaderDepth(reader))
            switch xmlTextReaderNodeType(reader) {
            case Self.documentType:
                fail("a DOCTYPE declaration is not allowed (DTDs and entities are refused in untrusted XML)",
                     origin: "security")
                break loop
            case Self.entityReference:
                fail("entity references are not allowed", origin: "security")
                break loop
            case Self.element:
                let node = currentElement()
                if depth == 0 {
                    rootName = node.name
                    rootNamespace = node.namespace
                    continue
                }
                if xmlTextReaderIsEmptyElement(reader) == 1 {
                    if stack.isEmpty { try record(node) } else { stack[stack.count - 1].children.append(node) }
                } else {
                    stack.append(node)
                }
            case Self.text, Self.cdata, Self.significantWhitespace:
                guard !stack.isEmpty, let value = xmlTextReaderConstValue(reader) else { continue }
                stack[stack.count - 1].text += String(cString: value)
            case Self.endElement:
                guard let finished = stack.popLast() else { continue }
                if stack.isEmpty { try record(finished) } else { stack[stack.count - 1].children.append(finished) }
            default:
                continue
            }
        }
        if schema != nil, !collector.hasErrors, xmlTextReaderIsValid(reader) != 1 {
            fail("the document is not valid against the schema", origin: "schema")
        }
        return summary(root: rootName, namespace: rootNamespace)
    }

    private func summary(root: String, namespace: String) -> SafeXMLReader.Summary {
        SafeXMLReader.Summary(rootName: root, rootNamespace: namespace, diagnostics: collector.diagnostics)
    }

    private func fail(_ message: String, origin: String = "parser") {
        let line = Int(xmlTextReaderGetParserLineNumber(reader))
        let column = Int(xmlTextReaderGetParserColumnNumber(reader))
        collector.append(XMLDiagnostic(file: collector.file, line: max(line, 1), column: max(column, 1),
                                       message: message, origin: origin))
    }

    private func currentElement() -> ElementNode {
        let name = interned.string(xmlTextReaderConstLocalName(reader))
        let namespace = interned.string(xmlTextReaderConstNamespaceUri(reader))
        var line = 0
        if let node = xmlTextReaderCurrentNode(reader) { line = Int(xmlGetLineNo(node)) }
        // Nodes carry no column in libxml2 2.9: use the parser's when it is still on the same
        // line, else the start of the line.
        var column = 1
        if Int(xmlTextReaderGetParserLineNumber(reader)) == line {
            column = max(1, Int(xmlTextReaderGetParserColumnNumber(reader)))
        }
        var attributes: [(name: String, value: String)] = []
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                let attributeName = interned.string(xmlTextReaderConstLocalName(reader))
                let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                attributes.append((attributeName, value))
            }
            xmlTextReaderMoveToElement(reader)
        }
        return ElementNode(name: name, namespace: namespace, attributes: attributes,
                           line: line, column: column)
    }
}

/// Swift strings for libxml2's dictionary-interned names, keyed by pointer.
final class InternedStrings {
    private var strings: [UnsafePointer<UInt8>: String] = [:]

    func string(_ pointer: UnsafePointer<UInt8>?) -> String {
        guard let pointer else { return "" }
        if let known = strings[pointer] { return known }
        let string = String(cString: pointer)
        // Bounded: a hostile document could use many distinct names.
        if strings.count < 4096 { strings[pointer] = string }
        return string
    }
}
