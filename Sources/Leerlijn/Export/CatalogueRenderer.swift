/// A renderer turns a selection of programmes into the bytes of one export file.
///
/// Renderers are pure: the same programmes and catalogue always give the same bytes, nothing
/// depends on the clock, the machine or the environment. The selection may be a filtered
/// subset of the catalogue (a partner's feed); the catalogue supplies vocabulary labels.
public protocol CatalogueRenderer: Sendable {
    /// The name of the file this renderer produces, such as `catalogue.xml`.
    var fileName: String { get }

    /// Renders the programmes.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to publish, in the order to publish them.
    ///   - catalogue: The catalogue they come from, for labels and vocabulary.
    /// - Returns: The file's bytes (UTF-8 for every text format).
    func render(_ programmes: [Programme], catalogue: Catalogue) -> [UInt8]
}

extension CatalogueRenderer {
    /// A capacity hint: roughly `perProgramme` bytes for each programme plus a fixed part.
    static func capacity(for count: Int, perProgramme: Int) -> Int {
        4096 + count.multipliedReportingOverflow(by: perProgramme).partialValue
    }
}
