import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import UnionSite

/// An XSS corpus through every output format: each hostile value comes out as text, and
/// parsing each format back gives the value as written.
@Suite("Escaping hostile values in every output")
struct EscapingTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "</script><script>alert(3)</script>",
        "Tom & Jerry's ]]> \"quotes\"",
    ]

    static func makeSite() throws -> TestSite {
        let title = hostile.joined(separator: " | ")
        func yaml(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return try TestSite([
            "content/site.yaml": "title: \(yaml(title))\nbase_url: https://example.org/x/\ndescription: \(yaml(hostile[1]))\norganisation:\n  name: \(yaml(hostile[2]))\n  join_url: https://example.org/join\nnav:\n  - title: \(yaml(hostile[0]))\n    link: articles/\n",
            "content/articles/a.md": "---\ntitle: \(yaml(title))\ndate: 2026-01-01\nsummary: \(yaml(hostile[1]))\nauthor: \(yaml(hostile[2]))\n---\n\nText with <script>alert(4)</script> inline and [a link](javascript:alert(5)).\n\n<div onclick=\"alert(6)\">block</div>\n",
            "content/guide/terms.md": "---\ntitle: \(yaml(hostile[3]))\nterms:\n  - term: widget\n    definition: \(yaml(hostile[0]))\n---\n\nText.\n",
            "content/pages/p.md": "---\ntitle: Page\n---\n\nA widget here.\n",
            "content/vacancies/v.yaml": """
            id: v1
            title: \(yaml(title))
            employer: \(yaml(hostile[1]))
            location: \(yaml(hostile[2]))
            region: \(yaml(hostile[0]))
            salary: \(yaml(hostile[3]))
            summary: \(yaml(hostile[0]))
            closes: 2027-01-01
            posted: 2026-11-01
            apply_url: "https://example.org/apply?a=1&b=\\"2"
            description: |
              Apply <script>alert(7)</script> now.

            """,
        ])
    }

    @Test func htmlNeverCarriesHostileMarkup() throws {
        let site = try Self.makeSite()
        let rendered = try site.render()
        let pages = rendered.files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for path in pages {
            let html = try #require(rendered.text(path))
            // Escaped, these are harmless text ("onerror=alert" may be read); as markup they are not.
            for needle in ["<script>alert", "<img src=x", "<div onclick", " onclick=\"alert", "href=\"javascript:"] {
                #expect(!html.contains(needle), "\(path) contains \(needle)")
            }
            // Every <script> is our own: JSON-LD, the search page's script from the theme and its words.
            let ours = html.occurrences(of: "<script type=\"application/ld+json\">") + html.occurrences(of: "<script src=\"/x/assets/")
                + html.occurrences(of: "<script type=\"application/json\" id=\"search-strings\">")
            #expect(html.occurrences(of: "<script") == ours, "\(path) has a foreign script")
        }
        let article = try #require(rendered.text("articles/a/index.html"))
        #expect(article.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown as text")
        #expect(article.contains("content=\"&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\""), "the summary is escaped in the meta attribute")
    }

    @Test func jsonLDParsesBackToTheValuesAsWritten() throws {
        let site = try Self.makeSite()
        let rendered = try site.render()
        let page = try #require(rendered.text("vacancies/v1/index.html"))
        let blocks = page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
        let objects = try blocks.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let job = try #require(objects.first { $0["@type"] as? String == "JobPosting" })
        #expect(job["title"] as? String == Self.hostile.joined(separator: " | "))
        #expect((job["hiringOrganization"] as? [String: Any])?["name"] as? String == Self.hostile[1])
        for block in blocks { #expect(!block.contains("</script")) }
    }

    @Test func feedsAndExportsParseBackToTheValuesAsWritten() throws {
        let site = try Self.makeSite()
        let rendered = try site.render()
        let title = Self.hostile.joined(separator: " | ")
        for feed in ["feed.xml", "vacancies/feed.xml"] {
            let titles = try AtomTitles.parse(try #require(rendered.files[feed]))
            #expect(titles.contains { $0.hasPrefix(title) }, "\(feed): \(titles)")
        }
        let exportBytes = try #require(rendered.files["vacancies/index.json"])
        let export = try #require(JSONSerialization.jsonObject(with: Data(exportBytes)) as? [String: Any])
        let record = try #require((export["vacancies"] as? [[String: Any]])?.first)
        #expect(record["title"] as? String == title)
        #expect(record["salary"] as? String == Self.hostile[3])
        #expect(record["apply_url"] as? String == "https://example.org/apply?a=1&b=\"2")
        let sitemapBytes = try #require(rendered.files["sitemap.xml"])
        let sitemap = XMLParser(data: Data(sitemapBytes))
        #expect(sitemap.parse(), "sitemap.xml is well-formed")
    }
}

/// The `<title>` texts of an Atom feed, through a real XML parser.
final class AtomTitles: NSObject, XMLParserDelegate {
    private var titles: [String] = []
    private var current: String?

    static func parse(_ bytes: [UInt8]) throws -> [String] {
        let delegate = AtomTitles()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return delegate.titles
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "title" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", let text = current { titles.append(text) }
        current = nil
    }
}
