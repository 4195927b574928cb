import Foundation
import Testing
@testable import UnionSite

@Suite("Build output: determinism, atomicity, staleness")
struct BuildOutputTests {
    static func article(_ title: String, date: String, extra: String = "") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra)---\n\nBody of \(title).\n"
    }

    @Test("building the same fixture twice gives byte-identical output")
    func deterministic() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("one"), second = folder.appendingPathComponent("two")
        _ = try Build.run(buildOptions(root: TestPaths.fixture("member-guide"), output: first))
        _ = try Build.run(buildOptions(root: TestPaths.fixture("member-guide"), output: second))
        let files = filesBelow(first)
        #expect(files.count > 20)
        #expect(files == filesBelow(second))
        for file in files {
            let a = FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
            let b = FileManager.default.contents(atPath: second.appendingPathComponent(file).path)
            #expect(a != nil && a == b, "\(file) differs")
        }
    }

    @Test("a failed build leaves the previous output exactly as it was")
    func failedBuildTouchesNothing() throws {
        let site = try TestSite(["content/articles/pay.md": Self.article("Pay", date: "2026-01-01")])
        try site.build()
        let before = filesBelow(site.output)
        let page = site.outputText("articles/pay/index.html")
        #expect(page?.contains("Body of Pay.") == true)
        try site.write("../public/sentinel.txt", "keep me")

        try site.write("content/articles/pay.md", Self.article("Pay", date: "2026-01-01") + "[broken](missing.md)\n")
        #expect(throws: Diagnostics.self) { try site.build() }
        #expect(site.outputText("sentinel.txt") == "keep me")
        #expect(site.outputText("articles/pay/index.html") == page)
        #expect(filesBelow(site.output) == (before + ["sentinel.txt"]).sorted())
        // No staging folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == ["public", "site"])
    }

    @Test("a successful build removes stale files: a deleted article's page disappears")
    func staleFilesRemoved() throws {
        let site = try TestSite([
            "content/articles/pay.md": Self.article("Pay", date: "2026-01-01"),
            "content/articles/old.md": Self.article("Old", date: "2025-01-01"),
        ])
        try site.build()
        #expect(site.outputText("articles/old/index.html") != nil)
        try site.write("../public/sentinel.txt", "stale")
        try site.remove("content/articles/old.md")
        try site.build()
        #expect(site.outputText("articles/old/index.html") == nil)
        #expect(site.outputText("sentinel.txt") == nil)
        #expect(site.outputText("articles/pay/index.html") != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == ["public", "site"])
    }

    @Test("the build summary counts the HTML pages written")
    func summary() throws {
        let site = try TestSite(["content/articles/pay.md": Self.article("Pay", date: "2026-01-01")])
        let result = try site.build()
        #expect(result.summary.pages == filesBelow(site.output).filter { $0.hasSuffix(".html") }.count)
        #expect(result.summary.files == filesBelow(site.output).count)
    }

    @Test("an output folder inside content/ is refused before anything is read or written")
    func outputInsideContent() throws {
        let site = try TestSite([:])
        let error = #expect(throws: Diagnostics.self) {
            try SiteRoot(root: site.root.path, output: site.root.appendingPathComponent("content").path)
        }
        #expect(error?.items.first?.code == "output-unsafe")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/site.yaml").path))
    }
}

@Suite("Inline sites")
struct InlineSiteTests {
    @Test("with 12 articles the list has a second page and no third")
    func pagination() throws {
        var files: [String: String] = [:]
        for day in 1...12 {
            let date = String(format: "2026-03-%02d", day)
            files["content/articles/news-\(day).md"] = BuildOutputTests.article("News \(day)", date: date)
        }
        let rendered = try TestSite(files).render()
        let first = try rendered.page("articles/index.html")
        let second = try rendered.page("articles/page/2/index.html")
        #expect(rendered.files["articles/page/3/index.html"] == nil)
        #expect(first.occurrences(of: "href=\"/articles/news-") == 10)
        #expect(second.occurrences(of: "href=\"/articles/news-") == 2)
        #expect(first.contains("href=\"/articles/news-12/\""))
        #expect(second.contains("href=\"/articles/news-1/\"") && second.contains("href=\"/articles/news-2/\""))
        #expect(first.contains("/articles/page/2/"))
        #expect(second.contains("Articles, page 2 of 2"))
    }

    @Test("with exactly 10 articles there is one list page")
    func paginationBoundary() throws {
        var files: [String: String] = [:]
        for day in 1...10 { files["content/articles/n\(day).md"] = BuildOutputTests.article("N\(day)", date: String(format: "2026-03-%02d", day)) }
        let rendered = try TestSite(files).render()
        #expect(rendered.files["articles/page/2/index.html"] == nil)
    }

    @Test("chapters go by `order`, then file name; chapters without `order` come last")
    func chapterOrderTies() throws {
        let chapter = { (title: String, order: String?) in "---\ntitle: \(title)\n\(order.map { "order: \($0)\n" } ?? "")---\nText\n" }
        let rendered = try TestSite([
            "content/guide/zebra.md": chapter("Zebra", "1"),
            "content/guide/apple.md": chapter("Apple", "1"),
            "content/guide/first.md": chapter("First", "0"),
            "content/guide/beta.md": chapter("Beta", nil),
            "content/guide/alpha.md": chapter("Alpha", nil),
        ]).render()
        let index = try rendered.page("guide/index.html")
        let order = ["first", "apple", "zebra", "alpha", "beta"].map { slug in index.range(of: "href=\"/guide/\(slug)/\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test("`autolink: false` on a page, or in site.yaml, turns glossary links off")
    func autolinkOff() throws {
        let chapter = "---\ntitle: Terms\nterms: [academy]\n---\nText\n"
        let rendered = try TestSite([
            "content/guide/terms.md": chapter,
            "content/pages/on.md": "---\ntitle: On\n---\nAn academy.\n",
            "content/pages/off.md": "---\ntitle: Off\nautolink: false\n---\nAn academy.\n",
        ]).render()
        #expect(try rendered.page("on/index.html").contains("class=\"glossary-term\""))
        #expect(!(try rendered.page("off/index.html")).contains("class=\"glossary-term\""))
        let siteOff = try TestSite([
            "content/site.yaml": TestSite.defaultSettings + "autolink: false\n",
            "content/guide/terms.md": chapter,
            "content/pages/on.md": "---\ntitle: On\n---\nAn academy.\n",
        ]).render()
        #expect(!(try siteOff.page("on/index.html")).contains("class=\"glossary-term\""))
    }

    @Test("unknown front-matter keys reach templates as page.params")
    func params() throws {
        let rendered = try TestSite([
            "content/pages/about.md": "---\ntitle: About\nbanner: Hello there\n---\nText\n",
            "templates/page.mustache": "{{<layout}}{{$main}}<p class=\"banner\">{{page.params.banner}}</p>{{/main}}{{/layout}}",
        ]).render()
        #expect(try rendered.page("about/index.html").contains("<p class=\"banner\">Hello there</p>"))
    }

    @Test("raw HTML in Markdown is not passed through, and javascript: links are dropped")
    func safeMode() throws {
        let rendered = try TestSite([
            "content/pages/about.md": "---\ntitle: About\n---\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n",
        ]).render()
        let html = try rendered.page("about/index.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("javascript:"))
    }

    @Test("a link to a missing file names file:line:column of the link, after front matter")
    func brokenLinkLocation() throws {
        let site = try TestSite(["content/pages/about.md": "---\ntitle: About\nsummary: x\n---\n\nSome text and [a link](nowhere.md).\n"])
        #expect(try site.diagnostics() == ["content/pages/about.md:6:15: error: link to content/pages/nowhere.md, which does not exist"])
    }

    @Test("a template override with a missing partial fails the build at the template's line")
    func templateMissingPartial() throws {
        let site = try TestSite(["templates/page.mustache": "{{<layout}}\n{{$main}}\n{{>partial-missing}}\n{{/main}}\n{{/layout}}\n"])
        #expect(try site.diagnostics() == ["templates/page.mustache:3:1: error: template refers to `partial-missing`, which does not exist"])
    }
}
