import Testing
@testable import UnionSite

/// `code: message` of a failed resolution; nil when it succeeded.
func failure(_ result: Result<LinkTarget, LinkResolver.Failure>) -> String? {
    guard case .failure(.message(let message, let code)) = result else { return nil }
    return "\(code): \(message)"
}

extension Result where Success == LinkTarget, Failure == LinkResolver.Failure {
    var failureMessage: String? {
        guard case .failure(.message(let message, _)) = self else { return nil }
        return message
    }
}

@Suite("LinkResolver")
struct LinkResolverTests {
    let resolver = LinkResolver(
        pages: ["guide/academies.md": .folder("guide", "academies"), "guide/index.md": .folder("guide"),
                "articles/2026/pay.md": .folder("articles", "pay"), "pages/about.md": .folder("about")],
        vacancies: ["adviser-north": .folder("vacancies", "adviser-north")],
        staticFiles: ["files/handbook.pdf", "files/a b.pdf"],
        leftOut: ["articles/draft.md": "is a draft (build with --drafts to include it)"])

    func resolve(_ destination: String, from file: String = "articles/2026/pay.md") -> Result<LinkTarget, LinkResolver.Failure> {
        resolver.resolve(destination, from: .item(file), contentPath: file)
    }

    @Test("relative paths start from the linking file's folder", arguments: [
        ("../../guide/academies.md", "articles/2026/pay.md"),
        ("academies.md", "guide/index.md"),
        ("./academies.md", "guide/index.md"),
        ("../guide/academies.md", "pages/about.md"),
    ])
    func relative(destination: String, from: String) {
        #expect(resolve(destination, from: from) == .success(.page(key: .item("guide/academies.md"), path: .folder("guide", "academies"), fragment: nil)))
    }

    @Test("a relative link keeps its fragment, percent-decoded")
    func fragment() {
        #expect(resolve("../guide/academies.md#what-is-an-academy", from: "pages/about.md")
            == .success(.page(key: .item("guide/academies.md"), path: .folder("guide", "academies"), fragment: "what-is-an-academy")))
        #expect(resolve("academies.md#caf%C3%A9", from: "guide/index.md")
            == .success(.page(key: .item("guide/academies.md"), path: .folder("guide", "academies"), fragment: "café")))
    }

    @Test("a path starting with / is relative to content/")
    func rootRelative() {
        #expect(resolve("/guide/academies.md") == .success(.page(key: .item("guide/academies.md"), path: .folder("guide", "academies"), fragment: nil)))
        #expect(resolve("/guide/../guide/academies.md#x") == .success(.page(key: .item("guide/academies.md"), path: .folder("guide", "academies"), fragment: "x")))
    }

    @Test("climbing out of content/ fails", arguments: ["../../../etc/passwd", "/../site.yaml", "../../../content/guide/academies.md", "/.."])
    func escaping(destination: String) {
        guard case .failure(.message(let message, let code)) = resolve(destination) else {
            Issue.record("expected a failure for \(destination)")
            return
        }
        #expect(message.contains("outside content/"))
        #expect(code == "link-outside-content")
    }

    @Test("a missing content file fails naming it")
    func missingFile() {
        #expect(failure(resolve("/guide/nope.md")) == "link-missing-file: link to content/guide/nope.md, which does not exist")
    }

    @Test("a link to a left-out article says why")
    func draft() {
        #expect(failure(resolve("../draft.md")) == "link-not-built: link to content/articles/draft.md, which is a draft (build with --drafts to include it)")
    }

    @Test("vacancy:<id> links to the vacancy page")
    func vacancy() {
        #expect(resolve("vacancy:adviser-north") == .success(.page(key: .vacancy("adviser-north"), path: .folder("vacancies", "adviser-north"), fragment: nil)))
        #expect(resolve("vacancy:adviser-north#apply") == .success(.page(key: .vacancy("adviser-north"), path: .folder("vacancies", "adviser-north"), fragment: "apply")))
        #expect(failure(resolve("vacancy:nobody")) == "link-unknown-vacancy: link to vacancy:nobody, but no vacancy has that id")
    }

    @Test("files under content/static/ resolve by their path", arguments: ["/files/handbook.pdf", "/static/files/handbook.pdf", "/files/a%20b.pdf"])
    func staticFiles(destination: String) {
        guard case .success(.file(let path, nil)) = resolve(destination) else {
            Issue.record("expected a static file for \(destination), got \(resolve(destination))")
            return
        }
        #expect(path.hasPrefix("files/"))
    }

    @Test("a missing static file fails")
    func missingStatic() {
        #expect(resolve("/files/missing.pdf").failureMessage == "link to /files/missing.pdf: no such page or file under content/static/")
    }

    @Test("external links are left alone", arguments: [
        "https://example.org/x", "http://example.org", "mailto:rep@example.org", "tel:+441234567890", "//cdn.example.org/x.js", "HTTPS://EXAMPLE.ORG",
    ])
    func external(destination: String) {
        #expect(resolve(destination) == .success(.external))
    }

    @Test("javascript:, vbscript: and data: are unsafe", arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "vbscript:x"])
    func unsafe(destination: String) {
        #expect(resolve(destination) == .success(.unsafe))
    }

    @Test("sections resolve to generated pages", arguments: [
        ("/articles/", SitePath.folder("articles")), ("/vacancies/", .folder("vacancies")), ("/guide/glossary/", .folder("guide", "glossary")),
        ("/principles/", .folder("principles")), ("/vacancies/archive/", .folder("vacancies", "archive")), ("/search/", .folder("search")),
    ])
    func sections(destination: String, path: SitePath) {
        #expect(resolve(destination) == .success(.section(path: path, fragment: nil)))
    }

    @Test("nav-style section links (no leading slash, no file) resolve from content/")
    func navSections() {
        #expect(resolver.resolve("articles/", from: nil, contentPath: nil) == .success(.section(path: .folder("articles"), fragment: nil)))
        #expect(resolver.resolve("guide/", from: nil, contentPath: nil) == .success(.section(path: .folder("guide"), fragment: nil)))
        #expect(resolver.resolve("pages/about.md", from: nil, contentPath: nil) == .success(.page(key: .item("pages/about.md"), path: .folder("about"), fragment: nil)))
    }

    @Test("#fragment alone stays on the same page")
    func samePage() {
        #expect(resolve("#pay") == .success(.page(key: .item("articles/2026/pay.md"), path: .folder("articles", "pay"), fragment: "pay")))
    }

    @Test("schemes are recognised only when well-formed", arguments: [
        ("https://x", "https"), ("mailto:a@b", "mailto"), ("a+b.c-d:x", "a+b.c-d"), ("../x.md", nil), ("1http:x", nil), ("file name:x", nil),
    ] as [(String, String?)])
    func scheme(destination: String, expected: String?) {
        #expect(LinkResolver.scheme(of: destination) == expected)
    }

    @Test("content paths are normalised", arguments: [
        ("a.md", "guide/x.md", "guide/a.md"), ("../a.md", "guide/x.md", "a.md"), ("/a/./b/../c.md", "guide/x.md", "a/c.md"),
        ("a.md?x=1", "guide/x.md", "guide/a.md"), ("sub/", "guide/x.md", "guide/sub/"),
    ] as [(String, String, String)])
    func contentPath(path: String, from: String, expected: String) {
        #expect(LinkResolver.contentPath(path, from: from) == expected)
    }
}

@Suite("LinkChecker")
struct LinkCheckerTests {
    let checker = LinkChecker(
        resolver: LinkResolver(pages: ["guide/academies.md": .folder("guide", "academies")], vacancies: [:], staticFiles: ["files/a b.pdf"], leftOut: [:]),
        anchors: [.item("guide/academies.md"): ["what-is-an-academy"]], glossaryAnchors: ["academy"], basePath: "/members/")

    @Test("a fragment must exist on the target page")
    func fragments() {
        #expect(checker.resolve("/guide/academies.md#what-is-an-academy", from: nil, contentPath: nil)
            == .success(.page(key: .item("guide/academies.md"), path: .folder("guide", "academies"), fragment: "what-is-an-academy")))
        #expect(checker.resolve("/guide/academies.md#nope", from: nil, contentPath: nil)
            .failureMessage == "link to #nope on content/guide/academies.md, which has no such heading or anchor")
    }

    @Test("glossary fragments are checked against the terms")
    func glossaryFragments() {
        #expect(checker.resolve("/guide/glossary/#academy", from: nil, contentPath: nil) == .success(.section(path: .folder("guide", "glossary"), fragment: "academy")))
        #expect(checker.resolve("/guide/glossary/#nope", from: nil, contentPath: nil).failureMessage == "link to #nope on /guide/glossary/, which has no such anchor")
    }

    @Test("hrefs carry the base path and encode files and fragments")
    func hrefs() {
        #expect(checker.href(for: .page(key: .item("k"), path: .folder("guide", "academies"), fragment: "x y")) == "/members/guide/academies/#x%20y")
        #expect(checker.href(for: .file(path: "files/a b.pdf", fragment: nil)) == "/members/files/a%20b.pdf")
        #expect(checker.href(for: .section(path: .home, fragment: nil)) == "/members/")
    }
}
