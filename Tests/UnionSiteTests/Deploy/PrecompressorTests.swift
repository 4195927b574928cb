import Foundation
import Testing
@testable import UnionSite

@Suite struct PrecompressorTests {
    @Test func gzipIsDeterministicWithoutTimeOrName() {
        let text = Data(String(repeating: "<p>Join the union.</p>\n", count: 200).utf8)
        let first = Precompressor.gzip(text), second = Precompressor.gzip(text)
        #expect(first == second)
        let header = [UInt8](first.prefix(10))
        #expect(header == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3], "magic, deflate, no flags (no name), time 0, best, Unix")
        #expect(first.count < text.count / 10)
    }

    @Test(arguments: [0, 1, 1025, 70_000])
    func gzipDecompressesToTheOriginal(size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let gz = Precompressor.gzip(bytes)
        #expect(try gunzip(gz) == bytes)
    }

    @Test func writesGzBesideLargeTextFilesOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("precompress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = Data(String(repeating: "x", count: 1025).utf8), small = Data(String(repeating: "x", count: 1024).utf8)
        let files = ["index.html": big, "a/b/index.html": big, "site.css": big, "search.js": big, "meta.json": big,
                     "feed.xml": big, "logo.svg": big, "small.html": small, "photo.png": big, "notes.txt": big]
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let written = try Precompressor.run(in: folder)
        #expect(written == ["a/b/index.html.gz", "feed.xml.gz", "index.html.gz", "logo.svg.gz", "meta.json.gz",
                            "search.js.gz", "site.css.gz"])
        let gz = try Data(contentsOf: folder.appendingPathComponent("a/b/index.html.gz"))
        #expect(try gunzip(gz) == big)
        // Running again gives the same bytes and compresses no .gz.
        #expect(try Precompressor.run(in: folder) == written)
        #expect(try Data(contentsOf: folder.appendingPathComponent("a/b/index.html.gz")) == gz)
    }

    /// Decompression by Debian's gzip, not by the code under test.
    func gunzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-d", "-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(data); try? input.fileHandleForWriting.close() }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return result
    }
}
