import Leerlijn
import LeerlijnCLI

// libFuzzer target: arbitrary bytes, split on NUL and newline into command-line arguments,
// through `leerlijn query`'s argument parsing and validation, then run on the bundled
// catalogue. Build and run: scripts/fuzz.sh fuzz-query-arguments 600

let fuzzCatalogue: Catalogue? = try? CatalogueLoader().load(directory: "Catalog")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let catalogue = fuzzCatalogue else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let arguments = bytes.split(whereSeparator: { $0 == 0 || $0 == 0x0A }).map { String(decoding: $0, as: UTF8.self) }
    do {
        let query = try QueryArguments.resolve(arguments, vocabulary: catalogue.vocabulary)
        let matches = query.run(on: catalogue, explain: true)
        _ = QueryOutputRenderer(catalogue: catalogue).render(matches, format: .table, explain: true)
    } catch {
        _ = "\(error)"
    }
    return 0
}
