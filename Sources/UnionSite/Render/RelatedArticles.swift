/// Related articles: those sharing tags or citations with an article, best first.
///
/// Candidates come from each tag's and each cited page's nearest neighbours by date, never
/// from all pairs, so a tag on thousands of articles stays linear.
struct RelatedArticles {
    static let limit = 3
    static let neighbours = 8

    private var related: [String: [Article]] = [:]

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
            related[articles[member].item.id] = best.map { articles[$0.key] }
        }
    }

    func `for`(_ id: String) -> [Article] { related[id] ?? [] }
}
