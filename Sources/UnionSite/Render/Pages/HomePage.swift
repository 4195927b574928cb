extension PageFactory {
    static let homeUpdates = 3

    /// The home page: latest articles, the guide, the principles, vacancies closing soonest.
    func home(into output: inout RenderOutput) {
        let page = context.page(title: settings.title, path: .home, kind: "home", description: settings.description,
                                extra: ["json_ld": [JSONLD.organisation(settings)]])
        let values: [String: Any] = [
            "articles": site.articles.prefix(5).map(articleSummary),
            "chapters": site.chapters.map { chapterLink($0) },
            "documents": site.principleDocuments.map { ["title": $0.item.title, "href": context.href($0.item.url)] as [String: Any] },
            "vacancies": site.openVacancies.prefix(3).map(vacancySummary),
            "updates": site.updates.prefix(Self.homeUpdates).map(updateEntry),
            "card_heading": "h3",
        ]
        emit("home", path: .home, page: page, values: values, owner: "the home page", into: &output)
    }

    func articleSummary(_ article: Article) -> [String: Any] {
        var entry: [String: Any] = ["title": article.item.title, "href": context.href(article.item.url), "date": date(article.date)]
        if let summary = article.item.summary { entry["summary"] = summary }
        return entry
    }

    func chapterLink(_ chapter: GuideChapter, current: SitePath? = nil) -> [String: Any] {
        var entry: [String: Any] = ["title": chapter.item.title, "href": context.href(chapter.item.url)]
        if let summary = chapter.item.summary { entry["summary"] = summary }
        if chapter.item.url == current { entry["current"] = true }
        return entry
    }
}
