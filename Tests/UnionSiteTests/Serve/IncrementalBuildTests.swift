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
        case body, add, delete, rename, frontMatter, template, settings, glossary
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
        case .settings:
            try "title: Renamed site\nbase_url: https://example.org/other/\n".write(to: path("content/site.yaml"), atomically: true, encoding: .utf8)
        case .glossary:
            try "---\ntitle: Academies\norder: 1\nterms:\n  - term: academy\n    definition: A state school funded directly.\n  - trust\n---\n\n## What an academy is\n\nAn academy is a school.\n"
                .write(to: path("content/guide/academies.md"), atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: Edit.allCases)
    func incrementalEqualsFull(_ edit: Edit) throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache()
        let first = try Build.render(try options(root), cache: cache)
        #expect(first.pagesRendered == first.pageCount)
        try apply(edit, to: root)
        let incremental = try Build.render(try options(root), cache: cache)
        let full = try Build.render(try options(root))
        #expect(incremental.files.keys.sorted() == full.files.keys.sorted())
        for (path, bytes) in full.files where incremental.files[path] != bytes {
            Issue.record("\(edit): \(path) differs from a full build")
        }
        #expect(incremental.copies == full.copies)
        if edit == .body {
            #expect(incremental.pagesRendered < incremental.pageCount / 2,
                    "a body edit re-rendered \(incremental.pagesRendered) of \(incremental.pageCount) pages")
            #expect(incremental.pagesRendered >= 1)
        }
    }

    @Test func noChangeRebuildRendersNothing() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache()
        let first = try Build.render(try options(root), cache: cache)
        let second = try Build.render(try options(root), cache: cache)
        #expect(second.pagesRendered == 0)
        #expect(second.files == first.files)
    }
}
