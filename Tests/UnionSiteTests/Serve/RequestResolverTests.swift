import Testing
@testable import UnionSite

/// The preview server answers only for files the build produced; every traversal form is
/// refused before any lookup.
@Suite struct RequestResolverTests {
    let resolver = RequestResolver(basePath: "/members/")
    let files: Set<String> = ["index.html", "guide/index.html", "assets/site.css", "404.html", "files/a b.pdf"]

    func answer(_ path: String) -> RequestResolver.Answer {
        resolver.answer(path) { files.contains($0) }
    }

    @Test func servesIndexForFolders() {
        #expect(answer("/members/") == .file("index.html"))
        #expect(answer("/members/guide/") == .file("guide/index.html"))
    }

    @Test func redirectsRootAndFoldersWithoutSlash() {
        #expect(answer("/") == .redirect("/members/"))
        #expect(answer("/members") == .redirect("/members/"))
        #expect(answer("/members/guide") == .redirect("/members/guide/"))
    }

    @Test func servesFilesAndDecodesSpaces() {
        #expect(answer("/members/assets/site.css") == .file("assets/site.css"))
        #expect(answer("/members/files/a%20b.pdf") == .file("files/a b.pdf"))
    }

    @Test func missingPathsAreNotFound() {
        #expect(answer("/members/nope/") == .notFound)
        #expect(answer("/elsewhere/index.html") == .notFound)
        #expect(answer("/members/assets/") == .notFound, "no directory listings")
    }

    @Test(arguments: [
        "/members/../etc/passwd", "/members/%2e%2e/%2e%2e/etc/passwd", "/members/..%2f..%2fetc%2fpasswd",
        "/members/%2E%2E%2Fetc", "/members/..%5c..%5cwindows", "/members/guide%2findex.html",
        "/members/index.html%00.css", "/members/a\\b", "//etc/passwd", "etc/passwd", "/members/./index.html",
    ])
    func refusesTraversal(_ path: String) {
        let result = answer(path)
        #expect(result == .badRequest || result == .notFound)
        if case .file = result { Issue.record("\(path) reached a file") }
    }
}
