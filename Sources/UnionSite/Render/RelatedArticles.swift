/// Related articles: those sharing tags or citations with an article, best first.
///
/// Candidates come from each tag's and each cited page's nearest neighbours by date, never
/// from all pairs, so a tag on thousands of articles stays linear.
struct RelatedArticles {
    static let limit = 3
    static let neighbours = 8

    /// Article id → the ids of its related articles, best first.
    private var related: [String: [String]] = [:]

    /// What the choice depends on: each article's id and tags, newest first, and who cites
    /// what (`serve` chooses again only when it changed).
    struct Input: Equatable, Sendable {
        let articles: [[String]]
        let backlinks: [PageKey: [Citation]]

        init(_ articles: [Article], backlinks: [PageKey: [Citation]]) {
            self.articles = articles.map { [$0.item.id] + $0.tags }
            self.backlinks = backlinks
        }
    }

    /// Articles that share one of these are candidates for each other.
    private enum Group: Hashable {
        case tag(String), cites(PageKey)
    }

    init(_ articles: [Article], backlinks: [PageKey: [Citation]]) {
        let indexByKey = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.item.key, $0) })
        var groups: [Group: [Int]] = [:]
        for (index, article) in articles.enumerated() {
            for tag in article.tags { groups[.tag(tag), default: []].append(index) }
        }
        for (target, citations) in backlinks {
            for source in Set(citations.map(\.source)) {
                if let index = indexByKey[source] { groups[.cites(target), default: []].append(index) }
            }
        }
        // Each article's candidates, one entry per shared group: the count of an id is its score.
        var candidates = [[Int]](repeating: [], count: articles.count)
        for members in groups.values {
            let sorted = members.sorted()
            for (position, member) in sorted.enumerated() {
                let low = max(0, position - Self.neighbours), high = min(sorted.count, position + Self.neighbours + 1)
                for other in sorted[low..<high] where other != member { candidates[member].append(other) }
            }
        }
        let chosen = Parallel.map(candidates) { Self.best($0) }
        for (member, best) in chosen.enumerated() where !best.isEmpty {
            related[articles[member].item.id] = best.map { articles[$0].item.id }
        }
    }

    /// The `limit` most frequent ids, ties to the lower index (the newer article).
    private static func best(_ candidates: [Int]) -> [Int] {
        var counted: [(id: Int, count: Int)] = []
        for id in candidates.sorted() {
            if counted.last?.id == id { counted[counted.count - 1].count += 1 } else { counted.append((id, 1)) }
        }
        return counted.sorted { ($0.count, -$0.id) > ($1.count, -$1.id) }.prefix(limit).map(\.id)
    }

    /// Ids only, so a kept choice shows today's titles: look them up in the current articles.
    func `for`(_ id: String) -> [String] { related[id] ?? [] }
}
