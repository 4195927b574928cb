/// Two sources that would write the same URL are an error naming both files; so is a source
/// that would overwrite a page the generator writes itself (`/articles/`, `/guide/glossary/`).
enum URLCollisions {
    /// Site paths the generator owns; pages and chapters cannot take them.
    static let reserved = Routes.site.reserved

    /// - Parameter languages: the further languages, whose folders (`/cy/`) are the site's own.
    static func check(items: [ContentItem], languages: [SiteLanguage] = []) -> [Diagnostic] {
        let reserved = languages.isEmpty ? reserved : reserved.union(languages.map { SitePath.folder($0.code) })
        var owners: [SitePath: SourceLocation] = [:]
        var problems: [Diagnostic] = []
        let claims = items.map { ($0.url, $0.location, $0.kind) }
        for (url, location, kind) in claims {
            if isReserved(url, kind: kind, in: reserved) {
                problems.append(.error("this would be published at /\(url.value), which the site uses for its own page: choose another slug",
                                       at: location, code: "duplicate-url"))
            } else if let first = owners[url] {
                let (a, b) = first < location ? (first, location) : (location, first)
                problems.append(.error("\(a.path) and \(b.path) would both be published at /\(url.value)", at: b, code: "duplicate-url"))
            } else {
                owners[url] = location
            }
        }
        return problems
    }

    /// Whether an item of `kind` at `url` would take a page the site writes itself. `/guide/`
    /// is the guide's front page, written with or without `guide/index.md`: only that chapter
    /// may take it. `new` asks the same before it writes a file.
    static func isReserved(_ url: SitePath, kind: ContentKind, in reserved: Set<SitePath> = reserved) -> Bool {
        reserved.contains(url) || url == Routes.site.guide && kind != .guideChapter
    }
}
