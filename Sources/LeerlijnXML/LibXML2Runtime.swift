internal import CLeerlijnXML2
import FoundationEssentials

/// Process-wide libxml2 set-up, done exactly once before any parse.
///
/// It initialises the parser, installs an external entity loader that refuses everything
/// (no file, no URL, no catalog lookup: external DTDs, entities and schema imports all fail),
/// and routes libxml2's global error output into a no-op so nothing is printed behind our back.
enum LibXML2Runtime {
    private static let initialised: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(denyAllExternalEntities)
        return true
    }()

    /// Makes sure libxml2 is initialised; cheap after the first call.
    static func ensureInitialised() {
        _ = initialised
        // Per-thread in libxml2: silence the global structured channel on this thread too.
        xmlSetStructuredErrorFunc(nil, discardStructuredError)
    }

    /// The options used for every untrusted parse: no network, line numbers past 65535.
    /// Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE or RECOVER.
    static var safeParseOptions: Int32 {
        Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
              | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    }
}

/// The external entity loader: every request is denied.
private func denyAllExternalEntities(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}

private func discardStructuredError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}
