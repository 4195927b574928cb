/// The Link stage's backlinks and glossary uses, gathered on one core by the position of each
/// page in the stage's sources and each entry in the glossary: a list per position, not a
/// dictionary entry found by hashing a key at each of the site's 94,712 citations (the
/// 10,000-article benchmark). The citing pages are taken in key order, so each list is
/// gathered nearly sorted and `Linker.sortedUnique`'s stable sort finds it in a few runs (in
/// input order, sorting them took about a tenth of a second of CPU). A page's own links keep
/// their order.
struct CitationLists {
    /// A body's citations as its link check gave them, in its links' order: by the cited
    /// page's position where it is one of the sources (always, for a page a link resolved to),
    /// else by key.
    struct Citations: Sendable {
        fileprivate var items: [(target: Target, fragment: String?)] = []

        fileprivate enum Target: Sendable {
            case position(Int)
            case key(PageKey)
        }

        /// Made on the core that checked the body, where looking up each target costs nothing
        /// on the one core that gathers.
        init(_ citations: [(PageKey, String?)], positions: [PageKey: Int]) {
            items.reserveCapacity(citations.count)
            for (key, fragment) in citations {
                items.append((positions[key].map(Target.position) ?? .key(key), fragment))
            }
        }
    }

    /// Each source's key → its position, the first where two share one.
    static func positions(of sources: [LinkSources.Source]) -> [PageKey: Int] {
        var positions: [PageKey: Int] = [:]
        positions.reserveCapacity(sources.count)
        for index in sources.indices where positions[sources[index].key] == nil { positions[sources[index].key] = index }
        return positions
    }

    private let keys: [PageKey]
    private var backlinks: [[Citation]]
    private var others: [PageKey: [Citation]] = [:]
    private var uses: [[PageKey]] = []

    init(_ sources: [LinkSources.Source]) {
        keys = sources.map(\.key)
        backlinks = Array(repeating: [], count: sources.count)
    }

    /// The sources' positions in the order of their keys.
    var citingOrder: [Int] { keys.indices.sorted { keys[$0] < keys[$1] } }

    mutating func add(citations: Citations, from source: Int) {
        let key = keys[source]
        for (target, fragment) in citations.items {
            switch target {
            case .position(let position) where keys[position] != key:
                backlinks[position].append(Citation(source: key, fragment: fragment))
            case .key(let target) where target != key:
                others[target, default: []].append(Citation(source: key, fragment: fragment))
            case .position, .key:
                break
            }
        }
    }

    mutating func add(uses entries: Set<GlossaryEntryID>, from source: Int) {
        for entry in entries {
            if entry.index >= uses.count { uses += Array(repeating: [], count: entry.index + 1 - uses.count) }
            uses[entry.index].append(keys[source])
        }
    }

    /// Each cited page's citations and each used entry's pages, as the Link stage hands them on.
    func dictionaries() -> (backlinks: [PageKey: [Citation]], uses: [GlossaryEntryID: [PageKey]]) {
        var byKey = others
        for position in backlinks.indices where !backlinks[position].isEmpty {
            byKey[keys[position], default: []].append(contentsOf: backlinks[position])
        }
        var byEntry: [GlossaryEntryID: [PageKey]] = [:]
        for index in uses.indices where !uses[index].isEmpty { byEntry[GlossaryEntryID(index)] = uses[index] }
        return (byKey, byEntry)
    }
}
