import Foundation
import Testing
@testable import UnionSite

/// The change-notes fixture built end to end: page histories, "Last updated", `/updates/`,
/// `/guide/updates/`, the updates feed, and the dates that must agree with them.
@Suite("Change notes, end to end")
struct ChangeNotesTests {
    static let built = FixtureSite.render("change-notes")
    var site: InMemorySite { get throws { try Self.built.site() } }

    /// The fixture built on another day (the future change's day has come by 2026-12-20).
    static func render(on day: String, root: URL = TestPaths.fixture("change-notes")) throws -> InMemorySite {
        let options = Build.Options(root: try SiteRoot(root: root.path, output: "/tmp/unionsite-unused-output"),
                                    model: .init(buildDate: Day(day)!))
        return try Build.render(options)
    }

    @Test("warns only about the future change and the page nothing links to")
    func warnings() throws {
        #expect(try site.warnings.map(\.description) == [
            "content/articles/busy.md:12:5: warning: this change is dated 2026-12-15, after the build date 2026-11-29: it is left out until then",
            "content/pages/about.md:1:1: warning: nothing links to this page and no menu reaches it",
        ])
    }

    @Test("chosen pages match their golden files", arguments: [
        ("articles/busy/index.html", "change-notes/article-busy.html"),
        ("articles/corrected/index.html", "change-notes/article-corrected.html"),
        ("principles/core/index.html", "change-notes/principles-core.html"),
        ("updates/index.html", "change-notes/updates.html"),
        ("updates/feed.xml", "change-notes/updates-feed.xml"),
    ])
    func golden(path: String, golden: String) throws {
        expectGolden(try site.page(path), named: golden)
    }

    @Test("a page that never changed has no history and no 'Last updated'")
    func unchanged() throws {
        let page = try site.page("articles/unchanged/index.html")
        #expect(!page.contains("page-history"))
        #expect(!page.contains("Last updated"))
        #expect(!page.contains("Show all updates"))
    }

    @Test("a change on the publication day gives a history but no 'Last updated'")
    func correctedOnTheDay() throws {
        let page = try site.page("articles/corrected/index.html")
        #expect(page.contains("<summary>Show all updates</summary>"))
        #expect(!page.contains("Last updated"))
        #expect(page.contains("First published.</li>"))
    }

    @Test("history is newest first, ties in file order, notes escaped, the future change left out")
    func historyOrder() throws {
        let page = try site.page("articles/busy/index.html")
        let second = try #require(page.range(of: "second ballot&#39;s result &amp; what &quot;turnout&quot; means &lt;here&gt;."))
        let first = try #require(page.range(of: "first ballot&#39;s result"))
        let reply = try #require(page.range(of: "employer&#39;s reply"))
        #expect(second.lowerBound < first.lowerBound && first.lowerBound < reply.lowerBound)
        #expect(!page.contains("December talks"))
        #expect(page.contains("<time datetime=\"2026-03-20T00:00:00+00:00\">20 March 2026</time> — <a href=\"#page-history\">See all updates</a>"))
    }

    @Test("a future change counts once its day has come")
    func futureChangeArrives() throws {
        let later = try Self.render(on: "2026-12-20")
        let page = try later.page("articles/busy/index.html")
        #expect(page.contains("December talks"))
        #expect(page.contains("<dt>Last updated</dt><dd><time datetime=\"2026-12-15T00:00:00+00:00\">15 December 2026</time>"))
        #expect(try later.page("updates/index.html").contains("December talks"))
        #expect(later.warnings.allSatisfy { $0.code != "future-change" })
    }

    @Test("/guide/updates/ holds only the guide's changes")
    func guideUpdates() throws {
        let page = try site.page("guide/updates/index.html")
        #expect(page.contains("Added the minimum notice periods"))
        #expect(!page.contains("ballot"))
    }

    @Test("the printable guide shows each chapter's history open, under the chapter's ids")
    func printHistory() throws {
        let page = try site.page("guide/print/index.html")
        #expect(page.contains("<section class=\"history\" id=\"contracts--page-history\""))
        #expect(page.contains("<details class=\"history__details\" open>"))
        #expect(page.contains("<h3 id=\"contracts--page-history-heading\">"))
    }

    @Test("JSON-LD, the sitemap and the articles feed use the last change, never the build day")
    func datesAgree() throws {
        let site = try site
        #expect(try site.page("articles/busy/index.html").contains("\"dateModified\":\"2026-03-20T00:00:00+00:00\""))
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/members/articles/busy/</loc><lastmod>2026-03-20</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/members/guide/contracts/</loc><lastmod>2026-04-02</lastmod>"))
        let feed = try #require(site.text("feed.xml"))
        #expect(feed.contains("<updated>2026-03-20T00:00:00+00:00</updated>"))
        #expect(!feed.contains("2026-11-29"))
    }

    @Test("every page's head names the updates feed, and the home page lists recent changes")
    func feedLinkAndHome() throws {
        let site = try site
        for path in ["index.html", "articles/unchanged/index.html", "updates/index.html"] {
            #expect(try site.page(path).contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Change notes fixture: updates\" href=\"/members/updates/feed.xml\">"))
        }
        let home = try site.page("index.html")
        #expect(home.contains("<h2 id=\"updates-heading\">Recently changed</h2>"))
        #expect(home.contains("New contact details for the membership team."))
    }

    /// Feed entry ids, in order.
    static func ids(_ feed: String) -> [String] {
        feed.components(separatedBy: "<entry>\n").dropFirst().compactMap { entry in
            entry.range(of: "<id>").flatMap { start in
                entry.range(of: "</id>").map { end in String(entry[start.upperBound..<end.lowerBound]) }
            }
        }
    }

    @Test("rewording a note keeps every feed id; the ids name page, day and place that day")
    func stableIDs() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: TestPaths.fixture("change-notes").appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
        let before = try #require(try Self.render(on: "2026-11-29", root: root).text("updates/feed.xml"))
        let file = root.appendingPathComponent("content/articles/busy.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Added the first ballot's result", with: "Added the result of the first ballot")
            .write(to: file, atomically: true, encoding: .utf8)
        let after = try #require(try Self.render(on: "2026-11-29", root: root).text("updates/feed.xml"))
        #expect(before != after)
        #expect(Self.ids(before) == Self.ids(after))
        #expect(Self.ids(before).contains("https://example.org/members/articles/busy/#update-2026-03-20-2"))
        #expect(Set(Self.ids(before)).count == Self.ids(before).count)
    }

    @Test("the same content gives the same bytes after every file is touched")
    func touchedFilesSameOutput() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: TestPaths.fixture("change-notes").appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
        let before = try Self.render(on: "2026-11-29", root: root)
        let later = Date().addingTimeInterval(3600)
        for path in filesBelow(root) {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: root.appendingPathComponent(path).path)
        }
        let after = try Self.render(on: "2026-11-29", root: root)
        #expect(before.files == after.files)
    }
}
