import Foundation

/// Maps over an array on every core. Each element is independent (a cmark document, a
/// page), results come back in input order, so output stays deterministic.
enum Parallel {
    /// Below this many elements the overhead is not worth it.
    static let threshold = 16

    /// - Parameter minimum: fewer items than this run on the calling thread; a few large items
    ///   (a principle document cited by thousands of pages) are worth sharing out too.
    static func map<T: Sendable, U: Sendable>(_ items: [T], minimum: Int = threshold, _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count >= max(minimum, 2), ProcessInfo.processInfo.activeProcessorCount > 1 else { return items.map(transform) }
        let results = ResultSlots<U>(count: items.count)
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 8)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < items.count {
                results.set(index, transform(items[index]))
                index += chunks
            }
        }
        return results.values
    }

    /// One slot per result; each index is written by exactly one iteration, so no lock.
    private final class ResultSlots<U>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<U?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func set(_ index: Int, _ value: U) { buffer[index] = value }

        var values: [U] { buffer.map { $0! } }
    }
}
