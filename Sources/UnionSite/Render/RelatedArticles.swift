/// Related articles: those sharing tags or citations with an article, best first.
///
/// Candidates come from each tag's and each cited page's nearest neighbours by date, never
/// from all pairs, so a tag on thousands of articles stays linear.
struct RelatedArticles {
    static let limit = 3
    static let neighbours = 8

    /// Article id → the ids of its related articles, best first.
    private var related: [String: [String]] = [:]

    /// What the choice depends on: each article's id and tags, newest first, and who cites what.
    struct Input: Equatable, Sendable {
        let articles: [[String]]
        let backlinks: [String: [Citation]]

        init(_ articles: [Article], backlinks: [String: [Citation]]) {
            self.articles = articles.map { [$0.item.id] + $0.tags }
            self.backlinks = backlinks
        }
    }

    /// The same choice, made again only when its `Input` changed (`serve`).
    static func memoized(_ articles: [Article], backlinks: [String: [Citation]], cache: BuildCache?) -> RelatedArticles {
        let make = { RelatedArticles(articles, backlinks: backlinks) }
        guard let cache else { return make() }
        return cache.related.value("related", input: Input(articles, backlinks: backlinks), compute: make)
    }

    init(_ articles: [Article], backlinks: [String: [Citation]]) {
        let indexByID = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.item.id, $0) })
        var groups: [String: [Int]] = [:]
        for (index, article) in articles.enumerated() {
            for tag in article.tags { groups["tag:" + tag, default: []].append(index) }
        }
        for (target, citations) in backlinks {
            for source in Set(citations.map(\.source)) {
                if let index = indexByID[source] { groups["cites:" + target, default: []].append(index) }
            }
        }
        var scores: [Int: [Int: Int]] = [:]
        for members in groups.values {
            let sorted = members.sorted()
            for (position, member) in sorted.enumerated() {
                let low = max(0, position - Self.neighbours), high = min(sorted.count, position + Self.neighbours + 1)
                for other in sorted[low..<high] where other != member { scores[member, default: [:]][other, default: 0] += 1 }
            }
        }
        for (member, others) in scores {
            let best = others.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(Self.limit)
            related[articles[member].item.id] = best.map { articles[$0.key].item.id }
        }
    }

    /// Ids only, so a kept choice shows today's titles: look them up in the current articles.
    func `for`(_ id: String) -> [String] { related[id] ?? [] }
}
