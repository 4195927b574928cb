/// What the templates get to show that a page changed: `updated` under the title (with
/// `has_history` for its "See all updates" link) and the history at the end of the page
/// (`partial-history`), from the changes the model says have happened by the build day.
extension PageFactory {
    /// - Parameters:
    ///   - published: the kind's publication date (an article's `date`, a principle document's
    ///     `adopted`), if it has one: "Last updated" shows only for a later change.
    ///   - updated: an article's `updated:`, which stands in when it has no `changes`.
    ///   - idPrefix: `/guide/print/` puts each chapter's ids under its slug.
    ///   - open: print views show the history open.
    func historyValues(_ item: ContentItem, published: Day?, updated: ContentDate? = nil,
                       idPrefix: String = "", headingLevel: Int = 2, open: Bool = false) -> TemplateRecord {
        let changes = site.changes(of: item)
        var values: TemplateRecord = ["has_history": .flag(!changes.isEmpty)]
        if let last = site.lastUpdated(item, updated: updated), published.map({ last.day > $0 }) ?? true {
            values["updated"] = date(last)
            values["has_dates"] = true
        }
        if published != nil { values["has_dates"] = true }
        guard !changes.isEmpty else { return values }
        values["history"] = .list(changes.map(change))
        values["first_published"] = published.map { date($0) } ?? .record([:])
        values["history_id"] = .text(idPrefix + Routes.historyAnchor)
        values["history_heading"] = "h\(headingLevel)"
        if open { values["history_open"] = true }
        return values
    }

    private func change(_ change: Change) -> TemplateValue {
        var value = DateContext.of(change.date, in: t)
        value["note"] = .text(change.note)
        if let version = change.version { value["change_version"] = .text(version) }
        return .record(value)
    }
}
