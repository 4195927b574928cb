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
        try options.root.checkOutputCanBeReplaced()
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
    public static func render(_ options: Options) throws(Diagnostics) -> InMemorySite {
        let sink = MemorySink()
        let site = try render(options, into: sink)
        return InMemorySite(site: site, files: sink.files)
    }

    /// Stages 1–4, every file into `sink`.
    static func render(_ options: Options, into sink: any RenderSink) throws(Diagnostics) -> RenderedSite {
        try stages(options, into: sink).rendered
    }

    /// What stages 1–4 made besides the files: `serve` keeps it (`PreviewBuild`) so that an
    /// edit to one body can go through the same stages for that body alone (`BodyEdit`).
    struct Stages: Sendable {
        /// Nil unless asked for (`keepSources`): `build` and `check` let the source tree (every
        /// file's front matter as YAML nodes) go once the model is built.
        let sources: SourceTree?
        let linked: LinkedSite
        let rendered: RenderedSite
        /// The default language's templates, strings and page references, which a body edit keeps.
        let reusable: PageFactory.Reusable
    }

    /// Stages 1–4, every file into `sink`.
    /// - Parameter work: each stage's per-item work: `DirectWork` computes it; `serve` passes
    ///   its `BuildCache`, which keeps results between rebuilds (`StageWork`).
    /// - Parameter deferSearch: leave the default language's search index out (`serve` makes it when asked).
    /// - Parameter keepSources: hand the source tree on, and keep every body's text in the model
    ///   (`serve`'s body edit starts from them); else both go once read.
    static func stages(_ options: Options, into sink: any RenderSink, work: any StageWork = DirectWork(),
                       deferSearch: Bool = false, keepSources: Bool = false) throws(Diagnostics) -> Stages {
        var timer = StageTimer()
        defer { timer.report() }
        var sources: SourceTree? = try SourceLoader.load(options.root, work: work)
        timer.lap("load")
        let site = try ModelBuilder.build(sources!, options: options.model, work: work)
        let kept = keepSources ? sources : nil
        sources = nil
        timer.lap("model")
        // Handed over, so that the bodies the Link stage lets go of are freed.
        let linked = try Linker.link(consume site, work: work, releasingBodies: !keepSources)
        timer.lap("link")
        var (rendered, reusable) = try Renderer.render(linked, into: sink, work: work, deferSearch: deferSearch,
                                                       compiledTheme: options.compiledTheme)
        timer.lap("render")
        if !linked.site.translations.isEmpty {
            try Translated.renderAll(linked, into: &rendered, sink: sink, compiledTheme: options.compiledTheme)
            timer.lap("translations")
        }
        rendered.warnings = filtered(rendered.warnings, settings: linked.site.settings)
        return Stages(sources: kept, linked: linked, rendered: rendered, reusable: reusable)
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
