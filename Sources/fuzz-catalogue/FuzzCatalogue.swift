import Leerlijn

// libFuzzer target: arbitrary bytes through the catalogue loader (libxml2 streaming with the
// XSD, friendly decoding, cross-record checks). Any crash, hang or leak is a finding; errors
// are the expected outcome for most inputs. Build and run: scripts/fuzz.sh fuzz-catalogue 600

let fuzzVocabulary: Vocabulary? = {
    do {
        return try CatalogueLoader().load(directory: "Catalog").vocabulary
    } catch {
        print("fuzz-catalogue: run from the package root; the bundled catalogue did not load: \(error)")
        return nil
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogue(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let vocabulary = fuzzVocabulary else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let entries = try CatalogueLoader(maxFileBytes: 1 << 20).loadEntries(bytes: bytes, label: "fuzz.xml",
                                                                             vocabulary: vocabulary)
        // Whatever loads must index and query without trouble.
        let catalogue = Catalogue(programmes: entries.programmes, requirements: entries.requirements,
                                  vocabulary: vocabulary)
        var query = CatalogueQuery()
        query.age = 10
        query.text = "veilig"
        _ = query.run(on: catalogue, explain: true)
    } catch {
        _ = error.description
    }
    return 0
}
