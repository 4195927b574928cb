/// Stage 2, **model**: turns the `SourceTree` into a typed `Site`, checking every field.
///
/// All problems of all files are collected before anything is thrown, so one build
/// names every mistake.
public enum ModelBuilder {
    public struct Options: Sendable {
        public var buildDate: Day?
        public var includeDrafts: Bool
        public var baseURL: String?

        public init(buildDate: Day? = nil, includeDrafts: Bool = false, baseURL: String? = nil) {
            self.buildDate = buildDate
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
        }
    }

    public static func build(_ tree: SourceTree, options: Options = Options()) throws(Diagnostics) -> Site {
        try build(tree, options: options, work: DirectWork())
    }

    /// - Parameter work: builds each item; `serve`'s gives a document that did not change the
    ///   item it gave last time (`StageWork`).
    static func build(_ tree: SourceTree, options: Options = Options(), work: any ModelWork) throws(Diagnostics) -> Site {
        var timer = StageTimer("model")
        defer { timer.report() }
        let (settingsValue, settingsProblems) = SettingsReader.read(tree.settings, path: tree.settingsPath, baseURLOverride: options.baseURL)
        guard let settings = settingsValue else { throw Diagnostics(settingsProblems) }
        var problems = Diagnostics(settingsProblems + tree.problems)
        let today = options.buildDate ?? Day.today(in: settings.timeZone)
        let (builtItems, vacancies, vacancyProblems) = buildAll(tree, settings: settings, work: work)
        for built in builtItems { problems.append(contentsOf: built.problems) }
        problems.append(contentsOf: Translations.unknownLanguages(tree.documents, settings: settings))
        problems.append(contentsOf: vacancyProblems)
        timer.lap("items")

        let items = builtItems.compactMap(\.item)
        let parts = Parts(today: today, options: options, tree: tree)
        var site = parts.site(items.filter { $0.language == nil }, settings: settings, vacancies: vacancies, problems: &problems)
        site.translations = settings.languages.map { language in
            let own = Translations.inheritingOrder(items.filter { $0.language == language.code }, from: site)
            return parts.site(own, settings: settings.forLanguage(language), vacancies: vacancies.compactMap { $0.translated(to: language.code) },
                              problems: &problems)
        }
        timer.lap("site")
        problems.append(contentsOf: Translations.check(site))
        let outdated = Translations.markOutdated(site)
        problems.append(contentsOf: outdated.warnings)
        site.translations = outdated.translations
        try problems.throwIfErrors()
        site.warnings = problems.warnings
        defer { timer.lap("versions") }
        return site.withPageVersions()
    }

    /// One job of the model's parallel map, and what it gives.
    private enum Job: Sendable {
        case vacancies
        case document(Int)
    }

    private enum Outcome: Sendable {
        case vacancies([Vacancy], problems: [Diagnostic])
        case item(ItemBuilder.Built)
    }

    /// Each document's item, built on its own on every core and gathered in order, and the
    /// vacancies with their problems: one more job of the same map, first (built after it,
    /// alone, they kept a core idle).
    private static func buildAll(_ tree: SourceTree, settings: SiteSettings, work: any ModelWork)
        -> (items: [ItemBuilder.Built], vacancies: [Vacancy], vacancyProblems: [Diagnostic]) {
        let timeZone = settings.timeZone
        let languages = settings.languages.map(\.code)
        let jobs = [Job.vacancies] + tree.documents.indices.map(Job.document)
        let outcomes = Parallel.map(jobs) { job -> Outcome in
            switch job {
            case .vacancies:
                var builder = VacancyBuilder(timeZone: timeZone, languages: languages)
                return .vacancies(builder.vacancies(tree.vacancyRecords), problems: builder.problems)
            case .document(let index):
                return .item(work.buildItem(tree.documents[index], timeZone: timeZone))
            }
        }
        var items: [ItemBuilder.Built] = []
        items.reserveCapacity(tree.documents.count)
        var vacancies: [Vacancy] = [], vacancyProblems: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .item(let built): items.append(built)
            case .vacancies(let built, let problems): (vacancies, vacancyProblems) = (built, problems)
            }
        }
        return (items, vacancies, vacancyProblems)
    }

    /// What every language's site is assembled with.
    private struct Parts {
        let today: Day
        let options: Options
        let tree: SourceTree

        /// One language's site from its items; problems go to `problems`, warnings to the caller.
        func site(_ items: [ItemBuilder.Built.Item], settings: SiteSettings, vacancies: [Vacancy],
                  problems: inout Diagnostics) -> Site {
            var articles: [Article] = [], principles: [PrincipleDocument] = [], chapters: [GuideChapter] = [], pages: [Page] = []
            for item in items {
                switch item {
                case .article(let article): articles.append(article)
                case .principleDocument(let principle): principles.append(principle)
                case .chapter(let chapter): chapters.append(chapter)
                case .page(let page): pages.append(page)
                }
            }
            let (published, leftOut) = publishedArticles(articles, today: today, includeDrafts: options.includeDrafts)
            let guideIndex = chapters.first { $0.isGuideIndex }
            let orderedChapters = chapters.filter { !$0.isGuideIndex }.sorted(by: chapterOrder)
            let all = published.map(\.item) + principles.map(\.item) + chapters.map(\.item) + pages.map(\.item)
            problems.append(contentsOf: URLCollisions.check(items: all, languages: settings.languageCode == nil ? settings.languages : []))
            problems.append(contentsOf: futureChanges(all, today: today))
            let glossary = Glossary.terms(of: chapters, problems: &problems)
            return Site(settings: settings, buildDate: today, includeDrafts: options.includeDrafts,
                        articles: published, principleDocuments: principles.sorted { $0.item.id < $1.item.id },
                        chapters: orderedChapters, guideIndex: guideIndex, pages: pages.sorted { $0.item.id < $1.item.id },
                        vacancies: sortedVacancies(vacancies, today: today), glossary: glossary,
                        staticFiles: tree.staticFiles, templates: tree.templates, leftOut: leftOut, warnings: [])
        }
    }

    /// A change dated after the build day is left out until its day, like a future article;
    /// the author is told, since a wrong year is the likelier cause.
    fileprivate static func futureChanges(_ items: [ContentItem], today: Day) -> [Diagnostic] {
        items.flatMap { item in
            item.changes.filter { $0.date.day > today }.map { change in
                .warning("this change is dated \(change.date.day), after the build date \(today): it is left out until then",
                         at: change.location, code: "future-change")
            }
        }
    }

    /// Drafts and future-dated articles are left out unless `--drafts`; newest first.
    fileprivate static func publishedArticles(_ articles: [Article], today: Day, includeDrafts: Bool) -> ([Article], [String: String]) {
        var leftOut: [String: String] = [:]
        var published: [Article] = []
        for article in articles {
            if !includeDrafts && article.draft {
                leftOut[article.item.id] = "is a draft (build with --drafts to include it)"
            } else if !includeDrafts && article.date.day > today {
                leftOut[article.item.id] = "is dated \(article.date.day), after the build date \(today)"
            } else {
                published.append(article)
            }
        }
        // Newest first, then by id. Indices are sorted, not articles: swapping whole
        // `Article` values made this one-thread sort a tenth of the model stage.
        let order = published.indices.sorted { a, b in
            (published[a].date, published[b].item.id) > (published[b].date, published[a].item.id)
        }
        return (order.map { published[$0] }, leftOut)
    }

    fileprivate static func chapterOrder(_ a: GuideChapter, _ b: GuideChapter) -> Bool {
        (a.order ?? Int.max, a.item.id) < (b.order ?? Int.max, b.item.id)
    }

    /// Open first (soonest closing, then title), then closed.
    fileprivate static func sortedVacancies(_ vacancies: [Vacancy], today: Day) -> [Vacancy] {
        // Indices sorted, each vacancy's key read once: sorting the vacancies themselves
        // copied and destroyed whole records at every move, on one core.
        let keys = vacancies.map { (open: $0.isOpen(on: today), closes: $0.closes, title: $0.title, id: $0.id) }
        let order = keys.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x.open != y.open { return x.open }
            return (x.closes, x.title, x.id) < (y.closes, y.title, y.id)
        }
        return order.map { vacancies[$0] }
    }
}
