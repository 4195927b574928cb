/// The built-in templates that exist twice: as Mustache, which is what sites see, copy and
/// override, and compiled to Swift here, which is what a build runs when it can.
///
/// A compiled template stands in for the Mustache one only when the site overrides none of
/// the templates it uses (its layout and partials included), so a site's own templates
/// always take effect. The two must give the same bytes for every page:
/// `CompiledThemeTests` renders whole sites both ways and compares them, so an edit to a
/// built-in `.mustache` file without its twin here fails the tests. Why have both: on
/// 10,000 articles swift-mustache's dynamic lookups cost several seconds; these cost
/// milliseconds (docs/performance.md).
enum CompiledTheme {
    struct Template: Sendable {
        /// Every template file the Mustache version reads.
        let uses: Set<String>
        let render: @Sendable (inout CompiledPage) -> Void
    }

    static let templates: [String: Template] = [
        "article": Template(uses: ArticleTemplates.articleUses, render: ArticleTemplates.article),
        "article-list": Template(uses: ArticleTemplates.listUses, render: ArticleTemplates.list),
        "vacancy": Template(uses: VacancyTemplate.uses, render: VacancyTemplate.render),
        "vacancy-list": Template(uses: VacancyListTemplate.uses, render: VacancyListTemplate.render),
        "chapter": Template(uses: GuideTemplates.chapterUses, render: GuideTemplates.chapter),
        "principle-document": Template(uses: GuideTemplates.principlesUses, render: GuideTemplates.principleDocument),
    ]

    /// The compiled templates a site can use: those whose files it does not override.
    static func usable(overriding overridden: Set<String>) -> [String: Template] {
        templates.filter { $0.value.uses.isDisjoint(with: overridden) }
    }
}
