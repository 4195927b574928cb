import Foundation

/// Maps over an array on every core. Each element is independent (a cmark document, a
/// page), results come back in input order, so output stays deterministic.
enum Parallel {
    /// Below this many elements the overhead is not worth it.
    static let threshold = 16
    static let chunksPerCore = 64

    /// - Parameter minimum: fewer items than this run on the calling thread; a few large items
    ///   (a principle document cited by thousands of pages) are worth sharing out too.
    static func map<T: Sendable, U: Sendable>(_ items: [T], minimum: Int = threshold, _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count >= max(minimum, 2), ProcessInfo.processInfo.activeProcessorCount > 1 else { return items.map(transform) }
        let results = ResultSlots<U>(count: items.count)
        // Many small chunks, so that the last ones end close together: with eight per core
        // (about 600 bodies each at 10,000 articles) one core often idled for a tenth of a
        // second at the end of each stage while the other finished its last chunk.
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * chunksPerCore)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < items.count {
                results.set(index, transform(items[index]))
                index += chunks
            }
        }
        return results.take()
    }

    /// Two independent pieces of work at once, on two cores: each is mostly a loop on one
    /// thread (choosing related articles, naming every page), and one after the other they
    /// left a core idle. Not `concurrentPerform`: a `map` inside either would then run on its
    /// one thread alone, since libdispatch gives a nested apply no more threads.
    static func pair<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second()) }
        let results = PairSlots<A, B>()
        let group = DispatchGroup()
        // `second` runs on another thread only until `group.wait()` returns, inside this call.
        withoutActuallyEscaping(second) { second in
            DispatchQueue.global().async(group: group) { results.second = second() }
            results.first = first()
            group.wait()
        }
        return (results.first.take()!, results.second.take()!)
    }

    /// Each slot is written by one side of `pair`, and read after both end.
    private final class PairSlots<A, B>: @unchecked Sendable {
        var first: A?
        var second: B?
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

        /// The results, moved out and the slots left empty: a copy retained every reference in
        /// every result, and freeing the slots released them all again (at 10,000 bodies, a
        /// few milliseconds per stage, some of it on one core).
        func take() -> [U] {
            [U](unsafeUninitializedCapacity: buffer.count) { values, initialized in
                for index in buffer.indices {
                    (values.baseAddress! + index).initialize(to: (buffer.baseAddress! + index).move()!)
                    (buffer.baseAddress! + index).initialize(to: nil)
                }
                initialized = buffer.count
            }
        }
    }
}
