import Leerlijn

// libFuzzer target: arbitrary bytes through the organisation-profile loader, as JSON when the
// first byte is `{` or white space before it, else as XML (streamed through libxml2 with the
// profile XSD); a profile that loads is planned and rendered in every format.
// Build and run: scripts/fuzz.sh fuzz-profile 600

let fuzzProfileCatalogue: Catalogue? = {
    do {
        return try CatalogueLoader().load(directory: "Catalog")
    } catch {
        print("fuzz-profile: run from the package root; the bundled catalogue did not load: \(error)")
        return nil
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let catalogue = fuzzProfileCatalogue else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loader = ProfileLoader(catalogue: catalogue, maxBytes: 1 << 20)
    let isJSON = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "{")
    do {
        let profile = isJSON ? try loader.decode(json: bytes, file: "fuzz.json")
            : try loader.decode(xml: bytes, file: "fuzz.xml")
        let plan = Planner(catalogue: catalogue).plan(for: profile)
        for format in PlanOutputFormat.allCases { _ = PlanRenderer.render(plan, as: format, catalogue: catalogue) }
    } catch {
        _ = error.description
    }
    return 0
}
