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
}
