/// Every Markdown body in the site (item bodies and vacancy descriptions), keyed the way
/// links and backlinks name them.
struct LinkSources {
    struct Source: Sendable {
        let key: PageKey
        /// The path below `content/` that relative links start from.
        let contentPath: String
        /// Let go of once read when `build` needs it no more (`releaseBodies`).
        var body: MarkdownSource
        let numbersPrinciples: Bool
        let autolink: Bool?
    }

    private(set) var all: [Source]
    let pagePaths: [String: SitePath]
    let vacancyPaths: [String: SitePath]

    init(_ site: Site) {
        let items = site.items.map(Source.init(item:))
        let vacancies = site.vacancies.map { vacancy in
            Source(key: vacancy.key, contentPath: String(vacancy.location.path.dropFirst("content/".count)),
                   body: vacancy.description ?? MarkdownSource(text: "", path: vacancy.location.path, firstLine: vacancy.location.line),
                   numbersPrinciples: false, autolink: nil)
        }
        all = items + vacancies
        pagePaths = Dictionary(site.items.map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first })
        vacancyPaths = Dictionary(site.vacancies.map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first })
    }
}

extension LinkSources.Source {
    /// A content item's body, keyed by the item.
    init(item: ContentItem) {
        self.init(key: item.key, contentPath: item.id, body: item.body, numbersPrinciples: item.kind.descriptor.model == .principleDocument, autolink: item.autolink)
    }
}

extension LinkSources {
    /// Lets go of these bodies' Markdown here too (`Site.releaseBodies`).
    mutating func releaseBodies(_ keys: Set<PageKey>) {
        for index in all.indices where keys.contains(all[index].key) {
            all[index].body = all[index].body.released
        }
    }
}
