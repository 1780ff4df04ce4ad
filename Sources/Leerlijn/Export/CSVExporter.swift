/// Renders `catalogue.csv`: one row per programme under a fixed header.
///
/// The last columns give the basis of the values (`age_range_basis`, `title_nl_basis`,
/// `title_en_basis` as tokens such as `derived:education-level-ages`, and `basis` with every
/// value's). RFC 4180 through ``CSVWriter`` (UTF-8 without BOM, CRLF, constant column count, formula
/// injection neutralised with a leading `'`). Lists are joined with `"; "`; unknown values are
/// empty cells. Control characters other than tab, CR and LF become U+FFFD first, so a cell
/// never carries bytes a spreadsheet might act on.
public struct CSVExporter: CatalogueRenderer {
    /// The column names, in order; every row has exactly these columns.
    public static let columns = [
        "id", "title_nl", "title_en", "summary_nl", "summary_en", "kind", "providers", "audiences",
        "age_min", "age_max", "education_levels", "sectors", "roles", "topics", "formats", "languages",
        "accessibility", "peer_led", "evidence", "duration", "cost", "urls", "status", "ended_date",
        "ended_year", "valid_from", "valid_until", "recommendations", "source_section",
        "source_footnote", "source_text", "note", "last_modified",
        // Appended after the first published header, so earlier column positions stay.
        "features", "age_range_basis", "title_nl_basis", "title_en_basis", "basis",
    ]

    /// The separator between list items inside one cell.
    public static let listSeparator = "; "

    /// `catalogue.csv`.
    public var fileName: String { ExportFormat.csv.fileName }

    /// Creates the exporter.
    public init() {}

    /// Renders the table.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to publish, one row each, in order.
    ///   - catalogue: Unused; ids are written, labels live in the other exports.
    ///   - emit: Receives the UTF-8 bytes of `catalogue.csv` in order, in chunks of about 1 MiB.
    /// - Throws: Whatever `emit` throws.
    public func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows {
        var writer = CSVWriter(header: Self.columns)
        for programme in programmes {
            writer.appendRow(Self.cells(for: programme).map(ExportText.withoutControlCharacters))
            if writer.bytes.count >= Self.chunkSize { try emit(writer.takeBytes()) }
        }
        try emit(writer.takeBytes())
    }

    /// The row of one programme, before neutralisation and quoting.
    public static func cells(for programme: Programme) -> [String] {
        var endedDate = "", endedYear = ""
        if case .ended(let date, let year) = programme.status {
            endedDate = date?.description ?? ""
            endedYear = year.map(String.init) ?? ""
        }
        return [
            programme.id,
            programme.title.nl,
            programme.title.en,
            programme.summary.nl,
            programme.summary.en,
            programme.kind?.rawValue ?? "",
            joined(programme.providers),
            joined(programme.audiences.map(\.rawValue)),
            programme.ageRange.map { String($0.min) } ?? "",
            programme.ageRange.map { String($0.max) } ?? "",
            joined(programme.educationLevels.map(\.rawValue)),
            joined(programme.sectors.map(\.rawValue)),
            joined(programme.roles.map(\.rawValue)),
            joined(programme.topics.map(\.rawValue)),
            joined(programme.formats.map(\.rawValue)),
            joined(programme.languages),
            joined(programme.accessibility.map(\.rawValue)),
            programme.peerLed.map { $0 ? "true" : "false" } ?? "",
            programme.evidence.rawValue,
            programme.duration ?? "",
            programme.cost?.rawValue ?? "",
            joined(programme.urls.map(\.url)),
            programme.status.id,
            endedDate,
            endedYear,
            programme.validFrom?.description ?? "",
            programme.validUntil?.description ?? "",
            joined(programme.recommendations),
            programme.source.section,
            programme.source.footnote.map(String.init) ?? "",
            programme.source.text,
            programme.note ?? "",
            programme.lastModified.description,
            joined(programme.features.map(\.rawValue)),
            programme.ageRangeBasis?.description ?? "",
            programme.provenance.basisOrStated("title", "nl").description,
            programme.provenance.basisOrStated("title", "en").description,
            basisCell(programme.provenance),
        ]
    }

    /// Every value's basis as `field[=value]:token`, in ``Provenance/all`` order, joined by `"; "`
    /// (`ageRange:derived:education-level-ages; audience=children:stated; title=en:rendered`).
    public static func basisCell(_ provenance: Provenance) -> String {
        joined(provenance.all.map { entry in
            (entry.value.isEmpty ? entry.field : entry.field + "=" + entry.value) + ":" + entry.basis.description
        })
    }

    private static func joined(_ values: [String]) -> String {
        values.joined(separator: listSeparator)
    }
}
