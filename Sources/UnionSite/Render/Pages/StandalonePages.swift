extension PageFactory {
    /// Pages such as about, join and accessibility, at `/<slug>/`.
    func standalonePages(into output: inout RenderOutput) {
        for page in site.pages { output.add(standalonePage(page)) }
    }

    func standalonePage(_ page: Page) -> RenderedPage {
        let item = page.item
        var values: TemplateRecord = ["body": .text(bodies.html(key: item.key, source: item.body)),
                                     "contents": contents(item.key), "backlinks": backlinks(item.key)]
        values.merge(historyValues(item, published: nil)) { _, new in new }
        return render(item.kind.descriptor.template, path: item.url, page: itemPage(item), values: values,
                      breadcrumbs: [(t["home"], .home)], lastModified: site.lastUpdated(item)?.day.description, owner: item.location.path)
    }

    /// `/404.html` and `/search/`.
    func special(into output: inout RenderOutput) {
        let notFound = SitePath("404.html")
        var page = context.page(title: t["page_not_found"], path: notFound, kind: "not-found")
        page["noindex"] = true
        emit("not-found", path: notFound, page: page, owner: "the 404 page", into: &output)
        let search = Routes.site.search
        emit("search", path: search, page: context.page(title: t["search"], path: search, kind: "search"),
             values: ["search_strings": .text(t.searchScriptJSON)],
             breadcrumbs: [(t["home"], .home)], owner: "the search page", into: &output)
    }
}
