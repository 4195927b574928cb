/// Stage 4's value: what the site is made of, as the Write stage and the command line need it.
///
/// The files' bytes are not here: the render wrote them into the sink its caller gave it
/// (`RenderSink`), the staging folder for `build`, memory for `check`, `serve` and tests. This
/// value is therefore the same, and small, whichever sink was used.
public struct RenderedSite: Sendable {
    /// Every generated file's output path (`articles/pay/index.html`), with where it came from,
    /// for "two sources, one URL" messages.
    public private(set) var owners: [String: String] = [:]
    /// Static files to copy: output path → file to read.
    public var copies: [String: String] = [:]
    /// Site paths listed in the sitemap, with an optional last-modified day.
    var sitemap: [(path: SitePath, lastModified: String?)] = []
    public var warnings: [Diagnostic] = []
    /// The base URL's path, where the site is mounted (`/education/`).
    public var basePath = "/"

    public var pageCount: Int { owners.keys.filter { $0.hasSuffix(".html") }.count }
    /// Generated files and static files.
    public var fileCount: Int { owners.count + copies.count }

    /// Two generated files at one path (two regions that slug alike, say).
    var collisions: [Diagnostic] = []

    /// The day the build was made for (`--date`, or today in the site's time zone).
    public var buildDate = Day(year: 2000, month: 1, day: 1)!
    /// Pages due for review on that day, earliest first, for `check --stale`.
    public var reviewsDue: [Site.ReviewDue] = []
    /// Pages of the default language without a version in a further one, for `check --translations`.
    public var missingTranslations: [Site.MissingTranslation] = []

    /// Records a page, and lists it in the sitemap unless it is left out.
    mutating func list(_ page: RenderedPage.Entry) {
        claim(page.path.outputFile, owner: page.owner)
        if page.inSitemap { sitemap.append((page.path, page.lastModified)) }
    }

    /// Records who writes a path; a second claim is a collision.
    mutating func claim(_ path: String, owner: String) {
        if let first = owners[path] {
            collisions.append(.error("\(first) and \(owner) would both be published at /\(path)", at: nil, code: "duplicate-url"))
        }
        owners[path] = owner
    }
}

/// One rendered page with its bytes, made on any thread; `RenderOutput` writes it to the
/// sink and keeps only its `entry`.
struct RenderedPage: Sendable {
    let path: SitePath
    let bytes: [UInt8]
    let owner: String
    let inSitemap: Bool
    let lastModified: String?

    /// What the site records of a page once it is written.
    struct Entry: Sendable {
        let path: SitePath
        let owner: String
        let inSitemap: Bool
        let lastModified: String?
    }

    var entry: Entry { Entry(path: path, owner: owner, inSitemap: inSitemap, lastModified: lastModified) }
}

/// A render kept in memory: the site and every generated file's bytes. `Build.render` gives
/// it to `check` and tests; the site's members read through (`rendered.warnings`).
@dynamicMemberLookup
public struct InMemorySite: Sendable {
    public let site: RenderedSite
    /// Generated files, by output path (static files are in `site.copies`).
    public var files: [String: [UInt8]]

    public subscript<T>(dynamicMember member: KeyPath<RenderedSite, T>) -> T { site[keyPath: member] }
}
