/// What every page shares besides its own content: settings, navigation, templates,
/// glossary, build date and whether drafts are in. Any change to it renders every page again.
struct RenderWorld: Equatable, Sendable {
    let settings: SiteSettings
    let nav: [NavLink]
    let templates: Int
    let glossary: [GlossaryTerm]
    let buildDate: Day
    let includeDrafts: Bool
    /// The theme assets' hashed paths: every page links them.
    let assetPaths: [String: String]
    /// The theme's words in the site's language: every page prints some.
    let strings: ThemeStrings
    /// Translations carrying a "may be out of date" notice: a change to an original adds one.
    let outdatedTranslations: [String: PageVersion.Original]
}

/// Everything an article's page shows besides the `RenderWorld`: `serve` renders it again
/// only when one of these changed.
struct ArticlePageInput: Equatable, Sendable {
    let article: Article
    let document: LinkedDocument?
    let backlinks: [Citation]
    /// Title, path and kind of each citing page, in order.
    let backlinkRefs: [PageRefs.Ref?]
    let related: [PageRefs.Ref?]
    /// The page in other languages (hreflang links, the switcher): adding a translation changes them.
    let versions: [PageVersion]?
}

/// Everything a list page of articles (`/articles/`, a tag) shows besides the `RenderWorld`.
struct ArticleListInput: Equatable, Sendable {
    let articles: [Article]
    /// The list's position among its pages, and how many there are.
    let index: Int
    let pageCount: Int
    /// The list in other languages.
    let versions: [PageVersion]?
}

/// Everything a body's HTML depends on (`BodyRenderer.html`).
struct BodyKey: Hashable, Sendable {
    let key: PageKey
    let source: MarkdownSource
    let hrefs: [String: String]
    let images: [String: PixelSize]
    let glossaryMatches: [Int: [GlossaryMatcher.Match]]
    /// The glossary and base path, which glossary links depend on.
    let glossary: Int
    let placement: String
    let citations: [String?]
}
