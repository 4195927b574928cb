/// `/sitemap.xml` (every indexable page: closed vacancies and the 404 page are left out)
/// and `/robots.txt` naming it. A site with further languages gets one sitemap for all of
/// them, written by `Translated` once every language is rendered.
enum SitemapWriter {
    /// - Parameter versions: see `xml`.
    static func write(_ site: Site, versions: [SitePath: [PageVersion]] = [:], into output: inout RenderOutput) {
        let settings = site.settings
        output.add("sitemap.xml", xml(site, entries: output.site.sitemap, versions: versions), owner: "the sitemap")
        output.add("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(settings.absoluteURL(SitePath("sitemap.xml")))\n", owner: "robots.txt")
    }

    /// - Parameters:
    ///   - entries: paths below the default language's base URL.
    ///   - versions: each path's versions in every language (`xhtml:link` alternates, each
    ///     version itself included, and `x-default`); empty for a site of one language.
    static func xml(_ site: Site, entries: [(path: SitePath, lastModified: String?)],
                    versions: [SitePath: [PageVersion]] = [:]) -> String {
        let settings = site.settings
        let namespace = versions.isEmpty ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
        let head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(namespace)>\n"
        let sorted = entries.sorted(by: { $0.path < $1.path })
        // In runs of entries on every core, joined in order: one core writing 12,000 entries
        // was the longest step of the render stage's serial end.
        let runs = stride(from: 0, to: sorted.count, by: 1_024).map { $0..<min($0 + 1_024, sorted.count) }
        let parts = Parallel.map(runs, minimum: 2) { run in
            var xml = ""
            for entry in sorted[run] { xml += url(entry, versions: versions[entry.path] ?? [], settings: settings) }
            return xml
        }
        return head + parts.joined() + "</urlset>\n"
    }

    private static func url(_ entry: (path: SitePath, lastModified: String?), versions: [PageVersion], settings: SiteSettings) -> String {
        var xml = "<url><loc>\(XML.escape(settings.absoluteURL(entry.path)))</loc>"
        if let lastModified = entry.lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
        for version in versions {
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(XML.escape(version.language))\" href=\"\(XML.escape(version.absoluteURL))\"/>"
        }
        if let first = versions.first {
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XML.escape(first.absoluteURL))\"/>"
        }
        return xml + "</url>\n"
    }
}
