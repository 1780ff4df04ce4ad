import Leerlijn
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
    }

    /// Keeps `catalogue` until exit when enabled; returns it.
    static func keep(_ catalogue: Catalogue) -> Catalogue {
        if enabled.load(ordering: .relaxed) { kept.withLock { $0.append(catalogue) } }
        return catalogue
    }
}
