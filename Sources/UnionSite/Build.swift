import Foundation

/// The pipeline, as a list: **load** → **model** → **link** → **render** → **write**.
///
/// Each stage takes the previous stage's value and returns a new one; `check` stops before
/// writing, and `serve` runs the same list on every change.
public enum Build {
    public struct Options: Sendable {
        public var root: SiteRoot
        public var model: ModelBuilder.Options
        /// False renders every page through swift-mustache instead of the templates compiled
        /// at load (`TemplateSet`); the tests that compare the two use it.
        var compiledTheme = true
        /// The process ends right after this build (`unionsite build`): what the stages made
        /// is then left for the exit to reclaim, not freed object by object. Freeing a
        /// 10,000-article site took a tenth of a second on one core at the very end.
        public var exitsAfterBuild = false

        public init(root: SiteRoot, model: ModelBuilder.Options = .init()) {
            self.root = root
            self.model = model
        }
    }

    public struct Result: Sendable {
        public let summary: SiteWriter.Summary
        public let warnings: [Diagnostic]
        public let seconds: Double
        /// The day the build was made for, and the pages due for review on it.
        public let buildDate: Day
        public let reviewsDue: [Site.ReviewDue]
    }

    /// Stages 1–5. Throws every problem found; on error the output folder is untouched.
    public static func run(_ options: Options) throws(Diagnostics) -> Result {
        let start = Date()
        // The render writes into the staging folder as it goes; the Write stage adds the static
        // files and swaps it in. On any error the staging folder goes and the output stays.
        let sink = try SiteWriter.staging(for: options.root.output)
        let rendered: RenderedSite
        do {
            let made = try stages(options, into: sink)
            if options.exitsAfterBuild { _ = Unmanaged.passRetained(Box(made)) }
            rendered = made.rendered
        } catch {
            SiteWriter.discard(sink)
            throw error
        }
        var timer = StageTimer("write")
        let summary = try SiteWriter.write(rendered, to: options.root.output, staged: sink)
        timer.lap("copies+swap")
        timer.report()
        return Result(summary: summary, warnings: rendered.warnings, seconds: Date().timeIntervalSince(start),
                      buildDate: rendered.buildDate, reviewsDue: rendered.reviewsDue)
    }

    /// Stages 1–4 with every file kept in memory: everything `build` checks, nothing written.
    /// `check` and tests use this.
    /// - Parameter cache: see `render(_:into:cache:)`.
    public static func render(_ options: Options, cache: BuildCache? = nil) throws(Diagnostics) -> InMemorySite {
        let sink = MemorySink()
        let site = try render(options, into: sink, cache: cache)
        return InMemorySite(site: site, files: sink.files)
    }

    /// Stages 1–4, every file into `sink`.
    /// - Parameter cache: kept by `serve` between rebuilds; a build without one does all the work.
    static func render(_ options: Options, into sink: any RenderSink, cache: BuildCache? = nil) throws(Diagnostics) -> RenderedSite {
        let rendered = try stages(options, into: sink, cache: cache).rendered
        _ = cache?.endBuild()
        return rendered
    }

    /// What stages 1–4 made besides the files: `serve` keeps it (`PreviewBuild`) so that an
    /// edit to one body can go through the same stages for that body alone (`BodyEdit`).
    struct Stages: Sendable {
        let sources: SourceTree
        let linked: LinkedSite
        let rendered: RenderedSite
        /// The default language's templates, strings and page references, which a body edit keeps.
        let reusable: PageFactory.Reusable
    }

    /// Stages 1–4, every file into `sink`. A caller with a cache ends the build with
    /// `BuildCache.endBuild` once it has what it needs.
    /// - Parameter deferSearch: leave the default language's search index out (`serve` makes it when asked).
    static func stages(_ options: Options, into sink: any RenderSink, cache: BuildCache? = nil,
                       deferSearch: Bool = false) throws(Diagnostics) -> Stages {
        var timer = StageTimer()
        defer { timer.report() }
        let sources = try SourceLoader.load(options.root, cache: cache)
        timer.lap("load")
        let site = try ModelBuilder.build(sources, options: options.model, cache: cache)
        timer.lap("model")
        let linked = try Linker.link(site, cache: cache)
        timer.lap("link")
        var (rendered, reusable) = try Renderer.render(linked, into: sink, cache: cache, deferSearch: deferSearch,
                                                       compiledTheme: options.compiledTheme)
        timer.lap("render")
        if !site.translations.isEmpty {
            try Translated.renderAll(linked, into: &rendered, sink: sink, compiledTheme: options.compiledTheme)
            timer.lap("translations")
        }
        rendered.warnings = filtered(rendered.warnings, settings: site.settings)
        return Stages(sources: sources, linked: linked, rendered: rendered, reusable: reusable)
    }

    /// Warnings the site switched off in `site.yaml` (`lint: { off: [code] }`) are dropped.
    static func filtered(_ warnings: [Diagnostic], settings: SiteSettings) -> [Diagnostic] {
        warnings.filter { !settings.disabledWarnings.contains($0.code) }
    }
}

/// A value kept on the heap (see `Build.Options.exitsAfterBuild`).
private final class Box<Value>: Sendable where Value: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
