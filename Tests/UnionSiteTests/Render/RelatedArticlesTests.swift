import Testing
@testable import UnionSite

/// `RelatedArticles.best` keeps the most frequent ids while counting; it must choose what
/// sorting every counted id by count (most first), then id (lowest first), chooses.
@Suite struct RelatedArticlesTests {
    static func bySorting(_ candidates: [Int]) -> [Int] {
        var counts: [Int: Int] = [:]
        for id in candidates { counts[id, default: 0] += 1 }
        return counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(RelatedArticles.limit).map(\.key)
    }

    @Test("the best ids, ties to the lower id, as a full sort gives them")
    func bestAsSorted() {
        #expect(RelatedArticles.best([]) == [])
        #expect(RelatedArticles.best([5]) == [5])
        #expect(RelatedArticles.best([9, 2, 9, 4, 2, 9, 7]) == [9, 2, 4])
        #expect(RelatedArticles.best([3, 1, 2, 4]) == [1, 2, 3])
        var random = SeededRandom(seed: 20261206)
        for _ in 0..<2000 {
            let candidates = (0..<random.next(60)).map { _ in random.next(1 + random.next(30)) }
            #expect(RelatedArticles.best(candidates) == Self.bySorting(candidates), "\(candidates)")
        }
    }
}
