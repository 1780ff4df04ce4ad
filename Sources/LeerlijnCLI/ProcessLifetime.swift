import Leerlijn
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Keeps loaded catalogues alive until the process exits, in the command-line tool only.
///
/// `exit` returns the memory to the system at once; freeing 100,000 programmes record by record
/// first (every string and array released) took about 5 % of a `validate` run. Tests that run
/// commands in-process leave this off, so their catalogues are freed as usual.
enum ProcessLifetime {
    private static let enabled = Atomic<Bool>(false)
    private static let kept = Mutex<[Catalogue]>([])

    /// Called once by `runMain`, which ends with `exit`.
    static func keepUntilExit() {
        enabled.store(true, ordering: .relaxed)
        #if canImport(Glibc)
        // Buffers of a megabyte or more (output chunks, rendering blocks) are otherwise mapped
        // fresh from the kernel and unmapped on every free, so each reuse pays page faults for
        // memory just returned: keep them in the heap for the process's short life.
        // (`mallopt` is in <malloc.h>, which the Glibc module does not export: looked up by name.)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
            _ = mallopt(-3, 256 << 20)  // M_MMAP_THRESHOLD
            _ = mallopt(-1, 512 << 20)  // M_TRIM_THRESHOLD
        }
        #endif
    }

    private static let keptResults = Mutex<[any Sendable]>([])

    /// Keeps a command's result (query matches, a plan) until exit when enabled, for the same
    /// reason as catalogues: thousands of decoded programmes are not freed one by one just before `exit`.
    static func keep<T: Sendable>(result: T) {
        if enabled.load(ordering: .relaxed) { keptResults.withLock { $0.append(result) } }
    }

    /// Keeps `catalogue` until exit when enabled; returns it.
    static func keep(_ catalogue: Catalogue) -> Catalogue {
        if enabled.load(ordering: .relaxed) { kept.withLock { $0.append(catalogue) } }
        return catalogue
    }
}
