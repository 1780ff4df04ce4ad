import Leerlijn

/// The representations of programme lists: every export format, by extension or `Accept`.
enum ProgrammeMediaType: String, Sendable, CaseIterable {
    case json, xml, csv, atom, jsonld, html

    /// The `Content-Type` sent.
    var contentType: String {
        switch self {
        case .json: return "application/json"
        case .xml: return "application/xml; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8; header=present"
        case .atom: return "application/atom+xml; charset=utf-8"
        case .jsonld: return "application/ld+json"
        case .html: return "text/html; charset=utf-8"
        }
    }

    /// The media types a client may ask for, in the server's order of preference.
    static let offers: [(mediaType: String, value: ProgrammeMediaType)] = [
        ("application/json", .json), ("application/xml", .xml), ("text/xml", .xml), ("text/csv", .csv),
        ("application/atom+xml", .atom), ("application/ld+json", .jsonld), ("text/html", .html),
    ]

    /// The exporter that renders it: the very renderers of `leerlijn export`.
    var renderer: any CatalogueRenderer {
        switch self {
        case .json: return CatalogueJSONExporter()
        case .xml: return CatalogueXMLExporter()
        case .csv: return CSVExporter()
        case .atom: return AtomFeedExporter(alternatePage: "/")
        case .jsonld: return JSONLDExporter()
        case .html: return HTMLPageExporter(linkedFiles: [])
        }
    }
}

/// The representations of a plan: the plan formats of `leerlijn plan`.
enum PlanMediaType: String, Sendable, CaseIterable {
    case json, xml, ics, csv, txt

    /// The planner's format.
    var format: PlanOutputFormat {
        switch self {
        case .json: return .json
        case .xml: return .xml
        case .ics: return .ics
        case .csv: return .csv
        case .txt: return .text
        }
    }

    /// The `Content-Type` sent.
    var contentType: String {
        switch self {
        case .json: return "application/json"
        case .xml: return "application/xml; charset=utf-8"
        case .ics: return "text/calendar; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8; header=present"
        case .txt: return "text/plain; charset=utf-8"
        }
    }

    /// The media types a client may ask for, in the server's order of preference.
    static let offers: [(mediaType: String, value: PlanMediaType)] = [
        ("application/json", .json), ("application/xml", .xml), ("text/xml", .xml), ("text/calendar", .ics),
        ("text/csv", .csv), ("text/plain", .txt),
    ]
}

/// Splits `name.ext` into the name and a known extension; a name without one is returned whole.
func splitExtension<Format: RawRepresentable<String>>(_ segment: String, as: Format.Type) -> (name: String, format: Format?) {
    guard let dot = segment.lastIndex(of: "."), let format = Format(rawValue: String(segment[segment.index(after: dot)...])) else {
        return (segment, nil)
    }
    return (String(segment[..<dot]), format)
}
