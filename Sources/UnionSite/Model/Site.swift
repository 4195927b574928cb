/// Stage 2's value: the whole site, typed and checked, before any link is followed.
public struct Site: Sendable {
    public let settings: SiteSettings
    /// Everything date-dependent (future articles, open vacancies) is decided against this.
    public let buildDate: Day
    public let includeDrafts: Bool
    /// Newest first.
    public internal(set) var articles: [Article]
    public internal(set) var principleDocuments: [PrincipleDocument]
    /// In reading order, without the guide's front page.
    public internal(set) var chapters: [GuideChapter]
    public internal(set) var guideIndex: GuideChapter?
    public internal(set) var pages: [Page]
    /// Open ones first, soonest closing; then closed ones.
    public let vacancies: [Vacancy]
    /// Sorted A to Z.
    public let glossary: [GlossaryTerm]
    public let staticFiles: [StaticFile]
    public let templates: [String: SourceFile]
    /// Content ids of articles left out (drafts, future dates), so links to them can say why.
    public let leftOut: [String: String]
    public internal(set) var warnings: [Diagnostic]
    /// One site per further language (`languages:`), in site.yaml's order, each built like this
    /// one from its translations, with its own settings (`SiteSettings.forLanguage`). Empty on
    /// a site of one language; never nested.
    public internal(set) var translations: [Site] = []
    /// Every language's version of a page of this site, by the page's path; empty on a site of
    /// one language (see `withPageVersions`).
    public internal(set) var pageVersions: [SitePath: [PageVersion]] = [:]
    /// A translation's pages older than their original's newest change, by source file, with
    /// the original to read instead: they carry a "may be out of date" notice.
    public internal(set) var outdatedTranslations: [String: PageVersion.Original] = [:]

    /// Every Markdown-backed item, in a stable order.
    public var items: [ContentItem] {
        articles.map(\.item) + principleDocuments.map(\.item) + (guideIndex.map { [$0.item] } ?? [])
            + chapters.map(\.item) + pages.map(\.item)
    }

    public var openVacancies: [Vacancy] { vacancies.filter { status(of: $0).isOpen } }
    public var closedVacancies: [Vacancy] {
        vacancies.filter { !status(of: $0).isOpen }.sorted { ($0.closes, $1.title) > ($1.closes, $0.title) }
    }
}
