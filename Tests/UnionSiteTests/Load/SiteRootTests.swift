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

    @Test("an output that is or holds the root, content/ or templates/ is refused", arguments: [
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

    @Test("a build refuses an output inside content/ or templates/, also through a link to a parent", arguments: [
        "content/static/public", "content/out", "templates/site", "link/static/new/deeper",
    ])
    func refusesOutputInside(relative: String) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link"), withDestinationURL: folder.appendingPathComponent("content"))
        let root = try SiteRoot(root: folder.path, output: folder.appendingPathComponent(relative).path)
        let error = #expect(throws: Diagnostics.self) { try root.checkOutputCanBeReplaced() }
        #expect(error?.items.first?.message.contains("it is inside") == true, "\(relative)")
    }

    @Test("a build refuses an output path that is a file, and keeps the file; other commands do not mind it")
    func refusesFile() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("public")
        try Data("keep me".utf8).write(to: file)
        let root = try SiteRoot(root: folder.path)
        let error = #expect(throws: Diagnostics.self) { try root.checkOutputCanBeReplaced() }
        #expect(error?.items.first?.message.contains("it is a file") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
    }

    @Test("an output that is a symbolic link is written at its target, and the link kept")
    func followsLink() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("site")
        let target = folder.appendingPathComponent("www/union")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("title: T\nbase_url: https://example.org/\n".utf8).write(to: root.appendingPathComponent("content/site.yaml"))
        let link = root.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let siteRoot = try SiteRoot(root: root.path)
        #expect(siteRoot.output.path == target.resolvingSymlinksInPath().path)
        _ = try Build.run(Build.Options(root: siteRoot, model: .init(buildDate: Day("2026-06-01"))))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
    }

    @Test("a link that points into content/ is refused like the folder itself")
    func refusesLinkIntoContent() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("public"),
                                                   withDestinationURL: folder.appendingPathComponent("content/static"))
        let error = #expect(throws: Diagnostics.self) { try SiteRoot(root: folder.path).checkOutputCanBeReplaced() }
        #expect(error?.items.first?.code == "output-unsafe")
    }

    @Test("a link to a folder that does not exist yet is followed, and refused when that is inside content/")
    func danglingLink() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("public").path, withDestinationPath: "content/static/zz")
        let root = try SiteRoot(root: folder.path)
        #expect(root.output.lastPathComponent == "zz")
        #expect(throws: Diagnostics.self) { try root.checkOutputCanBeReplaced() }
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
