import Synchronization

/// A value computed on first use, once, shared by every copy of the value that holds it.
///
/// Commands do only the work they need: `validate` never reads the query indexes, and only a
/// `--text` query reads the text index, so both are built when first asked for. The box is a
/// class so that copies of an immutable `Sendable` value (a ``Catalogue``) share one result.
final class Deferred<Value: Sendable>: Sendable {
    private let state: Mutex<Value?>
    private let build: @Sendable () -> Value

    /// Creates a box that runs `build` on first access.
    init(_ build: @escaping @Sendable () -> Value) {
        self.state = Mutex(nil)
        self.build = build
    }

    /// The value, built now if this is the first access.
    var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let made = build()
            stored = made
            return made
        }
    }
}
