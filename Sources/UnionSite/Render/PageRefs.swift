/// Title, URL and kind of every page that can cite or be cited, by its key (an item or a
/// vacancy), for backlinks and glossary "used in" lists.
struct PageRefs: Sendable {
    struct Ref: Sendable, Equatable {
        let title: String
        let path: SitePath
        let kind: String
    }

    private let refs: [PageKey: Ref]
    /// Each page's backlinks-list entry, made once per build rather than once per citing page.
    private let entries: [PageKey: TemplateValue]

    /// - Parameter strings: each kind's noun ("guide chapter") is in the site's language.
    init(_ site: Site, strings: ThemeStrings = .english) {
        var refs: [PageKey: Ref] = [:]
        // A handful of kinds: each named once, not once per page (Foundation's replacing was
        // most of making the references).
        var nouns: [String: String] = [:]
        let noun = { (name: String) in
            if let known = nouns[name] { return known }
            let made = strings["kind_" + name.replacingOccurrences(of: " ", with: "_")]
            nouns[name] = made
            return made
        }
        for item in site.items {
            refs[item.key] = Ref(title: item.title, path: item.url, kind: noun(item.id == "guide/index.md" ? "member guide" : item.kind.noun))
        }
        for vacancy in site.vacancies {
            refs[vacancy.key] = Ref(title: vacancy.title, path: vacancy.url, kind: noun("vacancy"))
        }
        self.refs = refs
        entries = refs.mapValues { ["title": .text($0.title), "href": .text(site.settings.href($0.path)), "kind": .text($0.kind)] }
    }

    subscript(key: PageKey) -> Ref? { refs[key] }

    /// Template list entries for the given keys, each page once.
    ///
    /// Backlinks come sorted by citing page, so a page's repeats follow it and are told by
    /// comparing with the key before, not by hashing every key into a set (a principle cited
    /// thousands of times); keys out of order go the set's way.
    func links(_ keys: [PageKey]) -> [TemplateValue] {
        var result: [TemplateValue] = []
        result.reserveCapacity(keys.count)
        var previous: PageKey?
        for key in keys {
            if let previous {
                if key == previous { continue }
                // Out of order, or beside another kind of page of the same name.
                if key.description <= previous.description { return linksInAnyOrder(keys) }
            }
            previous = key
            if let entry = entries[key] { result.append(entry) }
        }
        return result
    }

    private func linksInAnyOrder(_ keys: [PageKey]) -> [TemplateValue] {
        var seen: Set<PageKey> = []
        return keys.compactMap { key in
            guard seen.insert(key).inserted, let entry = entries[key] else { return nil }
            return entry
        }
    }
}
