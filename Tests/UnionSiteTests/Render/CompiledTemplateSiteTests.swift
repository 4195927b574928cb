import Foundation
import Testing
@testable import UnionSite

/// Templates compiled at load (`TemplateSet.compiled`) must write exactly what swift-mustache
/// writes from the same `.mustache` files: whole sites are rendered both ways and compared
/// file by file. `TemplateCompilerTests` compares single templates.
@Suite struct CompiledTemplateSiteTests {
    @Test(arguments: ["member-guide", "minimal", "vacancies-mixed", "bilingual", "change-notes"])
    func fixtureSiteIsTheSameBothWays(_ name: String) throws {
        try expectSameBothWays(FixtureSite.options(name))
    }

    @Test func sampleSiteIsTheSameBothWays() throws {
        let repository = TestPaths.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-unused-output")
        try expectSameBothWays(buildOptions(root: repository, output: output))
    }

    /// Every branch of the built-in templates: escaping, pagination gaps, review notices,
    /// authors and updates, closed and open vacancies with and without each fact.
    @Test func edgeCasesAreTheSameBothWays() throws {
        let site = try TestSite(Self.edgeCaseFiles)
        let pages = try expectSameBothWays(site.options())
        #expect(pages.contains("articles/page/4/index.html"))
        #expect(pages.contains("vacancies/closed-post/index.html"))
    }

    @Test func everyBuiltInTemplateIsCompiled() throws {
        let set = try TemplateSet.load(overrides: [:])
        #expect(set.compiled.keys.sorted() == ThemeFiles.templates.keys.sorted())
        #expect(try TemplateSet.load(overrides: [:], compiled: false).compiled.isEmpty)
    }

    @Test func anOverriddenLayoutIsCompiledToo() throws {
        let layout = SourceFile(path: "templates/layout.mustache", text: "<body class=\"mine\">{{$main}}{{/main}}</body>\n")
        let set = try TemplateSet.load(overrides: ["layout": layout])
        #expect(set.compiled.keys.sorted() == ThemeFiles.templates.keys.sorted())
        var page = CompiledPage(["page": ["title": "A & B"], "body": "<p>x</p>"])
        page.run(try #require(set.compiled["page"]))
        #expect(String(decoding: page.bytes, as: UTF8.self).hasPrefix("<body class=\"mine\"><article>\n<h1>A &amp; B</h1>"))
    }

    @Test func aSiteWithAnOverriddenLayoutIsTheSameBothWays() throws {
        var files = Self.edgeCaseFiles
        files["templates/layout.mustache"] = "<!DOCTYPE html>\n<title>{{page.head_title}}</title>\n  {{>partial-breadcrumbs}}\n<main>\n  {{$main}}{{/main}}\n</main>\n{{#site.nav}}<a href=\"{{href}}\">{{title}}</a>{{/site.nav}}\n"
        let site = try TestSite(files)
        let pages = try expectSameBothWays(site.options())
        #expect(pages.contains("articles/a00/index.html"))
        #expect(try site.render().text("articles/a00/index.html")?.contains("<main>\n  <article>") == true)
    }

    @Test func aSiteOverrideStillTakesEffect() throws {
        var files = Self.edgeCaseFiles
        files["templates/partial-backlinks.mustache"] = "{{% CONTENT_TYPE: UNIONSITE_HTML }}\n<p class=\"mine\">{{#backlinks}}{{title}};{{/backlinks}}</p>\n"
        let site = try TestSite(files)
        let page = try #require(try site.render().text("articles/a00/index.html"))
        #expect(page.contains("<p class=\"mine\">Article 1 &amp; &lt;friends&gt;;"))
        #expect(!page.contains("Pages that link here"))
    }

    // MARK: Helpers

    /// Renders with and without the compiled theme and expects the same files and bytes;
    /// returns the page paths.
    @discardableResult
    private func expectSameBothWays(_ options: Build.Options) throws -> Set<String> {
        var mustacheOnly = options
        mustacheOnly.compiledTheme = false
        let compiled = try Build.render(options)
        let reference = try Build.render(mustacheOnly)
        #expect(Set(compiled.files.keys) == Set(reference.files.keys))
        var differing: [String] = []
        for (path, bytes) in reference.files where compiled.files[path] != bytes { differing.append(path) }
        #expect(differing.sorted() == [], "first difference: \(differing.sorted().first.map { firstDifference($0, compiled, reference) } ?? "")")
        #expect(compiled.files.keys.contains { $0.hasSuffix("index.html") })
        return Set(compiled.files.keys)
    }

    private func firstDifference(_ path: String, _ a: InMemorySite, _ b: InMemorySite) -> String {
        let left = a.text(path) ?? "", right = b.text(path) ?? ""
        let common = zip(left, right).prefix { $0 == $1 }.count
        return "\(path) at character \(common): compiled “\(left.dropFirst(common).prefix(80))” mustache “\(right.dropFirst(common).prefix(80))”"
    }

    private static var edgeCaseFiles: [String: String] {
        var files: [String: String] = [
            "content/site.yaml": """
            title: "Edge & <cases>"
            base_url: https://example.org/sub/
            organisation:
              name: "Union \\"O'Hare\\""
              url: https://union.example.org/
              join_url: https://union.example.org/join?a=1&b=2
            nav:
              - title: News
                link: articles/
              - title: Jobs
                link: vacancies/
            """,
            "content/vacancies/jobs.yaml": """
            - id: open-post
              title: "Adviser <senior> & co"
              employer: "Trust \\"A\\""
              location: Leeds
              region: Yorkshire
              contract: fixed-term
              duration: "6 months"
              hours: part-time
              salary: "£1 & up"
              posted: 2026-11-01
              closes: 2026-12-02
              apply_url: https://jobs.example.org/a?x=1&y=2
              summary: "Work with 'trusts'"
              tags: [one, "t<wo>"]
              description: "Read [article 1](../articles/a01.md)."
            - id: closed-post
              title: Closed post
              employer: Council
              location: York
              closes: 2026-01-01
              apply_url: https://jobs.example.org/b
            """,
        ]
        for index in 0..<42 {
            let name = String(format: "a%02d", index)
            var front = "title: \"Article \(index) & <friends>\"\ndate: 2026-0\(1 + index % 9)-1\(index % 10)\n"
            if index % 3 == 0 { front += "summary: \"It's \\\"quoted\\\" & <b>\"\n" }
            if index % 4 == 0 { front += "author: \"A. O'Writer\"\nupdated: 2026-11-2\(index % 9)\n" }
            if index % 5 == 0 { front += "tags: [pay, a-b]\nreview_by: 2026-0\(1 + index % 9)-01\n" }
            let link = index == 0 ? "" : "\n\nSee [the first](a00.md) and [the vacancy](vacancy:open-post)."
            files["content/articles/\(name).md"] = "---\n\(front)---\n## One\n\nText & more.\n\n## Two\n\nMore.\(link)\n"
        }
        return files
    }
}
