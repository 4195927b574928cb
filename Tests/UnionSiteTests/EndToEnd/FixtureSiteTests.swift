import Foundation
import Testing
@testable import UnionSite

@Suite("Fixture sites")
struct FixtureSiteTests {
    // MARK: - minimal

    static let minimalFiles = [
        "index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "articles/index.html", "principles/index.html",
        "guide/index.html", "guide/glossary/index.html", "vacancies/index.html", "vacancies/archive/index.html",
        "vacancies/feed.xml", "vacancies/index.json", "search/index.html", AssetNames.paths(ThemeFiles.assets)["site.css"]!,
    ]

    @Test("a site with only site.yaml builds every generated page")
    func minimalBuilds() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        let result = try Build.run(buildOptions(root: TestPaths.fixture("minimal"), output: output))
        let written = Set(filesBelow(output))
        for file in Self.minimalFiles {
            #expect(written.contains(file), "missing \(file)")
        }
        #expect(result.summary.pages == written.filter { $0.hasSuffix(".html") }.count)
        #expect(result.warnings.isEmpty)
        // Nothing but the output folder is left beside it (no staging or retired folders).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    @Test("minimal: every expected file is generated", arguments: minimalFiles)
    func minimalFile(path: String) throws {
        let site = try FixtureSite.render("minimal").site()
        let bytes = try #require(site.files[path], "no \(path)")
        #expect(!bytes.isEmpty)
    }

    @Test("robots.txt names the sitemap by its absolute URL")
    func robots() throws {
        let site = try FixtureSite.render("minimal").site()
        #expect(try site.page("robots.txt").contains("Sitemap: https://minimal.example.org/sitemap.xml"))
    }

    @Test("the sitemap lists absolute URLs and leaves out the 404 page")
    func sitemap() throws {
        let sitemap = try FixtureSite.render("minimal").site().page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://minimal.example.org/</loc>"))
        #expect(sitemap.contains("<loc>https://minimal.example.org/articles/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(!sitemap.contains("vacancies/archive"))
    }

    @Test("the empty site's feed is valid Atom dated by the build date")
    func emptyFeed() throws {
        let feed = try FixtureSite.render("minimal").site().page("feed.xml")
        #expect(feed.contains("<updated>2026-11-29T00:00:00Z</updated>"))
        #expect(feed.contains("<id>https://minimal.example.org/feed.xml</id>"))
        #expect(!feed.contains("<entry>"))
    }

    // MARK: - invalid fixtures

    /// Compares the diagnostics of an invalid fixture with its `expected-diagnostics.txt`
    /// (`RECORD_GOLDENS=1` re-records it, and fails so the new lines get checked by eye).
    static func checkInvalidFixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expectedURL = TestPaths.fixture(name).appendingPathComponent("expected-diagnostics.txt")
        let options = try FixtureSite.options(name)
        let actual = diagnosticLines { () throws(Diagnostics) in try Build.render(options) }
        #expect(!actual.isEmpty, "\(name) built without errors", sourceLocation: sourceLocation)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try Data((actual.joined(separator: "\n") + "\n").utf8).write(to: expectedURL)
            Issue.record("recorded \(name)/expected-diagnostics.txt: check every line, then run again without RECORD_GOLDENS",
                         sourceLocation: sourceLocation)
            return
        }
        let text = try #require(FileManager.default.contents(atPath: expectedURL.path).map { String(decoding: $0, as: UTF8.self) },
                                "no expected-diagnostics.txt in \(name); actual:\n\(actual.joined(separator: "\n"))",
                                sourceLocation: sourceLocation)
        let expected = text.split(separator: "\n").map(String.init)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    @Test("invalid fixtures report exactly the expected diagnostics", arguments: FixtureSite.invalid)
    func invalid(name: String) throws {
        try Self.checkInvalidFixture(name)
    }

    @Test("every invalid fixture exists with its expected diagnostics")
    func invalidFixturesPresent() {
        #expect(FixtureSite.invalid.count >= 16)
        for name in FixtureSite.invalid {
            #expect(FileManager.default.fileExists(atPath: TestPaths.fixture(name).appendingPathComponent("expected-diagnostics.txt").path), "\(name)")
        }
    }
}
