/// Stage 3, **link**: reads every body's headings and links, resolves each link, checks its
/// fragment against the target's real ids, and gathers backlinks and glossary uses.
///
/// Every broken link of the whole site is reported in one run, at the link's own line and
/// column, before anything is rendered or written.
public enum Linker {
    /// Ids the theme puts beside a body: the change history's, on pages that have one.
    static func withTemplateAnchors(_ anchors: [String: Set<String>], site: Site) -> [String: Set<String>] {
        var anchors = anchors
        for item in site.items where !site.changes(of: item).isEmpty {
            anchors[item.id, default: []].insert(Routes.historyAnchor)
        }
        return anchors
    }

    /// - Parameter original: for a translation's site, the default language's site, whose
    ///   pages its links fall back to.
    public static func link(_ site: Site, original: Site? = nil, cache: BuildCache? = nil) throws(Diagnostics) -> LinkedSite {
        var timer = StageTimer("link")
        defer { timer.report() }
        let matcher = GlossaryMatcher(site.glossary)
        let sources = LinkSources(site)
        // Each body parses on its own: both cores share the work, in input order.
        let facts = Parallel.map(sources.all) { source in (source.key, collectFacts(source, cache: cache)) }
        let factsByKey = Dictionary(uniqueKeysWithValues: facts)
        timer.lap("facts")
        var world = LinkWorld(pages: sources.pagePaths, vacancies: sources.vacancyPaths, staticFiles: Set(site.staticFiles.map(\.path)),
                              leftOut: site.leftOut, anchors: withTemplateAnchors(factsByKey.mapValues(\.anchors), site: site),
                              glossaryAnchors: Set(site.glossary.map(\.anchor)), basePath: site.settings.basePath)
        if let original { world.addOriginals(original, translation: site, languageName: site.settings.languages.first { $0.code == site.settings.languageCode }?.name) }
        let checker = world.checker
        let worldVersion = cache?.linkWorlds.version(of: world)
        timer.lap("world")
        var problems = Diagnostics(site.warnings)
        var documents: [String: LinkedDocument] = [:]
        var backlinks: [String: [Citation]] = [:]
        var uses: [Int: [String]] = [:]
        let images = ImageSizes(site.staticFiles)
        // Glossary matching is the costliest scan: once per body, in parallel, here only.
        let glossaryMatches = Parallel.map(sources.all) { source -> [Int: [GlossaryMatcher.Match]]? in
            glossaryExclusions(source, site: site).map { excluded in
                let texts = factsByKey[source.key]!.texts
                let compute = { GlossaryLinking.chosen(in: texts, matcher: matcher, excluded: excluded) }
                return cache?.glossaryMatches.value(source.key, input: .init(texts: texts, glossary: site.glossary, excluded: excluded),
                                                    compute: compute) ?? compute()
            }
        }
        timer.lap("glossary")
        // Checking is per body, so on every core too; gathering backlinks and uses is not.
        let checks = Parallel.map(sources.all) { source -> LinkChecker.Checked in
            let links = factsByKey[source.key]!.links
            let check = { checker.check(links, from: source.key, contentPath: source.contentPath) }
            return worldVersion.map { version in
                cache!.checkedLinks.value(source.key, input: .init(links: links, contentPath: source.contentPath, world: version), compute: check)
            } ?? check()
        }
        for (index, source) in sources.all.enumerated() {
            let fact = factsByKey[source.key]!
            let checked = checks[index]
            problems.append(contentsOf: checked.problems)
            // The guidance syntax's errors and warnings, reported with any other error.
            problems.append(contentsOf: fact.problems)
            for (target, fragment) in checked.citations where target != source.key {
                backlinks[target, default: []].append(Citation(source: source.key, fragment: fragment))
            }
            let matches = glossaryMatches[index] ?? [:]
            for entry in Set(matches.values.joined().map(\.entry)) {
                uses[entry, default: []].append(source.key)
            }
            let sized = images.sizes(checked.images, links: fact.links, problems: &problems)
            documents[source.key] = LinkedDocument(facts: fact, path: source.body.path, hrefs: checked.hrefs, glossaryMatches: matches, images: sized)
        }
        timer.lap("check")
        let sortedBacklinks = sortedUnique(backlinks)
        let sortedUses = sortedUnique(uses)
        timer.lap("sort")
        let nav = NavResolver.resolve(site.settings, checker: checker, problems: &problems)
        try problems.throwIfErrors()
        problems.append(contentsOf: Lint.warnings(site, documents: documents, backlinks: sortedBacklinks, nav: nav, cache: cache))
        timer.lap("lint")
        let linked = LinkedSite(site: site, documents: documents, backlinks: sortedBacklinks, glossaryUses: sortedUses, nav: nav,
                                warnings: problems.warnings, checker: checker)
        return linked
    }

    /// Each list sorted, without repeats: gathered as arrays (no hashing per citation), then
    /// sorted on every core, which the one-thread `Set` inserts and sorts were not.
    private static func sortedUnique<Key: Hashable & Sendable, Element: Comparable & Sendable>(_ lists: [Key: [Element]]) -> [Key: [Element]] {
        let sorted = Parallel.map(Array(lists)) { key, list in
            (key, list.sorted().reduce(into: [Element]()) { unique, element in
                if unique.last != element { unique.append(element) }
            })
        }
        return Dictionary(uniqueKeysWithValues: sorted)
    }

    private static func collectFacts(_ source: LinkSources.Source, cache: BuildCache?) -> DocumentFacts {
        let compute = {
            DocumentFacts.collect(MarkdownDocument(source.body), numberPrinciples: source.numbersPrinciples)
        }
        guard let cache else { return compute() }
        return cache.facts.value(source.key, input: .init(body: source.body, numbersPrinciples: source.numbersPrinciples), compute: compute)
    }

    /// Nil when auto-linking is off for this page; else the entries it defines itself.
    static func glossaryExclusions(_ source: LinkSources.Source, site: Site) -> Set<Int>? {
        guard source.autolink ?? site.settings.autolink else { return nil }
        return Set(site.glossary.indices.filter { site.glossary[$0].chapterID == source.key })
    }
}
