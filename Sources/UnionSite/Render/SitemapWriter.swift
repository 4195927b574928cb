/// `/sitemap.xml` (every indexable page: closed vacancies and the 404 page are left out)
/// and `/robots.txt` naming it.
enum SitemapWriter {
    static func write(_ site: Site, into output: inout RenderedSite) {
        let settings = site.settings
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in output.sitemap.sorted(by: { $0.path < $1.path }) {
            xml += "<url><loc>\(XML.escape(settings.absoluteURL(entry.path)))</loc>"
            if let lastModified = entry.lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
        }
        output.add("sitemap.xml", xml + "</urlset>\n", owner: "the sitemap")
        output.add("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(settings.absoluteURL(SitePath("sitemap.xml")))\n", owner: "robots.txt")
    }
}
