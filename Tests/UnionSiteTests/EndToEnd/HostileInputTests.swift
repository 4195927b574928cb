import Foundation
import Testing
@testable import UnionSite

/// Whatever lands in `content/`, the build ends with a site or with diagnostics: no crash,
/// no hang (each case runs under a time bound), nothing read from outside the root.
@Suite("Hostile input", .timeLimit(.minutes(2)))
struct HostileInputTests {
    static let article = "---\ntitle: Deep\ndate: 2025-01-01\n---\n\n"

    @Test func listsAndQuotesNestedTenThousandDeepBuild() throws {
        let site = try TestSite([
            "content/articles/lists.md": Self.article + String(repeating: "- ", count: 10_000) + "deep\n",
            "content/articles/quotes.md": Self.article + String(repeating: "> ", count: 10_000) + "deep [x](#nope)\n",
        ])
        let lines = try site.diagnostics()
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/articles/quotes.md:6:") == true, "\(lines)")
    }

    @Test func aFiveMegabyteSingleLineBuilds() throws {
        let site = try TestSite(["content/articles/big.md": Self.article + String(repeating: "word ", count: 1_000_000) + "\n"])
        let rendered = try site.render()
        #expect(rendered.files["articles/big/index.html"]?.count ?? 0 > 5_000_000)
    }

    @Test func theFileSizeLimitIsAClearErrorAndConfigurable() throws {
        let site = try TestSite([
            "content/site.yaml": "title: T\nbase_url: https://example.org/\nmax_file_size: 1000\n",
            "content/pages/big.md": "---\ntitle: Big\n---\n\n" + String(repeating: "x", count: 2000) + "\n",
        ])
        #expect(try site.diagnostics() == [
            "content/pages/big.md:1:1: error: file is 2021 bytes, over the limit of 1000 (raise `max_file_size` in site.yaml)",
        ])
    }

    @Test func binaryAndInvalidUTF8FilesAreRefusedWithTheirPlace() throws {
        let site = try TestSite([:])
        try site.write("content/pages/binary.md", data: Data([0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01, 0x02]))
        try site.write("content/pages/latin1.md", data: Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8))
        #expect(try site.diagnostics() == [
            "content/pages/binary.md:2:1: error: file holds a NUL byte: it looks like a binary file, not text",
            "content/pages/latin1.md:2:11: error: file is not valid UTF-8 text",
        ])
    }

    @Test("a byte-order mark at the start of a file (editors on Windows write one) is not text")
    func byteOrderMarksAreDropped() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let site = try TestSite([:])
        try site.write("content/pages/marked.md", data: bom + Data("---\ntitle: Marked\n---\n\nSee [here](broken.md).\n".utf8))
        try site.write("templates/page.mustache", data: bom + Data("{{<layout}}{{$main}}<h1>{{page.title}}</h1>{{{body}}}{{/main}}{{/layout}}".utf8))
        // Positions are the text's own: the mark takes no column.
        #expect(try site.diagnostics() == ["content/pages/marked.md:5:5: error: link to content/pages/broken.md, which does not exist"])
        try site.write("content/pages/marked.md", data: bom + Data("---\ntitle: Marked\n---\n\nText.\n".utf8))
        let page = try #require(try site.render().text("marked/index.html"))
        #expect(page.contains("<h1>Marked</h1>"))
        #expect(!page.contains("\u{FEFF}"))
    }

    @Test func symbolicLinksOutsideTheRootAreRefusedAndLoopsEnd() throws {
        let site = try TestSite(["content/pages/ok.md": "---\ntitle: OK\n---\n\nText.\n"])
        let pages = site.root.appendingPathComponent("content/pages")
        try FileManager.default.createSymbolicLink(atPath: pages.appendingPathComponent("passwd.md").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/articles-loop").path, withDestinationPath: ".")
        let articles = site.root.appendingPathComponent("content/articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("again").path, withDestinationPath: "..")
        let lines = try site.diagnostics()
        #expect(lines == [
            "content/articles/again:1:1: error: symbolic link points to a folder that contains it, which would loop; refusing to follow it",
            "content/pages/passwd.md:1:1: error: symbolic link points outside the site root (to /etc/passwd); refusing to follow it",
        ])
    }

    @Test func aHundredThousandRowCSVLoadsWithinBounds() throws {
        var csv = "id,title,employer,location,closes,apply_url,posted\n"
        for i in 0..<100_000 { csv += "v\(i),\"Adviser, \(i)\",Trust,Leeds,2027-01-01,https://example.org/\(i),2026-11-01\n" }
        let file = SourceFile(path: "content/vacancies/many.csv", text: csv)
        let records = try VacancyFileReader.records(in: file)
        #expect(records.count == 100_000)
        #expect(records.last?.location.line == 100_001)
        var builder = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        let vacancies = records.compactMap { builder.vacancy($0) }
        #expect(vacancies.count == 100_000)
        #expect(builder.problems.isEmpty)
    }

    @Test func deeplyNestedYAMLIsRefusedNotCrashed() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let site = try TestSite(["content/pages/deep.md": "---\ntitle: Deep\nx: \(deep)\n---\n"])
        let lines = try site.diagnostics()
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/pages/deep.md:3:") == true, "\(lines)")
    }

    @Test func staticFilesDifferingOnlyInCaseAreDuplicateURLs() throws {
        let site = try TestSite(["content/static/files/Report.pdf": "a", "content/static/files/report.pdf": "b"])
        #expect(try site.diagnostics() == [
            "content/static/files/report.pdf:1:1: error: /files/report.pdf and /files/Report.pdf differ only in case: on a case-insensitive host they are the same file",
        ])
    }
}
