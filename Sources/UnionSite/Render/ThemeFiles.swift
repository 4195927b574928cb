/// The built-in theme, embedded in the binary by SwiftPM (`.embedInCode` in Package.swift),
/// so `unionsite` needs no files beside it. `ThemeTests` checks this list against the folder.
enum ThemeFiles {
    static let bytes: [String: [UInt8]] = [
        "article-list.mustache": PackageResources.article_list_mustache,
        "article.mustache": PackageResources.article_mustache,
        "chapter.mustache": PackageResources.chapter_mustache,
        "glossary.mustache": PackageResources.glossary_mustache,
        "guide-index.mustache": PackageResources.guide_index_mustache,
        "guide-print.mustache": PackageResources.guide_print_mustache,
        "home.mustache": PackageResources.home_mustache,
        "layout.mustache": PackageResources.layout_mustache,
        "not-found.mustache": PackageResources.not_found_mustache,
        "page.mustache": PackageResources.page_mustache,
        "partial-article-summary.mustache": PackageResources.partial_article_summary_mustache,
        "partial-backlinks.mustache": PackageResources.partial_backlinks_mustache,
        "partial-breadcrumbs.mustache": PackageResources.partial_breadcrumbs_mustache,
        "partial-contents.mustache": PackageResources.partial_contents_mustache,
        "partial-dates.mustache": PackageResources.partial_dates_mustache,
        "partial-history.mustache": PackageResources.partial_history_mustache,
        "partial-pagination.mustache": PackageResources.partial_pagination_mustache,
        "partial-vacancy-summary.mustache": PackageResources.partial_vacancy_summary_mustache,
        "principle-document.mustache": PackageResources.principle_document_mustache,
        "principles.mustache": PackageResources.principles_mustache,
        "search.js": PackageResources.search_js,
        "search.mustache": PackageResources.search_mustache,
        "site.css": PackageResources.site_css,
        "tags.mustache": PackageResources.tags_mustache,
        "updates.mustache": PackageResources.updates_mustache,
        "vacancy-list.mustache": PackageResources.vacancy_list_mustache,
        "vacancy.mustache": PackageResources.vacancy_mustache,
    ]

    /// The `.mustache` files, by template name (`article`, `partial-contents`).
    static let templates: [String: SourceFile] = {
        var result: [String: SourceFile] = [:]
        for (file, content) in bytes where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            result[name] = SourceFile(path: "(built-in theme)/\(file)", text: String(decoding: content, as: UTF8.self))
        }
        return result
    }()

    /// Files copied to `/assets/`.
    static let assets: [String: [UInt8]] = bytes.filter { !$0.key.hasSuffix(".mustache") }
}
