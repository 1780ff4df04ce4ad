internal import CLeerlijnXML2
import FoundationEssentials

/// A compiled W3C XML Schema, loaded from memory.
///
/// Schemas are always parsed from bytes: the deny-all entity loader would refuse a path, and
/// a schema must never pull in anything from the file system or the network. A schema that
/// uses `xs:include` or `xs:import` with a location therefore fails to compile.
public final class XMLSchema {
    let pointer: xmlSchemaPtr
    /// A label for diagnostics (usually the schema's file name).
    public let name: String
    /// The XSD it was compiled from.
    let source: [UInt8]

    /// Compiles a schema from its UTF-8 bytes.
    ///
    /// - Parameters:
    ///   - bytes: The XSD document.
    ///   - name: A label for diagnostics.
    /// - Throws: ``XMLReadFailure`` with libxml2's messages when the schema does not compile.
    public init(bytes: [UInt8], name: String) throws {
        LibXML2Runtime.ensureInitialised()
        self.name = name
        self.source = bytes
        let collector = DiagnosticCollector(file: name)
        let compiled: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer -> xmlSchemaPtr? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let context = xmlSchemaNewMemParserCtxt(raw, Int32(buffer.count)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, collectStructuredError, collector.context)
            return xmlSchemaParse(context)
        }
        withExtendedLifetime(collector) {}
        guard let compiled, !collector.hasErrors else {
            if let compiled { xmlSchemaFree(compiled) }
            var diagnostics = collector.diagnostics
            if diagnostics.isEmpty {
                diagnostics = [XMLDiagnostic(file: name, line: 0, column: 0,
                                             message: "the schema could not be compiled", origin: "schema")]
            }
            throw XMLReadFailure(diagnostics: diagnostics)
        }
        self.pointer = compiled
    }

    deinit {
        xmlSchemaFree(pointer)
    }
}
