import Foundation
import Testing
@testable import UnionSite

/// `serve` rebuilds with a `BuildCache`; whatever the edit, the result must be byte-identical
/// to a full build of the same content, and an edit to one page must not re-render the lot.
@Suite struct IncrementalBuildTests {
    static let date = Day("2026-11-29")!

    /// A small site with cross-links, tags, a glossary and principles.
    static func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-incremental-\(UUID().uuidString)")
        let files: [String: String] = [
            "content/site.yaml": "title: Test site\nbase_url: https://example.org/members/\n",
            "content/articles/one.md": "---\ntitle: One\ndate: 2026-01-01\ntags: [pay]\n---\n\nSee [two](two.md) and the [principles](../principles/core.md#independence).\n",
            "content/articles/two.md": "---\ntitle: Two\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nAn academy joins a trust.\n",
            "content/principles/core.md": "---\ntitle: Core principles\n---\n\n## Independence\n\nText.\n\n## Impartiality\n\nText.\n",
            "content/guide/index.md": "---\ntitle: Guide\n---\n\nRead [academies](academies.md).\n",
            "content/guide/academies.md": "---\ntitle: Academies\norder: 1\nterms:\n  - term: academy\n    definition: A state school funded directly.\n---\n\n## What an academy is\n\nAn academy is a school.\n",
            "content/pages/about.md": "---\ntitle: About\n---\n\nAbout the [guide](/guide/index.md).\n",
            "content/pages/chart.md": "---\ntitle: Chart\n---\n\n![A chart](/img/chart.svg)\n",
            "content/static/img/chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"20\"></svg>\n",
            "content/vacancies/jobs.yaml": "- id: adviser\n  title: Adviser\n  employer: A trust\n  location: Leeds\n  region: Yorkshire\n  posted: 2026-11-01\n  closes: 2026-12-20\n  apply_url: https://example.org/apply\n  description: Work with an academy.\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    func options(_ root: URL) throws -> Build.Options {
        Build.Options(root: try SiteRoot(root: root.path), model: .init(buildDate: Self.date))
    }

    enum Edit: String, CaseIterable, Sendable {
        case body, add, delete, rename, frontMatter, template, settings, glossary, heading, newLink, vacancy, tags, changeNote, image, stylesheet
    }

    func apply(_ edit: Edit, to root: URL) throws {
        func path(_ p: String) -> URL { root.appendingPathComponent(p) }
        switch edit {
        case .body:
            try "---\ntitle: Two\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nAn academy joins a trust, now with more words.\n"
                .write(to: path("content/articles/two.md"), atomically: true, encoding: .utf8)
        case .add:
            try "---\ntitle: Three\ndate: 2026-03-01\ntags: [new-tag]\n---\n\nLinks to [one](one.md).\n"
                .write(to: path("content/articles/three.md"), atomically: true, encoding: .utf8)
        case .delete:
            // one.md links to two.md, so delete the unlinked page instead
            try FileManager.default.removeItem(at: path("content/pages/about.md"))
        case .rename:
            try FileManager.default.moveItem(at: path("content/pages/about.md"), to: path("content/pages/about-us.md"))
        case .frontMatter:
            try "---\ntitle: Two, retitled\ndate: 2026-02-01\ntags: [academies]\n---\n\nAn academy joins a trust.\n"
                .write(to: path("content/articles/two.md"), atomically: true, encoding: .utf8)
        case .template:
            try FileManager.default.createDirectory(at: path("templates"), withIntermediateDirectories: true)
            try "{{<layout}}{{$main}}<h1>{{page.title}}</h1><div class=\"mine\">{{{body}}}</div>{{/main}}{{/layout}}"
                .write(to: path("templates/page.mustache"), atomically: true, encoding: .utf8)
        case .image:
            // A new size: the chart page's <img> changes.
            try "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"200\"></svg>\n"
                .write(to: path("content/static/img/chart.svg"), atomically: true, encoding: .utf8)
        case .stylesheet:
            // A new hashed stylesheet name on every page, and the old file gone.
            try FileManager.default.createDirectory(at: path("templates"), withIntermediateDirectories: true)
            try "body { color: #222 }\n".write(to: path("templates/site.css"), atomically: true, encoding: .utf8)
        case .settings:
            try "title: Renamed site\nbase_url: https://example.org/other/\n".write(to: path("content/site.yaml"), atomically: true, encoding: .utf8)
        case .heading:
            // The chapter's anchors change: every link is checked again.
            try "---\ntitle: Academies\norder: 1\nterms:\n  - term: academy\n    definition: A state school funded directly.\n---\n\n## What academies are\n\nAn academy is a school.\n"
                .write(to: path("content/guide/academies.md"), atomically: true, encoding: .utf8)
        case .newLink:
            // Two gains a backlink from About, and related articles may change.
            try "---\ntitle: About\n---\n\nAbout the [guide](/guide/index.md) and [article two](/articles/two.md).\n"
                .write(to: path("content/pages/about.md"), atomically: true, encoding: .utf8)
        case .vacancy:
            try "- id: adviser\n  title: Senior adviser\n  employer: A trust\n  location: Leeds\n  region: Yorkshire\n  posted: 2026-11-01\n  closes: 2026-12-20\n  apply_url: https://example.org/apply\n  description: Work with an academy and [one](../articles/one.md).\n"
                .write(to: path("content/vacancies/jobs.yaml"), atomically: true, encoding: .utf8)
        case .tags:
            // One leaves the pay tag and joins academies: tag pages, lists and related articles move.
            try "---\ntitle: One\ndate: 2026-01-01\ntags: [academies]\n---\n\nSee [two](two.md) and the [principles](../principles/core.md#independence).\n"
                .write(to: path("content/articles/one.md"), atomically: true, encoding: .utf8)
        case .changeNote:
            // The chapter gains a history; /updates/, /guide/updates/, the feed and the home page follow.
            try "---\ntitle: Academies\norder: 1\nchanges:\n  - date: 2026-11-20\n    note: Added what happens when an academy changes trust.\nterms:\n  - term: academy\n    definition: A state school funded directly.\n---\n\n## What an academy is\n\nAn academy is a school.\n"
                .write(to: path("content/guide/academies.md"), atomically: true, encoding: .utf8)
        case .glossary:
            try "---\ntitle: Academies\norder: 1\nterms:\n  - term: academy\n    definition: A state school funded directly.\n  - trust\n---\n\n## What an academy is\n\nAn academy is a school.\n"
                .write(to: path("content/guide/academies.md"), atomically: true, encoding: .utf8)
        }
    }

    /// With the default cache, files just written are always read again; with no racy window
    /// (`trustFiles`) the load cache is used for every file whose stamp is unchanged, as it is
    /// on a real site where most files are old. Every edit here changes the file's size.
    @Test(arguments: Edit.allCases, [false, true])
    func incrementalEqualsFull(_ edit: Edit, trustFiles: Bool) throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = trustFiles ? BuildCache(racyWindow: 0) : BuildCache()
        let first = try PreviewBuild.make(try options(root), cache: cache, deferSearch: false)
        #expect(first.pagesRendered == first.pageCount)
        try apply(edit, to: root)
        // As `serve` does it: the search index deferred, made when asked for.
        let build = try PreviewBuild.make(try options(root), cache: cache)
        let deferred = try #require(build.deferred).files()
        #expect(!deferred.isEmpty && deferred.keys.allSatisfy(SearchIndex.isIndexFile))
        let incremental = InMemorySite(site: build.site, files: build.files.merging(deferred) { _, new in new })
        let full = try Build.render(try options(root))
        #expect(incremental.files.keys.sorted() == full.files.keys.sorted())
        for (path, bytes) in full.files where incremental.files[path] != bytes {
            Issue.record("\(edit): \(path) differs from a full build")
        }
        #expect(incremental.copies == full.copies)
        if edit == .image { #expect(incremental.text("chart/index.html")?.contains("width=\"300\" height=\"200\"") == true) }
        if edit == .stylesheet { #expect(incremental.files.keys.filter { $0.hasPrefix("assets/site.") }.count == 1) }
        if edit == .body {
            #expect(build.pagesRendered < incremental.pageCount / 2,
                    "a body edit re-rendered \(build.pagesRendered) of \(incremental.pageCount) pages")
            #expect(build.pagesRendered >= 1)
        }
    }

    @Test func noChangeRebuildRendersNothing() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(racyWindow: 0)
        let first = try PreviewBuild.make(try options(root), cache: cache, deferSearch: false)
        let second = try PreviewBuild.make(try options(root), cache: cache, deferSearch: false)
        #expect(second.pagesRendered == 0)
        #expect(second.files == first.files)
        // Nothing was read, built, parsed or matched again.
        #expect(cache.documents.lastMisses == 0 && cache.vacancyFiles.lastMisses == 0 && cache.items.lastMisses == 0)
        #expect(cache.reads.lastMisses == 0 && cache.checkedLinks.lastMisses == 0)
    }

    @Test("a body edit re-reads, parses, matches and renders only the edited file")
    func bodyEditTouchesOneFile() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(racyWindow: 0)
        _ = try cache.render(try options(root))
        try apply(.body, to: root)
        let second = try PreviewBuild.make(try options(root), cache: cache, deferSearch: false)
        #expect(cache.documents.lastMisses == 1 && cache.items.lastMisses == 1 && cache.reads.lastMisses == 1)
        #expect(second.pagesRendered < 6, "rendered \(second.pagesRendered) pages")
    }

    @Test("a file rewritten within the clock's resolution, same size, is still read again")
    func racyRewriteIsSeen() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache()
        let file = root.appendingPathComponent("content/articles/two.md")
        _ = try cache.render(try options(root))
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "trust.", with: "TRUST.").write(to: file, atomically: false, encoding: .utf8)
        let second = try cache.render(try options(root))
        #expect(second.files["articles/two/index.html"].map { String(decoding: $0, as: UTF8.self).contains("TRUST.") } == true)
    }
}

/// `serve`'s cached rebuilds on a site of two languages: an edit to a translation or to an
/// original gives what a full build gives, in both languages.
@Suite struct BilingualIncrementalTests {
    @Test(arguments: ["content/pages/about.cy.md", "content/pages/about.md", "content/guide/academies.cy.md"])
    func incrementalEqualsFull(_ edited: String) throws {
        let (root, options) = try copiedFixture("bilingual")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache()
        _ = try cache.render(options)
        let file = root.appendingPathComponent(edited)
        try (try String(contentsOf: file, encoding: .utf8) + "\nOne more line, and [a link](/pages/about.md).\n")
            .write(to: file, atomically: true, encoding: .utf8)
        try Self.expectIncrementalEqualsFull(options, cache: cache, label: edited)
    }

    /// Adding a translation changes the original's page (its hreflang links and switcher),
    /// though nothing the page itself shows changed: the memo must see its versions.
    @Test("adding a translation of an article renders the original again, with its language links")
    func addingTranslation() throws {
        let (root, options) = try copiedFixture("bilingual")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(racyWindow: 0)
        _ = try PreviewBuild.make(options, cache: cache)
        let original = root.appendingPathComponent("content/articles/pay.md")
        try (try String(contentsOf: original, encoding: .utf8)).write(to: root.appendingPathComponent("content/articles/pay.cy.md"),
                                                                      atomically: true, encoding: .utf8)
        let full = try Self.expectIncrementalEqualsFull(options, cache: cache, label: "adding a translation")
        let page = String(decoding: full.files["articles/pay/index.html"] ?? [], as: UTF8.self)
        #expect(page.contains("hreflang=\"cy\""))
    }

    /// Rebuilds through `cache` (search index included) and checks every file against a full build.
    @discardableResult
    static func expectIncrementalEqualsFull(_ options: Build.Options, cache: BuildCache, label: String) throws -> InMemorySite {
        var incremental = try PreviewBuild.make(options, cache: cache)
        if let deferred = incremental.deferred { incremental.files.merge(deferred.files()) { _, new in new } }
        let full = try Build.render(options)
        #expect(incremental.files.keys.sorted() == full.files.keys.sorted())
        for (path, bytes) in full.files where incremental.files[path] != bytes {
            Issue.record("\(label): \(path) differs from a full build")
        }
        return full
    }
}
