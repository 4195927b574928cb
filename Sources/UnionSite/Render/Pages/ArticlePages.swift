extension PageFactory {
    static let articlesPerPage = 10

    /// Every article's page, `/articles/` paginated by ten, and a page per tag.
    func articles(into output: inout RenderOutput) {
        let byID = Dictionary(site.articles.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
        output.add(site.articles) { article in
            articlePage(article, related: relatedArticles(to: article, byID: byID))
        }
        let articles = site.articles
        let summaries = ArticleSummaries(count: articles.count) { self.articleSummary(articles[$0]) }
        articleListPages(summaries, into: &output)
        tagPages(summaries, into: &output)
    }

    /// The articles related to one, as shown on its page.
    func relatedArticles(to article: Article, byID: [String: Article]) -> [Article] {
        related.for(article.item.id).compactMap { byID[$0] }
    }

    func articlePage(_ article: Article, related: [Article]) -> RenderedPage {
        let key = article.item.key
        let citations = linked.backlinks[key] ?? []
        return pageWork.articlePage(article.item.url, input:
            ArticlePageInput(article: article, document: linked.documents[key], backlinks: citations,
                             backlinkRefs: citations.map { refs[$0.source] }, related: related.map { refs[$0.item.key] },
                             versions: site.pageVersions[article.item.url]),
            render: { renderArticlePage(article, related: related) })
    }

    private func renderArticlePage(_ article: Article, related: [Article]) -> RenderedPage {
        let item = article.item
        let page = itemPage(item, extra: ["json_ld": [.text(JSONLD.article(article, modified: site.modified(article), settings: settings))]])
        var values: TemplateRecord = [
            "body": .text(bodies.html(key: item.key, source: item.body)),
            "contents": contents(item.key),
            "backlinks": backlinks(item.key),
            "published": date(article.date),
            "tags": .list(article.tags.map { ["name": .text($0), "href": .text(context.href(Routes.site.tag($0)))] as TemplateValue }),
            "related": .list(related.map { ["title": .text($0.item.title), "href": .text(context.href($0.item.url))] as TemplateValue }),
        ]
        values.merge(historyValues(item, published: article.date.day, updated: article.updated)) { _, new in new }
        if let author = article.author { values["author"] = .text(author) }
        return render(item.kind.descriptor.template, path: item.url, page: page, values: values, breadcrumbs: [(t["home"], .home), (t["articles"], Routes.site.articles)],
                      lastModified: site.modified(article).day.description, owner: item.location.path)
    }

    private func articleListPages(_ summaries: ArticleSummaries, into output: inout RenderOutput) {
        let ranges = stride(from: 0, to: max(site.articles.count, 1), by: Self.articlesPerPage).map {
            $0..<min($0 + Self.articlesPerPage, site.articles.count)
        }
        let chunks = ranges.map { Array(site.articles[$0]) }
        let paths = chunks.indices.map { $0 == 0 ? Routes.site.articles : Routes.site.articles(page: $0 + 1) }
        // Each list page is independent, so they share the cores like article pages do.
        output.add(Array(chunks.indices)) { index in
            let chunk = chunks[index]
            return pageWork.articleList(paths[index], input:
                ArticleListInput(articles: chunk, index: index, pageCount: chunks.count, versions: site.pageVersions[paths[index]]),
            render: {
                let title = index == 0 ? t["articles"] : t.format("articles_page_of", ["number": String(index + 1), "count": String(chunks.count)])
                let page = context.page(title: title, path: paths[index], kind: "article-list",
                                        extra: ["summary": .text(t["articles_summary"])])
                let values: TemplateRecord = ["articles": summaries.cards(ranges[index]), "pagination": pagination(paths, current: index)]
                return render("article-list", path: paths[index], page: page, values: values, breadcrumbs: [(t["home"], .home)],
                              owner: "the article list")
            })
        }
    }

    /// Links to the first and last pages and the two either side of the current one, so
    /// each list page stays small however many pages there are (all of them would make the
    /// lists quadratic in the number of articles).
    func pagination(_ paths: [SitePath], current: Int) -> TemplateValue {
        var result: TemplateRecord = ["has_pages": .flag(paths.count > 1)]
        let shown = Set([0, paths.count - 1]).union(max(0, current - 2)...min(paths.count - 1, current + 2)).sorted()
        result["pages"] = .list(shown.enumerated().map { position, index in
            ["number": .number(index + 1), "href": .text(context.href(paths[index])), "current": .flag(index == current),
             "gap": .flag(position > 0 && shown[position - 1] != index - 1)] as TemplateValue
        })
        if current > 0 { result["previous"] = .text(context.href(paths[current - 1])) }
        if current + 1 < paths.count { result["next"] = .text(context.href(paths[current + 1])) }
        return .record(result)
    }

    private func tagPages(_ summaries: ArticleSummaries, into output: inout RenderOutput) {
        // Each tag's articles by their index in `site.articles`, whose cards `summaries` keeps.
        var byTag: [String: [Int]] = [:]
        for (index, article) in site.articles.enumerated() {
            for tag in article.tags { byTag[tag, default: []].append(index) }
        }
        let articles = site.articles
        output.add(byTag.sorted(by: { $0.key < $1.key })) { tag, indices in
            let path = Routes.site.tag(tag)
            return pageWork.articleList(path, input:
                ArticleListInput(articles: indices.map { articles[$0] }, index: 0, pageCount: 1, versions: site.pageVersions[path]),
            render: {
                let page = context.page(title: t.format("articles_tagged", ["tag": tag]), path: path, kind: "tag",
                                        extra: ["summary": "\(indices.count) article\(indices.count == 1 ? "" : "s"), newest first."])
                return render("article-list", path: path, page: page, values: ["articles": summaries.cards(indices)],
                              breadcrumbs: [(t["home"], .home), (t["articles"], Routes.site.articles)], owner: "the tag \(tag)")
            })
        }
        let index = Routes.site.tags
        let page = context.page(title: t["tags"], path: index, kind: "tags")
        let tags = byTag.keys.sorted().map {
            ["title": .text($0), "href": .text(context.href(Routes.site.tag($0))), "count": .number(byTag[$0]!.count)] as TemplateValue
        }
        emit("tags", path: index, page: page, values: ["tags": .list(tags)], breadcrumbs: [(t["home"], .home), (t["articles"], Routes.site.articles)],
             owner: "the tag index", into: &output)
    }
}
