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
        // Pages stream into the staging folder as they are rendered; the Write stage adds the
        // rest and swaps it in. On any error the staging folder goes and the output stays.
        let sink = try SiteWriter.staging(for: options.root.output)
        let rendered: RenderedSite
        do {
            rendered = try render(options, sink: sink)
        } catch {
            SiteWriter.discard(sink)
            throw error
        }
        var timer = StageTimer("write")
        let summary = try SiteWriter.write(rendered, to: options.root.output, staged: sink)
        timer.lap("files+swap")
        timer.report()
        return Result(summary: summary, warnings: rendered.warnings, seconds: Date().timeIntervalSince(start),
                      buildDate: rendered.buildDate, reviewsDue: rendered.reviewsDue)
    }

    /// What stages 1–4 made: `serve` keeps it so that an edit to one body can go through the
    /// same stages for that body alone (`BodyEdit`).
    struct Stages: Sendable {
        let sources: SourceTree
        let linked: LinkedSite
        let rendered: RenderedSite
    }

    /// Stages 1–4: everything `build` checks, nothing written. `check` uses this.
    /// - Parameter cache: kept by `serve` between rebuilds; a build without one does all the work.
    /// - Parameter deferSearch: `serve` leaves the search index to be made when first asked for.
    public static func render(_ options: Options, cache: BuildCache? = nil, sink: PageSink? = nil,
                              deferSearch: Bool = false) throws(Diagnostics) -> RenderedSite {
        try stages(options, cache: cache, sink: sink, deferSearch: deferSearch).rendered
    }

    static func stages(_ options: Options, cache: BuildCache? = nil, sink: PageSink? = nil,
                       deferSearch: Bool = false) throws(Diagnostics) -> Stages {
        var timer = StageTimer()
        defer { timer.report() }
        let sources = try SourceLoader.load(options.root, cache: cache)
        timer.lap("load")
        let site = try ModelBuilder.build(sources, options: options.model, cache: cache)
        timer.lap("model")
        let linked = try Linker.link(site, cache: cache)
        timer.lap("link")
        var rendered = try Renderer.render(linked, cache: cache, sink: sink, deferSearch: deferSearch, compiledTheme: options.compiledTheme)
        timer.lap("render")
        if !site.translations.isEmpty {
            try Translated.renderAll(linked, into: &rendered, sink: sink, compiledTheme: options.compiledTheme)
            timer.lap("translations")
        }
        rendered.warnings = filtered(rendered.warnings, settings: site.settings)
        return Stages(sources: sources, linked: linked, rendered: rendered)
    }

    /// Warnings the site switched off in `site.yaml` (`lint: { off: [code] }`) are dropped.
    static func filtered(_ warnings: [Diagnostic], settings: SiteSettings) -> [Diagnostic] {
        warnings.filter { !settings.disabledWarnings.contains($0.code) }
    }
}
