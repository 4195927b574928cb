/// Every path the site writes, decided here and nowhere else: an item, a vacancy, a section,
/// a tag, a page of the article list, a vacancy filter, a glossary entry. Nothing else
/// concatenates a URL; `SiteSettings.href` only puts the base path in front. (A language
/// prefix, when a site has a second language, belongs here too.)
public struct Routes: Sendable {
    public static let site = Routes()

    public var home: SitePath { .home }
    public var articles: SitePath { .folder("articles") }
    public var tags: SitePath { .folder("tags") }
    public var principles: SitePath { .folder("principles") }
    public var guide: SitePath { .folder("guide") }
    public var glossary: SitePath { .folder("guide", "glossary") }
    public var guidePrint: SitePath { .folder("guide", "print") }
    public var vacancies: SitePath { .folder("vacancies") }
    public var vacancyArchive: SitePath { .folder("vacancies", "archive") }
    public var search: SitePath { .folder("search") }
    public var updates: SitePath { .folder("updates") }
    public var guideUpdates: SitePath { .folder("guide", "updates") }
    public var updatesFeed: SitePath { SitePath("updates/feed.xml") }

    /// Page N of the article list (page 1 is the list itself).
    public func articles(page: Int) -> SitePath { page <= 1 ? articles : .folder("articles", "page", String(page)) }
    /// Page N of `/updates/` or `/guide/updates/`.
    public func updates(guide: Bool, page: Int) -> SitePath {
        guard page > 1 else { return guide ? guideUpdates : updates }
        return guide ? .folder("guide", "updates", "page", String(page)) : .folder("updates", "page", String(page))
    }

    public func tag(_ tag: String) -> SitePath { .folder("tags", tag) }
    public func vacancy(_ id: String) -> SitePath { .folder("vacancies", id) }

    /// A vacancy filter page: `/vacancies/region/<slug>/`, `/vacancies/contract/<value>/` …
    public func vacancyFilter(_ facet: VacancyFilter, _ value: String) -> SitePath { .folder("vacancies", facet.rawValue, value) }

    public enum VacancyFilter: String, Sendable, CaseIterable { case region, contract, hours }

    /// The id of a page's change history: "See all updates", `/updates/` and feed entries link to it.
    public static let historyAnchor = "page-history"

    /// A glossary entry: the glossary page and the entry's anchor.
    public func glossaryEntry(anchor: String) -> (path: SitePath, fragment: String) { (glossary, anchor) }

    /// An article, principle document, chapter or page, by its kind and slug.
    func item(_ kind: ContentKind, slug: String, isGuideIndex: Bool) -> SitePath {
        isGuideIndex ? guide : .folder(kind.descriptor.section + [slug])
    }

    /// Link destinations that name a generated section (`articles/`, `guide/glossary/`),
    /// relative or rooted.
    var sections: [String: SitePath] {
        ["articles/": articles, "principles/": principles, "guide/": guide, "guide/glossary/": glossary,
         "guide/print/": guidePrint, "vacancies/": vacancies, "vacancies/archive/": vacancyArchive, "search/": search, "updates/": updates,
         "guide/updates/": guideUpdates, "": home]
    }

    /// Paths the generator writes itself: no page or chapter may take one.
    var reserved: Set<SitePath> {
        [articles, principles, glossary, guidePrint, vacancies, vacancyArchive, tags, search, updates, guideUpdates,
         .folder("assets")]
    }

    /// Vacancy ids that would land on the pages under `/vacancies/` (the archive, filters, list pages).
    static let reservedVacancyIDs: Set<String> = Set(["archive", "page"] + VacancyFilter.allCases.map(\.rawValue))
}
