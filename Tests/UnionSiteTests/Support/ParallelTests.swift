import Foundation
import Synchronization
import Testing
@testable import UnionSite

@Suite("Parallel")
struct ParallelTests {
    @Test("map gives results in input order, for any count around the chunk sizes", arguments: [0, 1, 15, 16, 17, 127, 128, 129, 1_000, 10_007])
    func mapOrder(count: Int) {
        let items = Array(0..<count)
        #expect(Parallel.map(items) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }

    @Test("map runs each item exactly once")
    func mapOnce() {
        let calls = Mutex([Int](repeating: 0, count: 5_000))
        _ = Parallel.map(Array(0..<5_000)) { index in calls.withLock { $0[index] += 1 } }
        #expect(calls.withLock { $0 } == [Int](repeating: 1, count: 5_000))
    }

    @Test("pair gives both results, each side run once, with a map inside either")
    func pair() {
        let calls = Mutex((0, 0))
        let (first, second) = Parallel.pair({
            calls.withLock { $0.0 += 1 }
            return Parallel.map(Array(0..<2_000)) { $0 + 1 }
        }, {
            calls.withLock { $0.1 += 1 }
            return Parallel.map(Array(0..<3_000)) { String($0) }
        })
        #expect(first == Array(1...2_000))
        #expect(second == (0..<3_000).map(String.init))
        #expect(calls.withLock { $0 } == (1, 1))
    }
}
