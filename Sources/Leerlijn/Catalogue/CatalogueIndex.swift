/// Query indexes over a catalogue's programmes, built once when the catalogue is made.
public struct CatalogueIndex: Sendable {
    /// Number of programmes indexed.
    public let count: Int

    init(programmes: [Programme], vocabulary: Vocabulary) {
        count = programmes.count
    }
}
