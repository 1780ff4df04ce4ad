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
            _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD (32 MiB is the most glibc accepts on 64-bit)
            _ = mallopt(-1, 512 << 20)  // M_TRIM_THRESHOLD
            adviseHugePages()
        }
        exitCleanlyOnBusError()
        #endif
    }

    #if canImport(Glibc)
    /// A snapshot in the cache is read through a memory mapping; should another program
    /// truncate the file while a command reads it (Leerlijn itself only ever replaces cache
    /// files by rename), touching the lost pages raises SIGBUS. Instead of dying of the signal,
    /// the command says what happened and exits 74 (I/O error); nothing has been printed or
    /// written by then that a damaged snapshot could affect, and the next run rebuilds it.
    private static func exitCleanlyOnBusError() {
        signal(SIGBUS) { _ in
            let message: StaticString = "leerlijn: error: a snapshot file in the cache shrank while in use (truncated by another program; bus error); run the command again, or with --no-cache\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(74)
        }
    }
    #endif

    #if canImport(Glibc)
    /// Grows the heap by 256 MiB of address space at once and asks for transparent huge pages on
    /// it (`MADV_HUGEPAGE`, honoured where the kernel's mode is `madvise` or `always`): a large
    /// query or plan then takes a page fault per 2 MiB it touches instead of one per 4 KiB —
    /// what glibc's `glibc.malloc.hugetlb=1` tunable does, which can only be set before start.
    /// Address space costs nothing until touched; if anything fails, nothing changes.
    /// `LEERLIJN_HUGE_PAGES=0` in the environment turns it off.
    private static func adviseHugePages() {
        if let setting = getenv("LEERLIJN_HUGE_PAGES"), String(cString: setting) == "0" { return }
        guard let grow = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(grow, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let pad = 256 << 20
        _ = mallopt(-2, Int32(pad))  // M_TOP_PAD: the next growth of the heap adds this much
        guard let before = sbrk(0) else { return }
        // More than the heap has left, below the mmap threshold: it grows now. Called through
        // the symbol, as the compiler would otherwise drop an allocation nobody uses.
        guard let allocate = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc") else { return }
        let probe = unsafeBitCast(allocate, to: (@convention(c) (Int) -> UnsafeMutableRawPointer?).self)(1 << 20)
        free(probe)
        guard let after = sbrk(0), after > before else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: before) + huge - 1) & ~(huge - 1), end = Int(bitPattern: after) & ~(huge - 1)
        guard end > start, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(base, end - start, 14)  // MADV_HUGEPAGE
    }
    #endif

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
