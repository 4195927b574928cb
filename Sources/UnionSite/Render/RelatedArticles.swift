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
        let groups = Self.groups(articles, backlinks: backlinks)
        let places = Self.places(in: groups, count: articles.count)
        // Each article's candidates, one entry per shared group (the count of an id is its
        // score), gathered and scored on every core: gathered for all articles on one thread
        // first, they were a tenth of a second of a 10,000-article build.
        let chosen = Parallel.map(Array(articles.indices)) { member in
            var candidates: [Int] = []
            for place in places[member] {
                let sorted = groups[Int(place.group)], position = Int(place.position)
                let low = max(0, position - Self.neighbours), high = min(sorted.count, position + Self.neighbours + 1)
                for other in sorted[low..<high] where other != member { candidates.append(other) }
            }
            return Self.best(candidates)
        }
        for (member, best) in chosen.enumerated() where !best.isEmpty {
            related[articles[member].item.id] = best.map { articles[$0].item.id }
        }
    }

    /// Where each article stands in each group it is in (once per time it is in it).
    private static func places(in groups: [[Int]], count: Int) -> [[(group: Int32, position: Int32)]] {
        var places = [[(group: Int32, position: Int32)]](repeating: [], count: count)
        for (group, members) in groups.enumerated() {
            for (position, member) in members.enumerated() { places[member].append((Int32(group), Int32(position))) }
        }
        return places
    }

    /// The members of each group (by index in `articles`), sorted.
    private static func groups(_ articles: [Article], backlinks: [PageKey: [Citation]]) -> [[Int]] {
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
        return groups.values.map { $0.sorted() }
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
