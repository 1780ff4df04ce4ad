import Dispatch
import LeerlijnXML
import Synchronization

/// Decodes records on a second thread while libxml2 goes on streaming and validating the file.
///
/// Parsing with the XSD and decoding into the model take about the same time, so on a
/// machine with two cores running them side by side nearly halves a large load. Records go
/// over in flat batches (``FlatRecords``: numbers and bytes, no trees), which the decoding
/// thread makes into element trees and decodes, so every tree is allocated and freed on that
/// one thread; at most a few batches are in flight, so memory stays bounded however far the
/// parser could run ahead. The decoder state lives in a `Mutex` that only the serial decoding
/// queue takes, so the lock is never contended.
final class RecordPipeline {
    /// What the decoding side accumulates.
    struct State: Sendable {
        var decoder: RecordDecoder
        var found: [(programme: Programme?, requirement: Requirement?, line: Int)] = []
        /// Programmes handed to `inspect` instead of kept: their ids and lines, for the checks across files.
        var inspected: [(id: String, line: Int)] = []
        let expectedRoot: String
        let inspect: (@Sendable (Programme) -> Void)?

        mutating func decode(_ records: [ElementNode]) {
            for node in records {
                switch node.name {
                case "programme" where expectedRoot == "programmes" || expectedRoot == "*":
                    let programme = decoder.programme(node)
                    if let inspect {
                        inspect(programme)
                        inspected.append((programme.id, node.line))
                    } else {
                        found.append((programme, nil, node.line))
                    }
                case "requirement" where expectedRoot == "requirements" || expectedRoot == "*":
                    found.append((nil, decoder.requirement(node), node.line))
                default:
                    break
                }
            }
        }
    }

    /// The decoding state behind its lock; a class so that the decoding closures can share it.
    final class Shared: Sendable {
        let state: Mutex<State>
        init(_ state: sending State) { self.state = Mutex(state) }
    }

    static let batchSize = 1024
    private let shared: Shared
    private let queue = DispatchQueue(label: "leerlijn.record-decoding")
    private let slots = DispatchSemaphore(value: 4)

    /// - Parameter inspect: When given, each decoded programme goes to it (on the decoding
    ///   thread) and is not kept: `validate` checks 100,000 programmes in the memory of a few.
    init(file: String, vocabulary: Vocabulary, expectedRoot: String, inspect: (@Sendable (Programme) -> Void)? = nil) {
        shared = Shared(State(decoder: RecordDecoder(file: file, vocabulary: vocabulary), expectedRoot: expectedRoot,
                              inspect: inspect))
    }

    /// Takes one batch of records from the reader (on the reader's thread).
    func submit(_ batch: FlatRecords) {
        guard !batch.isEmpty else { return }
        slots.wait()
        queue.async { [shared, slots] in
            let records = batch.trees()
            shared.state.withLock { $0.decode(records) }
            slots.signal()
        }
    }

    /// Waits for every batch and returns what was decoded, in document order.
    func finish() -> (found: [(programme: Programme?, requirement: Requirement?, line: Int)], inspected: [(id: String, line: Int)],
                      diagnostics: [Diagnostic]) {
        queue.sync {}
        return shared.state.withLock { ($0.found, $0.inspected, $0.decoder.diagnostics) }
    }
}
