import Foundation
import Testing
@testable import UnionSite

/// Issue 16: keys the content model does not define, and values that say nothing.
@Suite("Unknown keys and empty values")
struct KeyAuditTests {
    // MARK: - EditDistance

    @Test("edit distance counts inserts, deletes, replacements and swaps of neighbours", arguments: [
        ("sumary", "summary", 1), ("tittle", "title", 1), ("tilte", "title", 1), ("close", "closes", 1),
        ("", "slug", 4), ("note", "date", 2), ("summary", "summary", 0),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(EditDistance.between(a, b) == expected)
    }

    @Test("a suggestion is made only for a near miss; short names must be one edit away")
    func suggestions() {
        #expect(EditDistance.suggestion(for: "sumary", among: KnownKeys.frontMatter(.article)) == "summary")
        #expect(EditDistance.suggestion(for: "Title", among: KnownKeys.frontMatter(.page)) == "title")
        #expect(EditDistance.suggestion(for: "close", among: VacancyBuilder.knownFields) == "closes")
        #expect(EditDistance.suggestion(for: "note", among: KnownKeys.frontMatter(.article)) == nil)
        #expect(EditDistance.suggestion(for: "banner", among: KnownKeys.frontMatter(.page)) == nil)
        #expect(EditDistance.suggestion(for: "organization", among: KnownKeys.site) == "organisation")
    }

    // MARK: - Warnings in a site that builds

    @Test("a misspelt key warns at its line and still reaches templates as page.params")
    func typoWarnsAndReachesTemplates() throws {
        let rendered = try TestSite([
            "content/pages/about.md": "---\ntitle: About\nsumary: Hello there\n---\nText\n",
            "templates/page.mustache": "{{<layout}}{{$main}}<p class=\"p\">{{page.params.sumary}}</p>{{/main}}{{/layout}}",
        ]).render()
        #expect(try rendered.page("about/index.html").contains("<p class=\"p\">Hello there</p>"))
        #expect(rendered.warnings.filter { $0.code == "unknown-key" }.map(\.description) == [
            "content/pages/about.md:3:1: warning: unknown key `sumary`: did you mean `summary`?",
        ])
    }

    @Test("`lint: { off: [unknown-key] }` switches the unknown-key warnings off")
    func lintOff() throws {
        let rendered = try TestSite([
            "content/site.yaml": TestSite.defaultSettings + "tittle: x\nlint: { off: [unknown-key, orphan-page] }\n",
            "content/pages/about.md": "---\ntitle: About\nsumary: Hello there\n---\nText\n",
        ]).render()
        #expect(rendered.warnings.isEmpty, "\(rendered.warnings)")
    }

    @Test("a `lint.off` code that no warning carries is a warning, not an error")
    func unknownLintCode() throws {
        let rendered = try TestSite([
            "content/site.yaml": TestSite.defaultSettings + "lint:\n  off:\n    - orphan-pages\n    - orphan-page\n",
            "content/pages/about.md": "---\ntitle: About\n---\nText\n",
        ]).render()
        #expect(rendered.warnings.map(\.description) == [
            "content/site.yaml:5:7: warning: `orphan-pages` is not a warning code, so it switches nothing off: did you mean `orphan-page`?",
        ])
    }

    @Test("an empty optional value is the same as leaving the key out")
    func blankIsAbsent() throws {
        let rendered = try TestSite([
            "content/site.yaml": TestSite.defaultSettings + "language: \"\"\ntimezone: \"\"\nautolink: ~\n",
            "content/articles/a.md": "---\ntitle: A\ndate: 2026-01-01\nsummary: \"\"\nslug: \"\"\ndraft: \"\"\nupdated:\n---\nText\n",
        ]).render()
        #expect(try rendered.page("articles/a/index.html").contains("lang=\"en-GB\""))
        #expect(rendered.warnings.map(\.code) == ["article-summary"])
    }

    @Test("one text where a list is expected is split on commas; extra commas are only separators")
    func textAsList() throws {
        let rendered = try TestSite([
            "content/articles/a.md": "---\ntitle: A\ndate: 2026-01-01\nsummary: S\ntags: pay, Grading,, \n---\nText\n",
        ]).render()
        #expect(rendered.files["tags/pay/index.html"] != nil && rendered.files["tags/grading/index.html"] != nil)
    }

    @Test("an unknown time zone and a negative max_file_size are errors at their values")
    func settingsValues() throws {
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "timezone: Europe/Lundon\nmax_file_size: -5\n"])
        #expect(try site.diagnostics() == [
            "content/site.yaml:3:11: error: unknown time zone `Europe/Lundon`: use a name such as Europe/London",
            "content/site.yaml:4:16: error: `max_file_size` must be a number of bytes above 0, found -5",
        ])
    }

    @Test("a file in vacancies/ that is not YAML, JSON or CSV is reported, not passed over")
    func vacancyFileIgnored() throws {
        let rendered = try TestSite(["content/vacancies/roles.xlsx": "PK"]).render()
        #expect(rendered.warnings.map(\.description) == [
            "content/vacancies/roles.xlsx:1:1: warning: this file is not .yaml, .yml, .json or .csv, so no vacancies are read from it",
        ])
    }

    // MARK: - WarningCodes

    /// Every `.warning(…, code: "x")` and `warn…(…, code: "x")` in the sources, so that a warning
    /// added later (also by another branch) cannot be missing from `WarningCodes.all`.
    @Test("every warning code in the sources is listed in WarningCodes.all")
    func warningCodesListed() throws {
        let sources = TestPaths.testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/UnionSite")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/Deploy/") } ?? []
        #expect(files.count > 50)
        // A call, then anything but a blank line, up to its code (`\b` would not do: Unicode
        // word boundaries do not break at the `.` of `fields.warn`).
        let call = try Regex(#"(\.warning\(|[^A-Za-z]warn[A-Za-z]*\()(?:[^\n]|\n(?!\s*\n))*?code: "([a-z0-9-]+)""#)
        var found: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: call) {
                if let code = match.output[2].substring { found.insert(String(code)) }
            }
        }
        #expect(found.contains("image-alt") && found.contains("vacancy-unknown-field"), "\(found.sorted())")
        #expect(found.subtracting(WarningCodes.all).isEmpty, "not in WarningCodes.all: \(found.subtracting(WarningCodes.all).sorted())")
    }
}
