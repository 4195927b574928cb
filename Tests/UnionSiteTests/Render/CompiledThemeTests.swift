import Foundation
import Mustache
import Testing
@testable import UnionSite

/// The compiled twins of built-in templates (`CompiledTheme`) must write exactly what
/// swift-mustache writes from the `.mustache` files: whole sites are rendered both ways and
/// compared file by file, so editing a built-in template without its twin fails here.
@Suite struct CompiledThemeTests {
    @Test(arguments: ["member-guide", "minimal", "vacancies-mixed", "bilingual", "change-notes"])
    func fixtureSiteIsTheSameBothWays(_ name: String) throws {
        try expectSameBothWays(FixtureSite.options(name))
    }

    @Test func sampleSiteIsTheSameBothWays() throws {
        let repository = TestPaths.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-unused-output")
        try expectSameBothWays(buildOptions(root: repository, output: output))
    }

    /// Every branch of the compiled templates: escaping, pagination gaps, review notices,
    /// authors and updates, closed and open vacancies with and without each fact.
    @Test func edgeCasesAreTheSameBothWays() throws {
        let site = try TestSite(Self.edgeCaseFiles)
        let pages = try expectSameBothWays(site.options())
        #expect(pages.contains("articles/page/4/index.html"))
        #expect(pages.contains("vacancies/closed-post/index.html"))
    }

    @Test func overridingATemplateTurnsOffEveryTwinThatUsesIt() throws {
        let backlinks = SourceFile(path: "templates/partial-backlinks.mustache", text: "mine")
        #expect(try TemplateSet.load(overrides: ["partial-backlinks": backlinks]).compiled.keys.sorted() == ["article-list", "vacancy-list"])
        let layout = SourceFile(path: "templates/layout.mustache", text: "{{$main}}{{/main}}")
        #expect(try TemplateSet.load(overrides: ["layout": layout]).compiled.isEmpty)
        #expect(try TemplateSet.load(overrides: [:]).compiled.keys.sorted() == ["article", "article-list", "chapter", "principle-document", "vacancy", "vacancy-list"])
        #expect(try TemplateSet.load(overrides: [:], compiled: false).compiled.isEmpty)
    }

    @Test func aSiteOverrideStillTakesEffect() throws {
        var files = Self.edgeCaseFiles
        files["templates/partial-backlinks.mustache"] = "{{% CONTENT_TYPE: UNIONSITE_HTML }}\n<p class=\"mine\">{{#backlinks}}{{title}};{{/backlinks}}</p>\n"
        let site = try TestSite(files)
        let page = try #require(try site.render().text("articles/a00/index.html"))
        #expect(page.contains("<p class=\"mine\">Article 1 &amp; &lt;friends&gt;;"))
        #expect(!page.contains("Pages that link here"))
    }

    /// Mustache's lookup rules, one by one, against swift-mustache itself.
    @Test(arguments: [
        ("{{#list}}{{name}}|{{outer}}|{{.}};{{/list}}", "list"),
        ("{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}{{^empty}}none{{/empty}}{{^missing}}nil{{/missing}}", "flags"),
        ("{{#nested.inner}}{{leaf}}{{/nested.inner}}|{{nested.inner.leaf}}|{{nested.missing.leaf}}", "nesting"),
        ("{{#words}}{{.}},{{/words}}{{#text}}[{{text}}]{{/text}}{{{raw}}}{{count}}", "scalars"),
    ])
    func lookupRulesMatchSwiftMustache(_ template: String, _ label: String) throws {
        let data: [String: Any] = [
            "list": [["name": "a<b"], ["name": "c", "outer": "shadow"]] as [[String: Any]], "outer": "O&",
            "flag": true, "empty": [String](), "nested": ["inner": ["leaf": "L'"] as [String: Any]] as [String: Any],
            "words": ["x\"", "y"], "text": "", "raw": "<i>", "count": 3,
        ]
        FastHTMLContentType.register()
        let expected = try MustacheTemplate(string: "{{% CONTENT_TYPE: UNIONSITE_HTML }}" + template).render(data)
        var page = CompiledPage(data)
        Self.interpret(template, into: &page)
        #expect(String(decoding: page.bytes, as: UTF8.self) == expected, "\(label)")
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

    private func firstDifference(_ path: String, _ a: RenderedSite, _ b: RenderedSite) -> String {
        let left = a.text(path) ?? "", right = b.text(path) ?? ""
        let common = zip(left, right).prefix { $0 == $1 }.count
        return "\(path) at character \(common): compiled “\(left.dropFirst(common).prefix(80))” mustache “\(right.dropFirst(common).prefix(80))”"
    }

    /// A tiny reader of the test templates above, driving `CompiledPage` as compiled
    /// templates do: sections, inverted sections, `{{.}}`, `{{{raw}}}`, dotted names.
    private static func interpret(_ template: String, into page: inout CompiledPage) {
        var rest = Substring(template)
        interpret(&rest, until: nil, into: &page)
    }

    private static func interpret(_ rest: inout Substring, until closing: String?, into page: inout CompiledPage) {
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else {
                page.unescaped(String(rest))
                rest = ""
                return
            }
            page.unescaped(String(rest[..<open.lowerBound]))
            let triple = rest[open.upperBound...].hasPrefix("{")
            let close = rest.range(of: triple ? "}}}" : "}}", range: open.upperBound..<rest.endIndex)!
            var tag = String(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            if triple {
                tag.removeFirst()
                page.unescaped(lookup(tag, page))
                continue
            }
            let sigil = tag.first!
            let name = String(tag.dropFirst())
            switch sigil {
            case "/":
                precondition(name == closing)
                return
            case "#", "^":
                let body = rest
                var skipped = rest
                var scratch = CompiledPage([:])
                interpret(&skipped, until: name, into: &scratch)
                let value = lookup(name, page)
                let run = { (p: inout CompiledPage) in
                    var inner = body
                    interpret(&inner, until: name, into: &p)
                }
                if sigil == "#" { page.section(value, run) } else { page.inverted(value, run) }
                rest = skipped
            default:
                page.text(lookup(tag, page))
            }
        }
    }

    private static func lookup(_ name: String, _ page: CompiledPage) -> Any? {
        if name == "." { return page.current }
        let parts = name.split(separator: ".").map(String.init)
        switch parts.count {
        case 1: return page.value(parts[0])
        case 2: return page.value(parts[0], parts[1])
        default: return page.value(parts[0], parts[1], parts[2])
        }
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
