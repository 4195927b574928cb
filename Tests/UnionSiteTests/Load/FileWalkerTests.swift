import Foundation
import Testing
@testable import UnionSite

@Suite("FileWalker")
struct FileWalkerTests {
    @Test("thousands of files of every name length are all found, sorted; hidden ones and dot folders are not")
    func manyFiles() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = try SiteRoot(root: folder.path)
        let articles = root.content.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("2026/deep"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: articles.appendingPathComponent(".git"), withIntermediateDirectories: true)
        var expected: [String] = []
        for index in 0..<3_000 {
            // Names from 5 to 200 bytes: directory entries are as long as their names.
            let name = String(repeating: "n", count: index % 196) + "\(index % 10).md"
            let sub = index % 3 == 0 ? "2026/deep/" : index % 3 == 1 ? "2026/" : ""
            let path = "content/articles/\(sub)\(index)-\(name)"
            FileManager.default.createFile(atPath: folder.appendingPathComponent(path).path, contents: Data())
            expected.append(path)
        }
        FileManager.default.createFile(atPath: articles.appendingPathComponent(".hidden.md").path, contents: Data())
        FileManager.default.createFile(atPath: articles.appendingPathComponent(".git/config").path, contents: Data())
        var walker = FileWalker(root: root)
        let found = walker.files(under: articles).map { root.relativePath($0) }
        #expect(found == expected.sorted())
        #expect(walker.diagnostics.isEmpty)
    }

    @Test("a folder that does not exist has no files")
    func missingFolder() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var walker = FileWalker(root: try SiteRoot(root: folder.path))
        #expect(walker.files(under: folder.appendingPathComponent("nowhere")).isEmpty)
    }

    @Test("the directory gives each entry's type: a file and a folder, or no type where the file system keeps none")
    func entryTypes() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("page.md").path, contents: Data("x".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: "page.md")
        let entries = try #require(FileWalker.entries(of: folder.path))
        let types = Dictionary(entries.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(types.keys).isSuperset(of: ["sub", "page.md", "link.md"]))
        // DT_UNKNOWN (0) on a file system that keeps no types; else exactly the kind.
        #expect([UInt8(DT_REG), UInt8(DT_UNKNOWN)].contains(types["page.md"]!!))
        #expect([UInt8(DT_DIR), UInt8(DT_UNKNOWN)].contains(types["sub"]!!))
        #expect([UInt8(DT_LNK), UInt8(DT_UNKNOWN)].contains(types["link.md"]!!))
    }

    @Test("a link to a folder inside the root is followed; one outside the root is refused with an error")
    func links() throws {
        let folder = try makeTemporaryFolder()
        let outside = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: outside) }
        let root = try SiteRoot(root: folder.path)
        let articles = root.content.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("real"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: articles.appendingPathComponent("real/a.md").path, contents: Data())
        FileManager.default.createFile(atPath: outside.appendingPathComponent("secret.md").path, contents: Data())
        try FileManager.default.createSymbolicLink(atPath: root.content.appendingPathComponent("pages").path, withDestinationPath: articles.appendingPathComponent("real").path)
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("away.md").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.md").path)
        var walker = FileWalker(root: root)
        #expect(walker.files(under: articles).map { root.relativePath($0) } == ["content/articles/real/a.md"])
        #expect(walker.diagnostics.map(\.code) == ["symlink-outside-root"])
        // Followed once: the folder the link leads to was walked already.
        #expect(walker.files(under: root.content.appendingPathComponent("pages")).isEmpty)
        var fresh = FileWalker(root: root)
        #expect(fresh.files(under: root.content.appendingPathComponent("pages")).map(\.lastPathComponent) == ["a.md"])
    }
}
