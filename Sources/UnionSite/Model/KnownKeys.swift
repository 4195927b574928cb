/// The keys the content model defines, and where, so that any other key can be told apart:
/// a slip of the keyboard (`sumary`), a key of another kind (`draft` on a page), a key of the
/// contract's second wave that this version does not act on yet, or a template parameter of
/// the site's own, which is what unknown front-matter and `site.yaml` keys are for.
enum KnownKeys {
    /// The kind's own keys (its row of `ContentKind.descriptor`) and the shared ones.
    static func frontMatter(_ kind: ContentKind) -> [String] {
        ContentKind.sharedKeys + kind.descriptor.keys
    }

    /// Keys defined for other kinds but not for `kind`, each with the kinds it belongs to
    /// ("articles"): on this kind they do nothing the author meant (a `draft: true` page is published).
    static func otherKinds(than kind: ContentKind) -> [String: String] {
        let own = Set(frontMatter(kind))
        var owners: [String: [String]] = [:]
        for other in ContentKind.allCases where other != kind {
            for key in frontMatter(other) where !own.contains(key) { owners[key, default: []].append(other.noun + "s") }
        }
        return owners.mapValues { $0.joined(separator: " and ") }
    }

    /// `otherKinds(than:)` for each kind, made once: every document asks.
    static let otherKindKeys: [ContentKind: [String: String]] = Dictionary(uniqueKeysWithValues: ContentKind.allCases.map { ($0, otherKinds(than: $0)) })

    /// The contract's second wave (change notes, translations): defined there, not built here yet.
    static let unsupportedFrontMatter: [String] = []

    static let site = ["title", "base_url", "language", "description", "organisation", "nav", "timezone", "autolink",
                       "max_file_size", "lint", "languages"]
    static let unsupportedSite: [String] = []
    static let language = ["name", "title", "description", "nav"]
    static let organisation = ["name", "url", "join_url"]
    static let navItem = ["title", "link"]
    static let lint = ["off"]
    static let glossaryTerm = ["term", "definition", "aliases"]
    static let change = ["date", "note"]
    static let vacancyText = ["title", "summary", "description", "location"]
    static let principleChange = ["date", "note", "version"]
}
