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

    init(_ articles: [Article], backlinks: [PageKey: [Citation]]) {
        let groups = Self.groups(articles, backlinks: backlinks)
        let places = Places(groups, count: articles.count)
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

    /// Where each article stands in each group it is in (once per time it is in it): one
    /// array for all articles, each article's run found by `starts` (an array per article,
    /// appended to one at a time, cost more than the rest of the choice on one core).
    private struct Places {
        private let starts: [Int]
        private let entries: [(group: Int32, position: Int32)]

        init(_ groups: [[Int]], count: Int) {
            var starts = [Int](repeating: 0, count: count + 1)
            for members in groups { for member in members { starts[member + 1] += 1 } }
            for index in 0..<count { starts[index + 1] += starts[index] }
            var next = Array(starts.dropLast())
            var entries = [(group: Int32, position: Int32)](repeating: (0, 0), count: starts[count])
            for (group, members) in groups.enumerated() {
                for (position, member) in members.enumerated() {
                    entries[next[member]] = (Int32(group), Int32(position))
                    next[member] += 1
                }
            }
            self.starts = starts
            self.entries = entries
        }

        subscript(member: Int) -> ArraySlice<(group: Int32, position: Int32)> { entries[starts[member]..<starts[member + 1]] }
    }

    /// The members of each group (by index in `articles`), sorted: articles sharing a tag, and
    /// articles citing the same page (each once).
    private static func groups(_ articles: [Article], backlinks: [PageKey: [Citation]]) -> [[Int]] {
        var byTag: [String: [Int]] = [:]
        for (index, article) in articles.enumerated() {
            for tag in article.tags { byTag[tag, default: []].append(index) }
        }
        var groups = Array(byTag.values)
        let indexByKey = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.item.key, $0) })
        // Which cited page an article was last taken for: a source citing a page twice is one member.
        var lastTarget = [Int](repeating: -1, count: articles.count)
        for (target, citations) in backlinks.values.enumerated() {
            var members: [Int] = []
            for citation in citations {
                guard let index = indexByKey[citation.source], lastTarget[index] != target else { continue }
                lastTarget[index] = target
                members.append(index)
            }
            if !members.isEmpty { groups.append(members) }
        }
        return Parallel.map(groups) { $0.sorted() }
    }

    /// The `limit` most frequent ids, ties to the lower index (the newer article).
    static func best(_ candidates: [Int]) -> [Int] {
        // The best `limit` kept in order while counting, instead of sorting every id counted:
        // ids come in ascending order, so an equal count never displaces an earlier id.
        var top: [(id: Int, count: Int)] = []
        top.reserveCapacity(limit + 1)
        func offer(_ id: Int, _ count: Int) {
            guard top.count < limit || count > top[top.count - 1].count else { return }
            var at = top.count
            while at > 0, count > top[at - 1].count { at -= 1 }
            top.insert((id, count), at: at)
            if top.count > limit { top.removeLast() }
        }
        let sorted = candidates.sorted()
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count, sorted[end] == sorted[index] { end += 1 }
            offer(sorted[index], end - index)
            index = end
        }
        return top.map(\.id)
    }

    /// Ids only, so a kept choice shows today's titles: look them up in the current articles.
    func `for`(_ id: String) -> [String] { related[id] ?? [] }
}
