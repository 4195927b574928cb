import Foundation

/// One `serve` build: the site with every file in memory, and what only the preview needs.
///
/// It is made by the same stages as `build` and `check` (`Build.stages`, into a `MemorySink`);
/// what serve adds stays here rather than in the stage values: the stages' inputs a body-only
/// rebuild starts from, the search index left to be made when first asked for, and how many
/// pages the cache spared.
struct PreviewBuild: Sendable {
    var sources: SourceTree
    var linked: LinkedSite
    var site: RenderedSite
    /// Generated files, by output path (static files are read from `site.copies` when asked for).
    var files: [String: [UInt8]]
    /// The search index, not in `files`: it depends on every page's text, so any edit changes
    /// it, and nobody needs it until they search (see `DeferredFiles`). Nil when not deferred.
    var deferred: DeferredFiles?
    /// Parts of the render a body-only rebuild reuses (`BodyEdit`).
    let reusable: PageFactory.Reusable
    /// Pages actually rendered by this build (the rest came from the cache).
    var pagesRendered: Int
    /// Which build this is, so that a body-only rebuild can name the one it started from.
    var id = UUID()
    /// For a body-only rebuild (`BodyEdit`): the build it started from and the output paths it
    /// wrote over that build's. Only those can differ, so publishing compares them instead of
    /// every file (12,000 comparisons were a tenth of a body edit). Nil for a full build.
    var rewritten: (from: UUID, paths: Set<String>)?

    var pageCount: Int { site.pageCount }

    /// Stages 1–4 into memory, leaving the default language's search index to `deferred`
    /// unless `deferSearch` is false (tests comparing whole builds).
    /// - Parameter cache: kept between rebuilds, the stages' memoised work; nil computes everything.
    static func make(_ options: Build.Options, cache: BuildCache?, deferSearch: Bool = true) throws(Diagnostics) -> PreviewBuild {
        let sink = MemorySink()
        let work = cache.work
        let stages = try Build.stages(options, into: sink, work: work, deferSearch: deferSearch, keepSources: true)
        let pagesRendered = cache?.endBuild() ?? stages.rendered.pageCount
        let linked = stages.linked
        // `keepSources: true` above: the tree is there.
        return PreviewBuild(sources: stages.sources!, linked: linked, site: stages.rendered, files: sink.files,
                            deferred: deferSearch ? search(linked, work: work) : nil, reusable: stages.reusable,
                            pagesRendered: pagesRendered)
    }

    /// The default language's search index, made on first use.
    static func search(_ linked: LinkedSite, work: any RenderWork) -> DeferredFiles {
        DeferredFiles(covers: SearchIndex.isIndexFile) { SearchIndexWriter.files(linked, work: work) }
    }
}

extension BuildCache? {
    /// The stages' per-item work: memoised through the cache, or computed without one.
    var work: any StageWork { self ?? DirectWork() }
}
