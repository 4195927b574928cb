/// The Render stage's work on one page, body or search document (see `StageWork`).
/// `Renderer.render` and `PageFactory` decide which pages exist and what each shows; this
/// makes them.
protocol RenderWork: Sendable {
    /// Related articles for every article page (`RelatedArticles.init`).
    func relatedArticles(_ articles: [Article], backlinks: [PageKey: [Citation]]) -> RelatedArticles
    /// How this render's pages are made, given what they all share: given once, so a
    /// memoised version compares the shared `RenderWorld` once, not per page.
    func pageWork(sharing world: RenderWorld) -> any PageWork
    /// A search result's snippet (`SearchDocument.snippet`).
    func searchSnippet(url: String, summary: String?, texts: TextRuns) -> String
    /// Each document analysed, then the index files made from all of them.
    func searchIndex(_ documents: [SearchDocument], language: SearchLanguage) -> [String: [UInt8]]
}

/// One render's pages and bodies. Each function is handed what its result depends on and
/// the work that makes it; the inputs are autoclosures, made only by a version that keeps results.
protocol PageWork: Sendable {
    /// An article's page: `input` is everything it shows.
    func articlePage(_ path: SitePath, input: @autoclosure () -> ArticlePageInput, render: () -> RenderedPage) -> RenderedPage
    /// A list page of articles (`/articles/`, a tag): `input` is everything it shows.
    func articleList(_ path: SitePath, input: @autoclosure () -> ArticleListInput, render: () -> RenderedPage) -> RenderedPage
    /// A body's HTML: `key` is everything it depends on.
    func body(_ key: @autoclosure () -> BodyKey, render: () -> String) -> String
    /// A page's bytes: `fingerprint` hashes its template, the templates and its values.
    func page(_ path: SitePath, fingerprint: @autoclosure () -> Int, render: () -> [UInt8]) -> [UInt8]
}

extension DirectWork: RenderWork {
    func relatedArticles(_ articles: [Article], backlinks: [PageKey: [Citation]]) -> RelatedArticles {
        RelatedArticles(articles, backlinks: backlinks)
    }

    func pageWork(sharing world: RenderWorld) -> any PageWork { DirectPages() }

    func searchSnippet(url: String, summary: String?, texts: TextRuns) -> String {
        SearchDocument.snippet(summary: summary, texts: texts)
    }

    func searchIndex(_ documents: [SearchDocument], language: SearchLanguage) -> [String: [UInt8]] {
        let (analyses, stems) = SearchAnalyzer.analyseInParallel(documents, language: language)
        return SearchIndex.files(documents, analyses: analyses, stems: stems)
    }
}

/// Every page and body rendered.
struct DirectPages: PageWork {
    func articlePage(_ path: SitePath, input: @autoclosure () -> ArticlePageInput, render: () -> RenderedPage) -> RenderedPage { render() }
    func articleList(_ path: SitePath, input: @autoclosure () -> ArticleListInput, render: () -> RenderedPage) -> RenderedPage { render() }
    func body(_ key: @autoclosure () -> BodyKey, render: () -> String) -> String { render() }
    func page(_ path: SitePath, fingerprint: @autoclosure () -> Int, render: () -> [UInt8]) -> [UInt8] { render() }
}
