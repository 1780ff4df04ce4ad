import Dispatch
import LeerlijnXML
import Synchronization

/// Decodes records on other threads while libxml2 goes on streaming and validating the file.
///
/// Parsing with the XSD and decoding into the model take about the same time, so on a
/// machine with two cores running them side by side nearly halves a large load. Records go
/// over in flat batches (``FlatRecords``: numbers and bytes, no trees), which a decoding
/// thread decodes where they lie (no element trees are built); at most a few batches are in
/// flight, so memory stays bounded however far the parser could run ahead.
///
/// Each batch is decoded with a decoder of its own and the parts are put back in document
/// order by ``finish()``. The decoding thread takes the batches; when it falls two behind,
/// another thread helps (where decoding is the slower side, as for a feed with long texts, the
/// second core then decodes whenever the parser waits or is done; where the two keep pace, a
/// second decoder would only take the parser's core). With `inspect` (the
/// `validate` command, which hands each programme to a check in document order and keeps none)
/// the batches are decoded one after another on one thread, in a `Mutex` that only that
/// serial queue takes, so the lock is never contended.
final class RecordPipeline: Sendable {
    /// What the decoding side accumulates.
    struct State: Sendable {
        var decoder: RecordDecoder
        var found: [(programme: Programme?, requirement: Requirement?, line: Int)] = []
        /// Programmes handed to `inspect` instead of kept: their ids and lines, for the checks across files.
        var inspected: [(id: String, line: Int)] = []
        let expectedRoot: String
        let inspect: (@Sendable (Programme) -> Void)?

        /// Decodes the records of `batch` in place.
        mutating func decode(_ batch: FlatRecords) {
            batch.withRecords(classify: Name.classify) { view in
                for node in view.records { decode(node) }
            }
        }

        private mutating func decode(_ node: FlatElement) {
                switch node.field {
                case .programme where expectedRoot == "programmes" || expectedRoot == "*":
                    let programme = decoder.programme(node)
                    if let inspect {
                        inspect(programme)
                        inspected.append((programme.id, node.line))
                    } else {
                        found.append((programme, nil, node.line))
                    }
                case .requirement where expectedRoot == "requirements" || expectedRoot == "*":
                    found.append((nil, decoder.requirement(node), node.line))
                default:
                    break
                }
        }
    }

    /// The decoding state behind its lock; a class so that the decoding closures can share it.
    final class Shared: Sendable {
        let state: Mutex<State>
        init(_ state: sending State) { self.state = Mutex(state) }
    }

    /// Each batch's decoded state, by batch number (parallel path).
    final class Parts: Sendable {
        let states = Mutex<[State?]>([])
    }

    /// A count shared with the decoding closures.
    final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        /// Adds one; returns the new count.
        func increment() -> Int { value.add(1, ordering: .relaxed).newValue }
        func decrement() { _ = value.subtract(1, ordering: .relaxed) }
    }

    static let batchSize = 1024
    /// The serial path's state (with `inspect`).
    private let shared: Shared
    private let queue = DispatchQueue(label: "leerlijn.record-decoding")
    private let slots = DispatchSemaphore(value: 4)
    /// The parallel path (without `inspect`): each batch's decoded state by its number, and
    /// the batches still being decoded.
    private let parallel: Bool
    private let parts = Parts()
    /// Batches handed over and not yet decoded (parallel path).
    private let inFlight = Counter()
    private let pending = DispatchGroup()
    private let file: String, vocabulary: Vocabulary, expectedRoot: String

    /// - Parameter inspect: When given, each decoded programme goes to it (on the decoding
    ///   thread, in document order) and is not kept: `validate` checks 100,000 programmes in
    ///   the memory of a few.
    init(file: String, vocabulary: Vocabulary, expectedRoot: String, inspect: (@Sendable (Programme) -> Void)? = nil) {
        shared = Shared(State(decoder: RecordDecoder(file: file, vocabulary: vocabulary), expectedRoot: expectedRoot,
                              inspect: inspect))
        parallel = inspect == nil
        self.file = file
        self.vocabulary = vocabulary
        self.expectedRoot = expectedRoot
    }

    /// Takes one batch of records from the reader (on the reader's thread).
    func submit(_ batch: FlatRecords) {
        guard !batch.isEmpty else { return }
        slots.wait()
        guard parallel else {
            queue.async { [shared, slots] in
                shared.state.withLock { $0.decode(batch) }
                slots.signal()
            }
            return
        }
        let number = parts.states.withLock { parts in
            parts.append(nil)
            return parts.count - 1
        }
        pending.enter()
        // The decoding thread takes the batch unless it is behind (two batches or more still
        // waiting for it): then a second one helps. Running a second decoder all the time would
        // take the core from the parser when decoding keeps up with it.
        let behind = inFlight.increment() > 2
        (behind ? DispatchQueue.global(qos: .userInitiated) : queue).async {
            [parts, pending, slots, inFlight, file, vocabulary, expectedRoot] in
            var state = State(decoder: RecordDecoder(file: file, vocabulary: vocabulary), expectedRoot: expectedRoot, inspect: nil)
            state.decode(batch)
            parts.states.withLock { $0[number] = state }
            inFlight.decrement()
            slots.signal()
            pending.leave()
        }
    }

    /// Waits for every batch and returns what was decoded, in document order.
    func finish() -> (found: [(programme: Programme?, requirement: Requirement?, line: Int)], inspected: [(id: String, line: Int)],
                      diagnostics: [Diagnostic]) {
        guard parallel else {
            queue.sync {}
            return shared.state.withLock { ($0.found, $0.inspected, $0.decoder.diagnostics) }
        }
        pending.wait()
        return parts.states.withLock { parts in
            var found: [(programme: Programme?, requirement: Requirement?, line: Int)] = []
            var diagnostics: [Diagnostic] = []
            found.reserveCapacity(parts.reduce(0) { $0 + ($1?.found.count ?? 0) })
            for i in parts.indices {
                // Every part is set before its batch leaves `pending`; each is let go once
                // joined, so the parts and the whole are not both held.
                guard let part = parts[i] else { continue }
                parts[i] = nil
                found += part.found
                diagnostics += part.decoder.diagnostics
            }
            return (found, [], diagnostics)
        }
    }
}

