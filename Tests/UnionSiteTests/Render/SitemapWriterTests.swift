import Testing
@testable import UnionSite

@Suite("Sitemap")
struct SitemapWriterTests {
    @Test("written in runs on every core, the sitemap lists every entry once, sorted by path, across the runs' joins")
    func entriesInOrderAcrossRuns() throws {
        let test = try TestSite(["content/articles/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n\nText.\n"])
        let site = try ModelBuilder.build(SourceLoader.load(SiteRoot(root: test.root.path)))
        // More entries than one run holds, in no order, some with a last-modified date.
        let paths = (0..<3_000).map { "articles/page-\(String(format: "%04d", $0))/" }.shuffled()
        let entries = paths.enumerated().map { (path: SitePath($0.element), lastModified: $0.offset % 3 == 0 ? "2026-01-0\($0.offset % 9 + 1)" : nil) }
        let xml = SitemapWriter.xml(site, entries: entries)
        let urls = xml.split(separator: "\n").filter { $0.hasPrefix("<url>") }
        #expect(urls.count == 3_000)
        let expected = entries.sorted { $0.path < $1.path }.map { entry in
            "<url><loc>https://example.org/\(entry.path.value)</loc>" + (entry.lastModified.map { "<lastmod>\($0)</lastmod>" } ?? "") + "</url>"
        }
        #expect(urls.map(String.init) == expected)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset "))
        #expect(xml.hasSuffix("</url>\n</urlset>\n"))
    }
}
