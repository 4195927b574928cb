/// Stage 3, **link**: reads every body's headings and links, resolves each link, checks its
/// fragment against the target's real ids, and gathers backlinks and glossary uses.
///
/// Every broken link of the whole site is reported in one run, at the link's own line and
/// column, before anything is rendered or written.
public enum Linker {
    /// Ids the theme puts beside a body: the change history's, on pages that have one.
    static func withTemplateAnchors(_ anchors: [PageKey: Set<String>], site: Site) -> [PageKey: Set<String>] {
        var anchors = anchors
        for item in site.items where !site.changes(of: item).isEmpty {
            anchors[item.key, default: []].insert(Routes.historyAnchor)
        }
        return anchors
    }

    /// - Parameter original: for a translation's site, the default language's site, whose
    ///   pages its links fall back to.
    public static func link(_ site: Site, original: Site? = nil) throws(Diagnostics) -> LinkedSite {
        try link(site, original: original, work: DirectWork())
    }

    /// - Parameter work: reads, checks and lints each body; `serve`'s gives back what it
    ///   computed for the same inputs (`StageWork`).
    /// - Parameter releasingBodies: let go of the Markdown of each body nothing will parse
    ///   again once it is read (`Site.releaseBodies`); `build` and `check` hand the site over for it.
    static func link(_ site: consuming Site, original: Site? = nil, work: any LinkWork,
                     releasingBodies: Bool = false) throws(Diagnostics) -> LinkedSite {
        var site = site
        var timer = StageTimer("link")
        defer { timer.report() }
        var sources = LinkSources(site)
        // Each body is parsed once, here, on both cores, in input order (`BodyReader`).
        let read = work.bodyReading(with: BodyReader(site))
        let basePath = site.settings.basePath
        let summaries = Parallel.map(sources.all) { source in ReadSummary(read(source), basePath: basePath) }
        if releasingBodies {
            // By index: zipping the two arrays copied every source and summary, on one core.
            var asRead: [PageKey: String] = [:]
            asRead.reserveCapacity(summaries.count)
            for index in summaries.indices where summaries[index].rendersAsRead {
                asRead[sources.all[index].key] = sources.all[index].body.path
            }
            sources.releaseBodies(site.releaseBodies { key, path in asRead[key] == path })
        }
        timer.lap("read")
        let anchors = Dictionary(uniqueKeysWithValues: zip(sources.all.map(\.key), summaries.map(\.anchors)))
        var world = LinkWorld(pages: sources.pagePaths, vacancies: sources.vacancyPaths, staticFiles: Set(site.staticFiles.map(\.path)),
                              leftOut: site.leftOut, anchors: withTemplateAnchors(anchors, site: site),
                              glossaryAnchors: Set(site.glossary.map(\.anchor)), basePath: site.settings.basePath)
        if let original { world.addOriginals(original, translation: site, languageName: site.settings.languages.first { $0.code == site.settings.languageCode }?.name) }
        let check = work.linkChecking(in: world)
        timer.lap("world")
        var problems = Diagnostics(site.warnings)
        let (documents, backlinks, uses) = gather(sources.all, summaries: summaries, check: check, images: ImageSizes(site.staticFiles),
                                                  problems: &problems)
        timer.lap("check")
        let sortedBacklinks = sortedUnique(backlinks)
        let sortedUses = sortedUnique(uses)
        timer.lap("sort")
        let nav = NavResolver.resolve(site.settings, checker: world.checker, problems: &problems)
        try problems.throwIfErrors()
        problems.append(contentsOf: Lint.warnings(site, documents: documents, backlinks: sortedBacklinks, nav: nav, work: work))
        timer.lap("lint")
        let linked = LinkedSite(site: site, documents: documents, backlinks: sortedBacklinks, glossaryUses: sortedUses, nav: nav,
                                warnings: problems.warnings, world: world)
        return linked
    }

    /// Each body's links checked, and its linked document made, on every core; then, on one,
    /// the site's documents gathered in input order, and its backlinks and glossary uses by
    /// position (`CitationLists`).
    private static func gather(_ all: [LinkSources.Source], summaries: [ReadSummary], check: @escaping CheckLinks, images: ImageSizes,
                               problems: inout Diagnostics)
        -> (documents: [PageKey: LinkedDocument], backlinks: [PageKey: [Citation]], uses: [GlossaryEntryID: [PageKey]]) {
        let positions = CitationLists.positions(of: all)
        var checked = Parallel.map(Array(all.indices)) { index in
            CheckedSource(all[index], read: summaries[index].read, check: check, images: images, positions: positions)
        }
        var documents: [PageKey: LinkedDocument] = [:]
        documents.reserveCapacity(all.count)
        // By index, with only each source's key read: iterating `all` copied each source,
        // body included, on this one core.
        for index in all.indices {
            problems.append(contentsOf: checked[index].problems)
            // Moved out, not copied: a copy retained every field here and released it again
            // when `checked` went.
            documents[all[index].key] = checked[index].document.take()
        }
        var lists = CitationLists(all)
        for index in lists.citingOrder {
            lists.add(citations: checked[index].citations, from: index)
            lists.add(uses: summaries[index].glossaryEntries, from: index)
        }
        let (backlinks, uses) = lists.dictionaries()
        return (documents, backlinks, uses)
    }

    /// What the one-thread part of the stage needs from a body's read, made on the core that
    /// read it: made after all reads, these took a tenth of a second on one core at 10,000 articles.
    private struct ReadSummary: Sendable {
        let read: BodyReader.Read
        let rendersAsRead: Bool
        let anchors: Set<String>
        /// The glossary entries the body uses, each once.
        let glossaryEntries: Set<GlossaryEntryID>

        init(_ read: BodyReader.Read, basePath: String) {
            self.read = read
            rendersAsRead = read.rendersAsRead(basePath: basePath)
            anchors = read.facts.anchors
            glossaryEntries = Set(read.glossaryMatches.values.joined().map(\.entry))
        }
    }

    /// A body's links checked and its linked document made, on the core that checked them.
    private struct CheckedSource: Sendable {
        /// The links' problems, then the guidance syntax's errors and warnings (reported with
        /// any other error), then the images'.
        let problems: [Diagnostic]
        let citations: CitationLists.Citations
        /// Taken by the gathering loop.
        var document: LinkedDocument?

        init(_ source: LinkSources.Source, read: BodyReader.Read, check: CheckLinks, images: ImageSizes, positions: [PageKey: Int]) {
            let checked = check(read.facts.links, source.key, source.contentPath)
            var problems = Diagnostics(checked.problems + read.facts.problems)
            let sized = images.sizes(checked.images, links: read.facts.links, problems: &problems)
            self.problems = problems.items
            citations = CitationLists.Citations(checked.citations, positions: positions)
            document = LinkedDocument(facts: read.facts, path: source.body.path, hrefs: checked.hrefs, glossaryMatches: read.glossaryMatches,
                                      images: sized, html: read.html)
        }
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
}
