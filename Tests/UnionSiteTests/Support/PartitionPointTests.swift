import Testing
@testable import UnionSite

@Suite("Partition point")
struct PartitionPointTests {
    @Test("on random ascending lists, the first index not below a value, as a linear search finds it")
    func matchesLinearSearch() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let list = (0..<Int.random(in: 0...20, using: &generator)).map { _ in Int.random(in: 0...30, using: &generator) }.sorted()
            let value = Int.random(in: -2...32, using: &generator)
            #expect(list.partitionPoint { $0 < value } == (list.firstIndex { $0 >= value } ?? list.count), "\(list) \(value)")
        }
    }
}
