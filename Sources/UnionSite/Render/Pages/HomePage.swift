extension PageFactory {
    static let homeUpdates = 3

    /// The home page: latest articles, the guide, the principles, vacancies closing soonest.
    func home(into output: inout RenderOutput) {
        let page = context.page(title: settings.title, path: .home, kind: "home", description: settings.description,
                                extra: ["json_ld": [.text(JSONLD.organisation(settings))]])
        let values: TemplateRecord = [
            "articles": .list(site.articles.prefix(5).map(articleSummary)),
            "chapters": .list(site.chapters.map { chapterLink($0) }),
            "documents": .list(site.principleDocuments.map { ["title": .text($0.item.title), "href": .text(context.href($0.item.url))] as TemplateValue }),
            "vacancies": .list(site.openVacancies.prefix(3).map(vacancySummary)),
            "updates": .list(site.updates.prefix(Self.homeUpdates).map(updateEntry)),
            "card_heading": "h3",
        ]
        emit("home", path: .home, page: page, values: values, owner: "the home page", into: &output)
    }

    func articleSummary(_ article: Article) -> TemplateValue {
        var entry: TemplateRecord = ["title": .text(article.item.title), "href": .text(context.href(article.item.url)), "date": date(article.date)]
        if let summary = article.item.summary { entry["summary"] = .text(summary) }
        return .record(entry)
    }

    func chapterLink(_ chapter: GuideChapter, current: SitePath? = nil) -> TemplateValue {
        var entry: TemplateRecord = ["title": .text(chapter.item.title), "href": .text(context.href(chapter.item.url))]
        if let summary = chapter.item.summary { entry["summary"] = .text(summary) }
        if chapter.item.url == current { entry["current"] = true }
        return .record(entry)
    }
}
