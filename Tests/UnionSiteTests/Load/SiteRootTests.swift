import Foundation
import Testing
@testable import UnionSite

@Suite("SiteRoot")
struct SiteRootTests {
    @Test("the output defaults to <root>/public")
    func defaultOutput() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = try SiteRoot(root: folder.path)
        #expect(root.output.path == folder.appendingPathComponent("public").standardizedFileURL.path)
    }

    @Test("an output that is, or holds, the root, content/ or templates/ is refused", arguments: [
        "", "content", "templates", "content/../content", "..", "/",
    ])
    func refusesUnsafeOutput(relative: String) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let output = relative.hasPrefix("/") ? relative : root.appendingPathComponent(relative).path
        let error = #expect(throws: Diagnostics.self) { try SiteRoot(root: root.path, output: output) }
        #expect(error?.items.first?.code == "output-unsafe")
    }

    @Test("an output beside content/ or outside the root is allowed", arguments: ["public", "content-out", "../elsewhere"])
    func allowsSafeOutput(relative: String) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        _ = try SiteRoot(root: root.path, output: root.appendingPathComponent(relative).path)
    }

    @Test("a root that is not a folder is refused")
    func missingRoot() {
        let error = #expect(throws: Diagnostics.self) { try SiteRoot(root: "/nonexistent/unionsite/site") }
        #expect(error?.items.first?.code == "root-missing")
    }

    @Test("paths in diagnostics are relative to the root")
    func relativePath() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = try SiteRoot(root: folder.path)
        #expect(root.relativePath(root.content.appendingPathComponent("articles/a.md")) == "content/articles/a.md")
        #expect(root.relativePath(URL(fileURLWithPath: root.content.path + "/articles/../news/./b.md")) == "content/news/b.md")
        #expect(root.relativePath(URL(fileURLWithPath: root.content.path + "/articles//c.md")) == "content/articles/c.md")
    }

    @Test("only paths with `/.` or `//` are standardised", arguments: [
        ("/a/b.md", false), ("/a/.hidden", true), ("/a//b", true), ("/a/../b", true), ("a.b/c", false), ("/", false), ("", false), ("/é/.x", true),
    ])
    func standardizing(path: String, expected: Bool) {
        #expect(SiteRoot.mayNeedStandardizing(path) == expected)
    }
}
