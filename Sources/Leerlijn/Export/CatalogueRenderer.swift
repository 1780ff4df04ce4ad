/// A renderer turns a selection of programmes into the bytes of one export file.
///
/// Renderers are pure: the same programmes and catalogue always give the same bytes, nothing
/// depends on the clock, the machine or the environment. The selection may be a filtered
/// subset of the catalogue (a partner's feed); the catalogue supplies vocabulary labels.
public protocol CatalogueRenderer: Sendable {
    /// The name of the file this renderer produces, such as `catalogue.xml`.
    var fileName: String { get }

    /// Renders the programmes in chunks of about ``chunkSize`` bytes, so that a file of any
    /// size is written with memory that does not grow with the catalogue.
    ///
    /// - Parameters:
    ///   - programmes: The programmes to publish, in the order to publish them.
    ///   - catalogue: The catalogue they come from, for labels and vocabulary.
    ///   - emit: Receives the file's bytes (UTF-8 for every text format), chunk by chunk.
    /// - Throws: Whatever `emit` throws.
    func render(_ programmes: [Programme], catalogue: Catalogue, emit: ([UInt8]) throws -> Void) rethrows
}

extension CatalogueRenderer {
    /// The size at which a renderer hands its buffer over: 1 MiB.
    public static var chunkSize: Int { 1 << 20 }

    /// Renders the programmes into one byte array (the chunks joined).
    ///
    /// - Returns: The file's bytes.
    public func render(_ programmes: [Programme], catalogue: Catalogue) -> [UInt8] {
        var all: [UInt8] = []
        render(programmes, catalogue: catalogue) { all += $0 }
        return all
    }

    /// A capacity hint: roughly `perProgramme` bytes for each programme plus a fixed part.
    static func capacity(for count: Int, perProgramme: Int) -> Int {
        4096 + count.multipliedReportingOverflow(by: perProgramme).partialValue
    }
}
