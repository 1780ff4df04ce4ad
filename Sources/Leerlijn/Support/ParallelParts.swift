import Dispatch
import Foundation

/// Splits `0..<count` into contiguous parts, one per core (at most four), and runs `body` on
/// them side by side; the results come back in the order of the parts, so whatever is built
/// from them is the same as one pass from start to end. Below `minimum` there is one part,
/// on the calling thread: threads do not pay for small jobs.
enum ParallelParts {
    static func map<T>(count: Int, minimum: Int, _ body: (Range<Int>) -> T) -> [T] {
        let parts = count >= minimum ? min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) : 1
        guard parts > 1 else { return [body(0..<count)] }
        let size = (count + parts - 1) / parts
        return withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: parts)
            results.initialize(repeating: nil)
            defer { results.deinitialize().deallocate() }
            nonisolated(unsafe) let slots = results
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lower = min(part * size, count), upper = min(lower + size, count)
                slots[part] = body(lower..<upper)
            }
            return results.map { $0! }
        }
    }
}
