import Foundation
import Testing
@testable import UnionSite

/// `serve`'s body-only rebuild: when it applies, its result equals a full build's (files,
/// search index and warnings); when an edit can reach other pages, it declines.
@Suite struct BodyEditTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let file: String
        let text: String
        /// Whether the body-only path should take it.
        let quick: Bool
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "article words", file: "content/articles/two.md",
             text: "---\ntitle: Two\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nAn academy joins a trust, and says so at length.\n", quick: true),
        Case(name: "article gains a paragraph before its link", file: "content/articles/one.md",
             text: "---\ntitle: One\ndate: 2026-01-01\ntags: [pay]\n---\n\nA new first paragraph.\n\nSee [two](two.md) and the [principles](../principles/core.md#independence).\n", quick: true),
        Case(name: "chapter words (the print guide changes too)", file: "content/guide/academies.md",
             text: "---\ntitle: Academies\norder: 1\nterms:\n  - term: academy\n    definition: A state school funded directly.\n---\n\n## What an academy is\n\nAn academy is a school outside local authority control.\n", quick: true),
        Case(name: "guide index words", file: "content/guide/index.md",
             text: "---\ntitle: Guide\n---\n\nStart by reading about [academies](academies.md).\n", quick: true),
        Case(name: "principle words", file: "content/principles/core.md",
             text: "---\ntitle: Core principles\n---\n\n## Independence\n\nAdvice is given without fear or favour.\n\n## Impartiality\n\nText.\n", quick: true),
        Case(name: "page gains raw HTML (a new warning, located)", file: "content/pages/about.md",
             text: "---\ntitle: About\n---\n\nAbout the <b>whole</b> [guide](/guide/index.md).\n", quick: true),
        Case(name: "article gains a table with a dropped cell and an alert (new warning, located)", file: "content/articles/two.md",
             text: "---\ntitle: Two\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nAn academy joins a trust.\n\n| Body | Pay |\n|---|---:|\n| trust | 1 | 2 |\n\n> [!WARNING]\n> Do not sign.\n", quick: true),
        Case(name: "page gains an abbreviation and an allowed tag", file: "content/pages/about.md",
             text: "---\ntitle: About\n---\n\nAbout the MAT <sub>2</sub> [guide](/guide/index.md).\n\n*[MAT]: multi-academy trust\n", quick: true),
        Case(name: "a footnote adds anchors other pages may link to", file: "content/articles/two.md",
             text: "---\ntitle: Two\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nAn academy joins a trust.[^a]\n\n[^a]: A note.\n", quick: false),
        Case(name: "a heading changes", file: "content/principles/core.md",
             text: "---\ntitle: Core principles\n---\n\n## Independence of mind\n\nText.\n\n## Impartiality\n\nText.\n", quick: false),
        Case(name: "a link is added", file: "content/articles/two.md",
             text: "---\ntitle: Two\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nAn academy joins a trust. See [one](one.md).\n", quick: false),
        Case(name: "a glossary term stops being used", file: "content/articles/two.md",
             text: "---\ntitle: Two\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nA school joins a trust.\n", quick: false),
        Case(name: "front matter changes", file: "content/articles/two.md",
             text: "---\ntitle: Two, retitled\ndate: 2026-02-01\ntags: [pay, academies]\n---\n\nAn academy joins a trust.\n", quick: false),
        Case(name: "a new article", file: "content/articles/three.md",
             text: "---\ntitle: Three\ndate: 2026-03-01\n---\n\nNew.\n", quick: false),
        Case(name: "settings", file: "content/site.yaml", text: "title: Renamed\nbase_url: https://example.org/members/\n", quick: false),
    ]

    func options(_ root: URL) throws -> Build.Options {
        Build.Options(root: try SiteRoot(root: root.path), model: .init(buildDate: IncrementalBuildTests.date))
    }

    @Test(arguments: cases)
    func bodyEditEqualsFullBuild(_ edit: Case) throws {
        let root = try IncrementalBuildTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache()
        let last = try PreviewBuild.make(try options(root), cache: cache)
        let file = root.appendingPathComponent(edit.file)
        try edit.text.write(to: file, atomically: true, encoding: .utf8)
        let quick = BodyEdit.rebuild([file.path], last: last, root: try SiteRoot(root: root.path), cache: cache)
        #expect((quick != nil) == edit.quick, "\(edit.name): body-only path \(quick == nil ? "declined" : "taken")")
        guard var rendered = quick else { return }
        rendered.files.merge(try #require(rendered.deferred).files()) { _, new in new }
        let full = try Build.render(try options(root))
        #expect(rendered.files.keys.sorted() == full.files.keys.sorted())
        for (path, bytes) in full.files where rendered.files[path] != bytes {
            Issue.record("\(edit.name): \(path) differs from a full build")
        }
        #expect(Set(rendered.site.warnings) == Set(full.warnings), "\(edit.name): warnings differ")
        #expect(rendered.pagesRendered <= 2)
    }

    @Test("a body edit goes through the stages' memoised work: the next full rebuild finds the body's results there")
    func bodyEditFillsTheCache() throws {
        let root = try IncrementalBuildTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        // Stamps trusted at once, so the rebuild's load finds the file the edit read.
        let cache = BuildCache(racyWindow: 0)
        let options = try options(root)
        let last = try PreviewBuild.make(options, cache: cache)
        let edit = Self.cases[1]  // links that move: checked again
        let file = root.appendingPathComponent(edit.file)
        try edit.text.write(to: file, atomically: true, encoding: .utf8)
        _ = try #require(BodyEdit.rebuild([file.path], last: last, root: try SiteRoot(root: root.path), cache: cache))
        // The edit computed one of each (the old body's links and lint were found).
        let byEdit = [cache.documents.missesSinceLastBuild, cache.items.missesSinceLastBuild, cache.reads.missesSinceLastBuild,
                      cache.checkedLinks.missesSinceLastBuild, cache.bodyWarnings.missesSinceLastBuild]
        #expect(byEdit == [1, 1, 1, 1, 1])
        // The rebuild after it computed none of them again.
        _ = try PreviewBuild.make(options, cache: cache)
        #expect([cache.documents.lastMisses, cache.items.lastMisses, cache.reads.lastMisses,
                  cache.checkedLinks.lastMisses, cache.bodyWarnings.lastMisses] == byEdit)
    }

    @Test("a file saved without a change renders nothing and keeps the site")
    func unchangedSave() throws {
        let root = try IncrementalBuildTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let last = try PreviewBuild.make(try options(root), cache: nil)
        let file = root.appendingPathComponent("content/articles/two.md")
        try String(contentsOf: file, encoding: .utf8).write(to: file, atomically: true, encoding: .utf8)
        let again = try #require(BodyEdit.rebuild([file.path], last: last, root: try SiteRoot(root: root.path), cache: nil))
        #expect(again.pagesRendered == 0)
        #expect(again.files == last.files)
    }

    @Test("an editor's temporary file, gone by the rebuild, does not stop the body-only path")
    func temporaryFilesAreIgnored() throws {
        let root = try IncrementalBuildTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let last = try PreviewBuild.make(try options(root), cache: nil)
        let file = root.appendingPathComponent("content/articles/two.md")
        try Self.cases[0].text.write(to: file, atomically: true, encoding: .utf8)
        let gone = root.appendingPathComponent("content/articles/two.md.tmp-1234").path
        #expect(BodyEdit.rebuild([file.path, gone], last: last, root: try SiteRoot(root: root.path), cache: nil) != nil)
        // A folder the last build read from, moved away, is not a temporary file.
        let folder = root.appendingPathComponent("content/guide").path
        #expect(BodyEdit.rebuild([file.path, folder], last: last, root: try SiteRoot(root: root.path), cache: nil) == nil)
    }

    @Test("two body edits in a row, each from the last, still equal a full build")
    func successiveEdits() throws {
        let root = try IncrementalBuildTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        var last = try PreviewBuild.make(try options(root), cache: nil)
        let siteRoot = try SiteRoot(root: root.path)
        for edit in [Self.cases[0], Self.cases[2], Self.cases[1]] {
            let file = root.appendingPathComponent(edit.file)
            try edit.text.write(to: file, atomically: true, encoding: .utf8)
            last = try #require(BodyEdit.rebuild([file.path], last: last, root: siteRoot, cache: nil))
        }
        var rendered = last
        rendered.files.merge(try #require(rendered.deferred).files()) { _, new in new }
        let full = try Build.render(try options(root))
        #expect(rendered.files.keys.sorted() == full.files.keys.sorted())
        let differing = full.files.keys.filter { rendered.files[$0] != full.files[$0] }.sorted()
        #expect(differing.isEmpty, "differ from a full build: \(differing)")
    }
}

/// The body-only path on a site of two languages: it may take an edit to an original (whose
/// translation and the Welsh pages stay as they were) and must decline a translation's, which
/// lives in another language's site; either way the result equals a full build.
@Suite struct BilingualBodyEditTests {
    @Test(arguments: [("content/pages/join.md", true), ("content/pages/about.cy.md", false)])
    func bodyEditEqualsFullBuild(_ edited: String, _ quickExpected: Bool) throws {
        let (root, options) = try copiedFixture("bilingual")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache()
        let last = try PreviewBuild.make(options, cache: cache)
        let file = root.appendingPathComponent(edited)
        try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(of: "today", with: "this week")
            .replacingOccurrences(of: "Undeb llafur", with: "Undeb")
            .write(to: file, atomically: true, encoding: .utf8)
        let quick = BodyEdit.rebuild([file.path], last: last, root: try SiteRoot(root: root.path), cache: cache)
        #expect((quick != nil) == quickExpected)
        guard var rendered = quick else { return }
        if let deferred = rendered.deferred { rendered.files.merge(deferred.files()) { _, new in new } }
        let full = try Build.render(options)
        #expect(rendered.files.keys.sorted() == full.files.keys.sorted())
        for (path, bytes) in full.files where rendered.files[path] != bytes {
            Issue.record("\(edited): \(path) differs from a full build")
        }
    }
}
