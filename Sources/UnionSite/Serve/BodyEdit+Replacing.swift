// What a body edit swaps in the last build: one item of the `Site`, and the pages that show it.

extension ItemBuilder.Built.Item {
    var contentItem: ContentItem? {
        switch self {
        case .article(let article): article.item
        case .principleDocument(let document): document.item
        case .chapter(let chapter): chapter.item
        case .page(let page): page.item
        }
    }
}

extension Site {
    /// A built item by id, without making the list of all items.
    func item(id: String) -> ContentItem? {
        articles.first { $0.item.id == id }?.item ?? principleDocuments.first { $0.item.id == id }?.item
            ?? chapters.first { $0.item.id == id }?.item ?? (guideIndex?.item.id == id ? guideIndex?.item : nil)
            ?? pages.first { $0.item.id == id }?.item
    }

    /// The site with one item (found by id) swapped for a new version of it; nil if it is not built.
    func replacing(_ item: ItemBuilder.Built.Item) -> Site? {
        var site = self
        switch item {
        case .article(let new):
            guard let index = articles.firstIndex(where: { $0.item.id == new.item.id }) else { return nil }
            site.articles[index] = new
        case .principleDocument(let new):
            guard let index = principleDocuments.firstIndex(where: { $0.item.id == new.item.id }) else { return nil }
            site.principleDocuments[index] = new
        case .chapter(let new):
            if guideIndex?.item.id == new.item.id {
                site.guideIndex = new
            } else {
                guard let index = chapters.firstIndex(where: { $0.item.id == new.item.id }) else { return nil }
                site.chapters[index] = new
            }
        case .page(let new):
            guard let index = pages.firstIndex(where: { $0.item.id == new.item.id }) else { return nil }
            site.pages[index] = new
        }
        return site
    }
}

extension PageFactory {
    /// The pages that show an item's body: its own page, and for a chapter the printable guide.
    func pagesShowing(_ item: ContentItem) -> [RenderedPage]? {
        switch item.kind.descriptor.model {
        case .article:
            guard let article = site.articles.first(where: { $0.item.id == item.id }) else { return nil }
            let related = self.related.for(item.id).compactMap { id in site.articles.first { $0.item.id == id } }
            return [articlePage(article, related: related)]
        case .principleDocument:
            return site.principleDocuments.first { $0.item.id == item.id }.map { [principleDocumentPage($0)] }
        case .page:
            return site.pages.first { $0.item.id == item.id }.map { [standalonePage($0)] }
        case .guideChapter:
            if site.guideIndex?.item.id == item.id { return [guideIndexPage()] }
            guard let index = site.chapters.firstIndex(where: { $0.item.id == item.id }) else { return nil }
            return [chapterPage(index), printPage()]
        }
    }
}
