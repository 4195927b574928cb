import Foundation
import Testing
@testable import UnionSite

/// Where the test target's own folders are: fixtures and golden files sit beside the
/// sources (excluded from compilation in Package.swift) and are found from this file.
enum TestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let golden = testsFolder.appendingPathComponent("Golden")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }
}

/// The build date every test builds with, so "future" and "closed" never depend on the clock.
let testBuildDate = Day("2026-11-29")!

/// A fresh empty folder under the system's temporary folder.
func makeTemporaryFolder(_ label: String = "unionsite-test") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A fixture's `content/` copied into a fresh folder (to edit it), with build options for it
/// writing to `out/` there. The caller removes `root`.
func copiedFixture(_ name: String) throws -> (root: URL, options: Build.Options) {
    let root = try makeTemporaryFolder()
    try FileManager.default.copyItem(at: TestPaths.fixture(name).appendingPathComponent("content"), to: root.appendingPathComponent("content"))
    return (root, try buildOptions(root: root, output: root.appendingPathComponent("out")))
}

/// Build options for a site root and output folder, dated `testBuildDate`.
func buildOptions(root: URL, output: URL, drafts: Bool = false) throws -> Build.Options {
    let siteRoot = try SiteRoot(root: root.path, output: output.path)
    return Build.Options(root: siteRoot, model: .init(buildDate: testBuildDate, includeDrafts: drafts))
}

/// The diagnostics a build throws, as the command line prints them; empty when it succeeds.
func diagnosticLines(_ render: () throws(Diagnostics) -> InMemorySite) -> [String] {
    do {
        _ = try render()
        return []
    } catch {
        return error.sorted.map(\.description)
    }
}

/// An inline site: `[relativePath: contents]` written into a temporary folder, built with the
/// real pipeline, and removed again when the value goes away.
///
///     let site = try TestSite(["content/articles/pay.md": "---\ntitle: Pay\ndate: 2026-01-01\n---\nText"])
///     let rendered = try site.render()
///     #expect(rendered.text("articles/pay/index.html")?.contains("Pay") == true)
final class TestSite {
    static let defaultSettings = "title: Test site\nbase_url: https://example.org/\n"

    let folder: URL
    var root: URL { folder.appendingPathComponent("site") }
    var output: URL { folder.appendingPathComponent("public") }

    /// `content/site.yaml` is added (`defaultSettings`) unless `files` has one.
    init(_ files: [String: String]) throws {
        folder = try makeTemporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        var all = files
        if all["content/site.yaml"] == nil { all["content/site.yaml"] = Self.defaultSettings }
        for (path, text) in all { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    func write(_ path: String, data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func options(drafts: Bool = false) throws -> Build.Options {
        try buildOptions(root: root, output: output, drafts: drafts)
    }

    /// Stages 1–4, in memory.
    func render(drafts: Bool = false) throws -> InMemorySite {
        try Build.render(options(drafts: drafts))
    }

    /// Stages 1–5, into `output`.
    @discardableResult
    func build(drafts: Bool = false) throws -> Build.Result {
        try Build.run(options(drafts: drafts))
    }

    /// The diagnostics `render` throws, as printed; empty when the site is fine.
    func diagnostics(drafts: Bool = false) throws -> [String] {
        let options = try options(drafts: drafts)
        return diagnosticLines { () throws(Diagnostics) in try Build.render(options) }
    }

    /// A written output file as text, or nil.
    func outputText(_ path: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension InMemorySite {
    /// A generated file as text, by its path below the output folder.
    func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Every file below a folder (relative paths, sorted), for comparing two outputs.
func filesBelow(_ folder: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    let base = folder.standardizedFileURL.path + "/"
    var paths: [String] = []
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
        let full = url.standardizedFileURL.path
        paths.append(full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full)
    }
    return paths.sorted()
}

extension String {
    /// The number of non-overlapping occurrences of `needle`.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// Every `href="…"` value, in order.
    var hrefs: [String] {
        var found: [String] = []
        var rest = self[...]
        while let start = rest.range(of: "href=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            found.append(String(after[..<end]))
            rest = after[after.index(after: end)...]
        }
        return found
    }
}
