/// Stage 4, **render**: turns the linked site into files, each page through cmark (safe
/// mode, rewritten tree) and a Mustache template, plus feeds, sitemap and assets. Every file
/// goes into the sink the caller gives (`RenderSink`); the value returned says what they are.
public enum Renderer {
    /// Renders a linked site, every file into `sink`.
    /// - Parameter compiledTheme: false renders every page through swift-mustache (`TemplateSet`).
    static func render(_ linked: LinkedSite, into sink: any RenderSink, compiledTheme: Bool = true) throws(Diagnostics) -> RenderedSite {
        try render(linked, into: sink, work: DirectWork(), deferSearch: false, compiledTheme: compiledTheme).site
    }

    /// The same, with the parts of the render a body-only `serve` rebuild reuses.
    /// - Parameter work: makes each page, body and search document (`StageWork`).
    /// - Parameter deferSearch: leave the search index out, for `serve` to make when asked (`PreviewBuild`).
    static func render(_ linked: LinkedSite, into sink: any RenderSink, work: any RenderWork, deferSearch: Bool,
                       compiledTheme: Bool) throws(Diagnostics) -> (site: RenderedSite, reusable: PageFactory.Reusable) {
        let templates = try TemplateSet.load(overrides: linked.site.templates, compiled: compiledTheme)
        let assets = ThemeOverrides.assets(linked.site.templates)
        var stringWarnings: [Diagnostic] = []
        let strings = try ThemeStrings.load(language: linked.site.settings.language, site: linked.site.templates,
                                            englishFallbackAt: linked.site.settings.englishFallback, warnings: &stringWarnings)
        if linked.site.settings.languageCode == nil {
            stringWarnings += ThemeStrings.unusedTables(site: linked.site.templates, settings: linked.site.settings)
        }
        let pages = PageFactory(linked: linked, templates: templates, strings: strings, assetPaths: AssetNames.paths(assets), work: work)
        var site = RenderedSite()
        site.warnings = linked.warnings + stringWarnings
        site.basePath = linked.site.settings.basePath
        site.buildDate = linked.site.buildDate
        site.reviewsDue = linked.site.reviewsDue
        site.missingTranslations = linked.site.missingTranslations
        var output = RenderOutput(site: site, sink: sink)
        var timer = StageTimer("render")
        defer { timer.report() }
        // The search index first, on every core. Made on a thread of its own beside the pages
        // (as it was), it took memory of its own from the allocator (a new thread gets an arena
        // of its own) instead of reusing what the Link stage let go of: 50 MB more at the peak
        // at 10,000 articles.
        let search = deferSearch ? nil : SearchIndexWriter.files(linked, work: work)
        timer.lap("search")
        pages.home(into: &output)
        timer.lap("home")
        pages.articles(into: &output)
        timer.lap("articles")
        pages.principles(into: &output)
        timer.lap("principles")
        pages.guide(into: &output)
        timer.lap("guide")
        pages.standalonePages(into: &output)
        pages.vacancies(into: &output)
        timer.lap("vacancies")
        pages.special(into: &output)
        pages.updatePages(into: &output)
        timer.lap("special")
        if let search { output.add(search, owner: "the search index") }
        Feeds.write(linked.site, strings: strings, into: &output)
        // What every language shares is written once, by the default language's render: the
        // assets and static files, and (on a site of one language; else `Translated`, once all
        // are rendered) the sitemap and robots.txt.
        let isTranslation = linked.site.settings.languageCode != nil
        if !isTranslation && linked.site.translations.isEmpty { SitemapWriter.write(linked.site, into: &output) }
        timer.lap("feeds+sitemap")
        if !isTranslation {
            for (name, path) in pages.context.assetPaths.sorted(by: { $0.key < $1.key }) {
                if let bytes = assets[name] { output.add(path, bytes, owner: "the theme") }
            }
            try copyStatic(linked.site, into: &output.site)
        }
        try Diagnostics(output.site.collisions).throwIfErrors()
        try sink.check()
        output.site.warnings += templates.valueCheck.warnings
        timer.lap("static")
        return (output.site, pages.reusable)
    }

    /// Static files land at the output root, but never over a generated page, and never
    /// beside a path that differs only in case: on a case-insensitive host (macOS, Windows,
    /// many web servers' file systems) the two would be one file.
    private static func copyStatic(_ site: Site, into output: inout RenderedSite) throws(Diagnostics) {
        // Folding every output path's case is for static files only (a site without them skips it).
        guard !site.staticFiles.isEmpty else { return }
        var problems = Diagnostics()
        var folded: [String: String] = [:]
        for path in output.owners.keys.sorted() { folded[path.lowercased()] = path }
        for file in site.staticFiles {
            let location = SourceLocation(path: "content/static/" + file.path)
            if let owner = output.owners[file.path] {
                problems.append(.error("static file would overwrite /\(file.path), written for \(owner)", at: location, code: "duplicate-url"))
                continue
            }
            if let other = folded[file.path.lowercased()] {
                problems.append(.error("/\(file.path) and /\(other) differ only in case: on a case-insensitive host they are the same file",
                                       at: location, code: "duplicate-url"))
                continue
            }
            folded[file.path.lowercased()] = file.path
            output.copies[file.path] = file.absolutePath
        }
        try problems.throwIfErrors()
    }
}

/// Builds every page; one file per page kind extends it. It holds only values, so pages
/// render in parallel. A class, not a struct: every page closure on every thread used to
/// copy (retain and release) each of its fields.
final class PageFactory: Sendable {
    let linked: LinkedSite
    let templates: TemplateSet
    let context: SiteContext
    let refs: PageRefs
    /// Related articles, chosen once for all article pages.
    let related: RelatedArticles
    let bodies: BodyRenderer
    /// Each compiled template's `site.…` values, resolved once for every page (`SiteConstants`).
    let siteConstants: [String: SiteConstants]
    /// Makes each page and body, given what they all share (`RenderWorld`).
    let pageWork: any PageWork

    /// What a render made that a body-only rebuild can keep: body edits change no title, URL,
    /// tag, link or template, so none of these change.
    struct Reusable: Sendable {
        let templates: TemplateSet
        let refs: PageRefs
        let related: RelatedArticles
        let assetPaths: [String: String]
        let strings: ThemeStrings
    }

    var reusable: Reusable {
        Reusable(templates: templates, refs: refs, related: related, assetPaths: context.assetPaths, strings: context.strings)
    }

    /// - Parameter reusing: the last render's parts, for a body-only rebuild (`BodyEdit`).
    /// - Parameter assetPaths: each theme asset's hashed output path, by file name (`AssetNames`).
    init(linked: LinkedSite, templates: TemplateSet, strings: ThemeStrings, assetPaths: [String: String], work: any RenderWork,
         reusing: Reusable? = nil) {
        self.linked = linked
        self.templates = templates
        context = SiteContext(settings: linked.site.settings, nav: linked.nav, assetPaths: reusing?.assetPaths ?? assetPaths,
                              strings: reusing?.strings ?? strings, versions: linked.site.pageVersions)
        siteConstants = templates.siteConstants(for: context.sharedSite)
        let strings = context.strings
        (related, refs) = Parallel.pair({ reusing?.related ?? work.relatedArticles(linked.site.articles, backlinks: linked.backlinks) },
                                        { reusing?.refs ?? PageRefs(linked.site, strings: strings) })
        pageWork = work.pageWork(sharing: RenderWorld(
            settings: linked.site.settings, nav: linked.nav, templates: templates.fingerprint, glossary: linked.site.glossary,
            buildDate: linked.site.buildDate, includeDrafts: linked.site.includeDrafts, assetPaths: context.assetPaths,
            strings: context.strings, outdatedTranslations: linked.site.outdatedTranslations))
        bodies = BodyRenderer(linked: linked, work: pageWork, strings: context.strings)
    }

    var site: Site { linked.site }
    var settings: SiteSettings { linked.site.settings }

    /// Renders a template for a page and adds it to the output (and the sitemap unless noindex).
    func emit(_ template: String, path: SitePath, page: consuming TemplateRecord, values: consuming TemplateRecord = [:],
              breadcrumbs: [(String, SitePath)] = [], lastModified: String? = nil, owner: String, into output: inout RenderOutput) {
        output.add(render(template, path: path, page: page, values: values, breadcrumbs: breadcrumbs, lastModified: lastModified, owner: owner))
    }

    /// Renders one page; safe to call from many threads at once (see `Parallel.map`).
    /// - Parameters: page, values: taken, not borrowed, so the page's data grows in place
    ///   instead of in a copy of the builder's dictionaries.
    func render(_ template: String, path: SitePath, page: consuming TemplateRecord, values: consuming TemplateRecord = [:],
                breadcrumbs: [(String, SitePath)] = [], lastModified: String? = nil, owner: String) -> RenderedPage {
        var data = values
        // Mustache cannot test a list for emptiness, so each list gets a `has_<name>` flag.
        let lists = data.compactMap { key, value -> (String, Bool)? in
            if case .list(let items) = value { (key, items.isEmpty) } else { nil }
        }
        for (key, isEmpty) in lists { data["has_" + key] = .flag(!isEmpty) }
        data["has_breadcrumbs"] = .flag(!breadcrumbs.isEmpty)
        // Cards in lists are headed one level below the page's h1 unless the page nests them deeper.
        if data["card_heading"] == nil { data["card_heading"] = "h2" }
        data["site"] = .record(context.site(current: path))
        var page = page
        let crumbs = breadcrumbs.map { ["title": .text($0.0), "href": .text(context.href($0.1))] as TemplateValue }
        var jsonLD: [TemplateValue] = []
        if case .list(let items)? = page["json_ld"] { jsonLD = items }
        if !breadcrumbs.isEmpty {
            let title: String = page["title"]?.text ?? ""
            jsonLD.append(.text(JSONLD.breadcrumbs(breadcrumbs + [(title, path)], settings: settings)))
        }
        page["json_ld"] = .list(jsonLD)
        data["page"] = .record(page)
        data["breadcrumbs"] = .list(crumbs)
        templates.checkValues(template, data)
        let render = { self.templates.bytes(template, data, site: self.siteConstants[template]) }
        let bytes = pageWork.page(path, fingerprint: ContextFingerprint.of(template: template, templates: templates.fingerprint, data: data),
                                  render: render)
        return RenderedPage(path: path, bytes: bytes, owner: owner, inSitemap: page["noindex"] == nil, lastModified: lastModified)
    }

    /// Backlinks of a page, as template entries.
    func backlinks(_ key: PageKey) -> TemplateValue {
        .list(refs.links((linked.backlinks[key] ?? []).map(\.source)))
    }

    /// `##` headings for a contents list; shown when a page has at least two.
    func contents(_ key: PageKey) -> TemplateValue {
        let headings = (linked.documents[key]?.headings ?? []).filter { $0.level == 2 }
        guard headings.count >= 2 else { return [] }
        return .list(headings.map { ["id": .text($0.id), "text": .text($0.text)] as TemplateValue })
    }

    /// Common `page` extras of a content item: summary, params, review notice.
    /// - Parameter kind: `page.kind`; by default the kind's template name (`ContentKind.descriptor`).
    func itemPage(_ item: ContentItem, kind: String? = nil, extra: TemplateRecord = [:]) -> TemplateRecord {
        var more: TemplateRecord = ["params": .record(TemplateValue.of(item.params))]
        if let summary = item.summary { more["summary"] = .text(summary) }
        if let original = site.outdatedTranslations[item.location.path] {
            more["outdated_translation"] = ["original_href": .text(original.href), "original_language": .text(original.language)]
        }
        if let review = item.reviewBy {
            more["review_by"] = date(review)
            if site.isReviewDue(item) { more["review_due"] = true }
        }
        more.merge(extra) { _, new in new }
        return context.page(title: item.title, path: item.url, kind: kind ?? item.kind.descriptor.template, description: item.summary, extra: more)
    }
}
