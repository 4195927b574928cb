/// Stage 4's value: every file of the site, by its path below the output folder.
public struct RenderedSite: Sendable {
    /// Generated files (HTML, XML, CSS …), by output path (`articles/pay/index.html`).
    public var files: [String: [UInt8]] = [:]
    /// Files `serve` lets the server make later (the search index); nil for `build` and `check`.
    public var deferred: DeferredFiles?
    /// Parts of this render a body-only `serve` rebuild reuses (`BodyEdit`).
    var reusable: PageFactory.Reusable?
    /// Static files to copy: output path → file to read.
    public var copies: [String: String] = [:]
    /// Where each output came from, for "two sources, one URL" messages.
    var owners: [String: String] = [:]
    /// Site paths listed in the sitemap, with an optional last-modified day.
    var sitemap: [(path: SitePath, lastModified: String?)] = []
    public var warnings: [Diagnostic] = []
    /// The base URL's path, where the site is mounted (`/education/`).
    public var basePath = "/"

    public var pageCount: Int { files.keys.filter { $0.hasSuffix(".html") }.count + streamed.filter { $0.hasSuffix(".html") }.count }

    /// Two generated pages at one path (two regions that slug alike, say).
    var collisions: [Diagnostic] = []

    /// The day the build was made for (`--date`, or today in the site's time zone).
    public var buildDate = Day(year: 2000, month: 1, day: 1)!
    /// Pages due for review on that day, earliest first, for `check --stale`.
    public var reviewsDue: [Site.ReviewDue] = []
    /// Pages of the default language without a version in a further one, for `check --translations`.
    public var missingTranslations: [Site.MissingTranslation] = []

    /// Pages actually rendered by this build (the rest came from `serve`'s cache).
    public var pagesRendered = 0

    /// Pages already written to the staging folder by a `PageSink` (their bytes are not kept).
    public var streamed: Set<String> = []

    mutating func add(_ page: RenderedPage) {
        if page.streamed {
            claim(page.path.outputFile, owner: page.owner)
            streamed.insert(page.path.outputFile)
        } else {
            add(page.path.outputFile, page.bytes, owner: page.owner)
        }
        if page.inSitemap { sitemap.append((page.path, page.lastModified)) }
    }

    mutating func add(_ path: String, _ text: String, owner: String) {
        add(path, Array(text.utf8), owner: owner)
    }

    mutating func add(_ path: String, _ bytes: [UInt8], owner: String) {
        claim(path, owner: owner)
        files[path] = bytes
    }

    /// Records who writes a path; a second claim is a collision.
    private mutating func claim(_ path: String, owner: String) {
        if let first = owners[path] {
            collisions.append(.error("\(first) and \(owner) would both be published at /\(path)", at: nil, code: "duplicate-url"))
        }
        owners[path] = owner
    }
}

/// One rendered page, made on any thread and added to the `RenderedSite` in order.
struct RenderedPage: Sendable {
    let path: SitePath
    /// Empty when `streamed`: the page is already on disk.
    let bytes: [UInt8]
    var streamed = false
    let owner: String
    let inSitemap: Bool
    let lastModified: String?
}
