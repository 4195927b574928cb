/// `/updates/` (every change on the site) and `/guide/updates/` (the member guide's), newest
/// first, grouped by day and paginated like `/articles/`.
extension PageFactory {
    static let updatesPerPage = 20

    func updatePages(into output: inout RenderOutput) {
        let all = site.updates
        updateList(all, guide: false, into: &output)
        updateList(all.filter(\.isGuide), guide: true, into: &output)
    }

    private func updateList(_ updates: [PageUpdate], guide: Bool, into output: inout RenderOutput) {
        let chunks = stride(from: 0, to: max(updates.count, 1), by: Self.updatesPerPage).map {
            Array(updates[$0..<min($0 + Self.updatesPerPage, updates.count)])
        }
        let paths = chunks.indices.map { Routes.site.updates(guide: guide, page: $0 + 1) }
        let name = guide ? t["guide_updates"] : t["updates"]
        var crumbs: [(String, SitePath)] = [(t["home"], .home)]
        if guide { crumbs.append((t["member_guide"], Routes.site.guide)) }
        for (index, chunk) in chunks.enumerated() {
            let title = index == 0 ? name : "\(name), page \(index + 1) of \(chunks.count)"
            let summary = guide ? t["guide_updates_summary"] : t["updates_summary"]
            let page = context.page(title: title, path: paths[index], kind: "updates", extra: ["summary": .text(summary)])
            let values: TemplateRecord = ["days": .list(updateDays(chunk)), "pagination": pagination(paths, current: index),
                                          "is_guide": .flag(guide)]
            emit("updates", path: paths[index], page: page, values: values, breadcrumbs: crumbs,
                 owner: guide ? "the guide's updates page" : "the updates page", into: &output)
        }
    }

    /// Changes grouped by their day, in the order given.
    func updateDays(_ updates: [PageUpdate]) -> [TemplateValue] {
        var days: [TemplateValue] = []
        var current: Day?
        var entries: [TemplateValue] = []
        func close() {
            if let current { days.append(["date": date(current), "updates": .list(entries)]) }
        }
        for update in updates {
            if update.change.date.day != current {
                close()
                (current, entries) = (update.change.date.day, [])
            }
            entries.append(updateEntry(update))
        }
        close()
        return days
    }

    func updateEntry(_ update: PageUpdate) -> TemplateValue {
        ["title": .text(update.item.title), "href": .text(context.href(update.item.url) + "#" + Routes.historyAnchor),
         "note": .text(update.change.note), "date": date(update.change.date)]
    }
}
