import Foundation

/// The common edit while previewing — words changed in the body of a page — taken through the
/// stages for that one body instead of for the whole site.
///
/// It applies only when it can prove what else is unchanged: every changed file is a page of
/// the last build, its front matter is the same, and its body has the same headings (so the
/// same ids), the same link destinations (so the same backlinks, citations and related
/// articles) and uses the same glossary entries (so the same "used in" lists). Then the only
/// outputs that can differ are the page itself (and the printable guide, for a chapter) and
/// the search index; everything else in the last build stays as it was. Otherwise `rebuild`
/// returns nil and `serve` runs the whole, memoised pipeline. Tests check both ways against a
/// full build.
///
/// Each stage's work on the body is the stages' own per-item functions (`StageWork`: read the
/// file, build the item, read the body, check its links, lint it, render its pages), through
/// the same cache as a full rebuild; what is here is only the proof that nothing else changed.
enum BodyEdit {
    /// At most this many files at once (a save-all in an editor): beyond, the memoised full
    /// rebuild is as quick.
    static let maxFiles = 8

    /// The last build with the changed files' new bodies, or nil when the edit is more than that.
    /// - Parameter changed: absolute paths the watcher reported.
    /// - Parameter cache: `serve`'s, whose memoised work the body goes through; nil computes it.
    static func rebuild(_ changed: Set<String>, last: PreviewBuild, root: SiteRoot, cache: BuildCache?) -> PreviewBuild? {
        var timer = StageTimer("body edit")
        defer { timer.report() }
        var linked = last.linked
        var sources = last.sources
        var warnings = last.linked.warnings
        var edited: [ContentItem] = []
        let files = relevant(changed, last: last, root: root)
        guard let files, !files.isEmpty, files.count <= maxFiles else { return nil }
        timer.lap("paths")
        let work = cache.work
        var steps: Edit.Steps?
        let maxBytes = SourceLoader.maxFileSize(last.sources.settings) ?? TextFileReader.defaultMaxBytes
        let reader = TextFileReader(root: root, maxBytes: maxBytes)
        for path in files {
            // Load: the same reader as a full build, the same limit; a file that fails goes the full way.
            guard let old = last.sources.documents.first(where: { $0.path == path }),
                  case .success(let source) = work.readDocument(root.root.appendingPathComponent(path), kind: old.kind, reader: reader)
            else { return nil }
            // Saved without a change (or touched): nothing to do for this file.
            if source == old { continue }
            // What every body shares is unchanged by a body edit: the reader and the link world.
            let shared = steps ?? Edit.Steps(work: work, read: work.bodyReading(with: BodyReader(last.linked.site)),
                                             check: work.linkChecking(in: last.linked.world))
            steps = shared
            guard let edit = Edit(source, old: old, stages: last, steps: shared) else { return nil }
            guard let site = linked.site.replacing(edit.item) else { return nil }
            linked.site = site
            linked.documents[edit.key] = edit.document
            warnings = replacing(edit.oldWarnings, with: edit.newWarnings, in: warnings)
            sources.documents = sources.documents.map { $0.path == edit.source.path ? edit.source : $0 }
            edited.append(edit.contentItem)
        }
        guard !edited.isEmpty else {
            var unchanged = last
            unchanged.pagesRendered = 0
            return unchanged
        }
        linked.warnings = warnings
        timer.lap("load+model+link")
        var rendered = render(edited, linked: linked, last: last, work: work)
        rendered?.sources = sources
        timer.lap("render")
        return rendered
    }

    /// The changed Markdown files, or nil if any change could affect more than bodies: a file
    /// of the last build that is not a built page (settings, templates, vacancies, static
    /// files, drafts), or a path under which the last build read files (a moved folder).
    /// Paths that neither exist nor were read (an editor's temporary file) do not matter.
    private static func relevant(_ changed: Set<String>, last: PreviewBuild, root: SiteRoot) -> [String]? {
        var files: [String] = []
        var others: [(path: String, exists: Bool)] = []
        for absolute in changed.sorted() {
            let path = root.relativePath(URL(fileURLWithPath: absolute))
            // A built page's key is its path below content/, its body's path the file's.
            if path.hasPrefix("content/"), let document = last.linked.documents[.item(String(path.dropFirst("content/".count)))],
               document.path == path {
                files.append(path)
            } else {
                others.append((path, FileManager.default.fileExists(atPath: absolute)))
            }
        }
        guard !others.isEmpty else { return files }
        let read = readPaths(last.sources, root: root)
        for other in others where other.exists || read.contains(other.path) || read.contains(where: { $0.hasPrefix(other.path + "/") }) {
            return nil
        }
        return files
    }

    /// Every file the last build read, relative to the site root.
    private static func readPaths(_ sources: SourceTree, root: SiteRoot) -> [String] {
        sources.documents.map(\.path) + sources.vacancyRecords.map(\.location.path) + sources.templates.values.map(\.path)
            + sources.staticFiles.map { root.relativePath(URL(fileURLWithPath: $0.absolutePath)) } + [sources.settingsPath]
    }

    /// The changed body's pages rendered again, the search index deferred, the rest kept.
    private static func render(_ items: [ContentItem], linked: LinkedSite, last: PreviewBuild, work: any StageWork) -> PreviewBuild? {
        let reusable = last.reusable
        let pages = PageFactory(linked: linked, templates: reusable.templates, strings: reusable.strings, assetPaths: reusable.assetPaths,
                                work: work, reusing: reusable)
        var output = last
        output.linked = linked
        var rendered: [RenderedPage] = []
        for item in items {
            guard let made = pages.pagesShowing(item) else { return nil }
            rendered += made
        }
        for page in rendered { output.files[page.path.outputFile] = page.bytes }
        output.id = UUID()
        output.rewritten = (from: last.id, paths: Set(rendered.map(\.path.outputFile)))
        output.site.warnings = Build.filtered(linked.warnings, settings: linked.site.settings)
        output.deferred = PreviewBuild.search(linked, work: work)
        output.pagesRendered = Set(rendered.map(\.path)).count
        return output
    }

    /// `after` with the diagnostics in `old` taken out (each once) and those in `new` added.
    private static func replacing(_ old: [Diagnostic], with new: [Diagnostic], in all: [Diagnostic]) -> [Diagnostic] {
        var remove = Dictionary(old.map { ($0, 1) }, uniquingKeysWith: +)
        var kept: [Diagnostic] = []
        for diagnostic in all {
            if let count = remove[diagnostic], count > 0 {
                remove[diagnostic] = count - 1
            } else {
                kept.append(diagnostic)
            }
        }
        return kept + new
    }

    /// One changed file, already loaded, taken through Model and Link on its own.
    private struct Edit {
        /// The stages' per-item work, the Link stage's for this site's reader and world.
        struct Steps {
            let work: any StageWork
            let read: ReadBody
            let check: CheckLinks
        }

        let key: PageKey
        let source: SourceDocument
        let item: ItemBuilder.Built.Item
        let contentItem: ContentItem
        let document: LinkedDocument
        let oldWarnings: [Diagnostic]
        let newWarnings: [Diagnostic]

        init?(_ source: SourceDocument, old: SourceDocument, stages: PreviewBuild, steps: Steps) {
            let site = stages.linked.site
            guard source.frontMatter == old.frontMatter, source.bodyFirstLine == old.bodyFirstLine,
                  let oldItem = site.item(id: old.contentPath), oldItem.location.path == old.path,
                  let oldDocument = stages.linked.documents[oldItem.key] else { return nil }
            // Model: same front matter, so the same item with the new body.
            let built = steps.work.buildItem(source, timeZone: site.settings.timeZone)
            guard let item = built.item, built.problems.isEmpty, let contentItem = item.contentItem, contentItem.id == oldItem.id else { return nil }
            // Link: the body's facts, which must leave every other page as it was.
            let linkSource = LinkSources.Source(item: contentItem)
            let read = steps.read(linkSource)
            let facts = read.facts, matches = read.glossaryMatches
            guard Self.sameForOtherPages(facts, oldDocument), !facts.problems.contains(where: { $0.severity == .error }) else { return nil }
            guard Self.entries(matches) == Self.entries(oldDocument.glossaryMatches) else { return nil }
            // The old body's first, so a memo is left holding the new one's.
            let oldChecked = steps.check(oldDocument.links, linkSource.key, linkSource.contentPath)
            let oldLint = steps.work.lintBody(oldDocument, key: linkSource.key)
            let checked = steps.check(facts.links, linkSource.key, linkSource.contentPath)
            guard !checked.problems.contains(where: { $0.severity == .error }), checked.hrefs == oldDocument.hrefs else { return nil }
            // Same image destinations (`sameForOtherPages`), so the same files and sizes.
            let document = LinkedDocument(facts: facts, path: contentItem.body.path, hrefs: checked.hrefs, glossaryMatches: matches,
                                          images: oldDocument.images, html: read.html)
            key = linkSource.key
            self.source = source
            self.item = item
            self.contentItem = contentItem
            self.document = document
            oldWarnings = oldChecked.problems + oldDocument.syntaxWarnings + oldLint
            newWarnings = checked.problems + document.syntaxWarnings + steps.work.lintBody(document, key: linkSource.key)
        }

        /// Headings (ids, levels, numbers) and link destinations are what other pages see.
        private static func sameForOtherPages(_ facts: DocumentFacts, _ old: LinkedDocument) -> Bool {
            facts.headings.map { [String($0.level), $0.text, $0.id, $0.principleNumber.map(String.init) ?? ""] }
                == old.headings.map { [String($0.level), $0.text, $0.id, $0.principleNumber.map(String.init) ?? ""] }
                && facts.links.map { [$0.destination, $0.isImage ? "image" : "link"] } == old.links.map { [$0.destination, $0.isImage ? "image" : "link"] }
                && facts.extraAnchors == old.extraAnchors
        }

        private static func entries(_ matches: [Int: [GlossaryMatcher.Match]]) -> Set<GlossaryEntryID> {
            Set(matches.values.joined().map(\.entry))
        }
    }
}
