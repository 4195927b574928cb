import Foundation
import Testing

/// Runs the built `unionsite` executable as users do and checks exit codes, output and files.
@Suite("unionsite command line")
struct CLITests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The `unionsite` binary sits beside the test bundle in the build products folder.
    static let executable: URL? = {
        var folders: [URL] = []
        if let url = Bundle.main.executableURL { folders.append(url.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: first).deletingLastPathComponent()) }
        for folder in folders {
            let candidate = folder.appendingPathComponent("unionsite")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }()

    func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let executable = try #require(Self.executable, "cannot find the unionsite executable beside the test bundle")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A temporary site root, removed by the caller.
    func makeSite(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-cli-\(UUID().uuidString)")
        var all = files
        if all["content/site.yaml"] == nil { all["content/site.yaml"] = "title: CLI test\nbase_url: https://example.org/\n" }
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static let settingsWithNav = "title: CLI test\nbase_url: https://example.org/\nnav:\n  - title: About\n    link: pages/about.md\n"
    static let page = "---\ntitle: About\n---\n\nSee the [guide](/guide/).\n"
    static let brokenPage = "---\ntitle: About\n---\n\nA [broken link](missing.md) and\n[another](/guide/nope.md#x).\n"

    /// Signs of a crash rather than a reported problem.
    static let crashSigns = ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "SIGABRT", "Illegal instruction", "0x0"]

    @Test("--help describes the commands and exits 0")
    func help() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        for command in ["build", "check", "new"] { #expect(result.stdout.contains(command), "\(command)") }
        #expect(try run(["build", "--help"]).stdout.contains("--output"))
    }

    @Test("build on a broken site exits 1 with path:line:column: error: lines and no stack trace")
    func brokenBuild() throws {
        let root = try makeSite(["content/pages/about.md": Self.brokenPage])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["build", "--root", root.path, "--date", "2026-11-29"])
        #expect(result.status == 1)
        #expect(result.stderrLines == [
            "content/pages/about.md:5:3: error: link to content/pages/missing.md, which does not exist",
            "content/pages/about.md:6:1: error: link to content/guide/nope.md, which does not exist",
            "unionsite: 2 errors; nothing was written",
        ])
        #expect(result.stderrLines.count == 3)
        for line in result.stderrLines.dropLast() {
            #expect(line.range(of: #"^content/pages/about\.md:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(line)")
        }
        for sign in Self.crashSigns { #expect(!result.stderr.contains(sign), "\(sign)") }
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test("build prints one summary line, Wrote N pages, and writes the site")
    func goodBuild() throws {
        let root = try makeSite(["content/pages/about.md": Self.page, "content/site.yaml": Self.settingsWithNav])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["build", "--root", root.path, "--date", "2026-11-29"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 1)
        #expect(result.stdout.range(of: #"^Wrote \d+ pages"#, options: .regularExpression) != nil, "\(result.stdout)")
        // Warnings (lint) may go to stderr, but never an error.
        #expect(result.stderrLines.allSatisfy { $0.contains(": warning: ") }, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/about/index.html").path))
    }

    @Test("build with --output writes there; an output holding content/ is refused with exit 1")
    func outputOption() throws {
        let root = try makeSite(["content/pages/about.md": Self.page])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        #expect(try run(["build", "--root", root.path, "--output", output.path, "--date", "2026-11-29"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        let refused = try run(["build", "--root", root.path, "--output", root.path, "--date", "2026-11-29"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: refusing to write the site"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/site.yaml").path))
    }

    @Test("an impossible --date is refused without a crash")
    func badDate() throws {
        let root = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["build", "--root", root.path, "--date", "2025-02-30"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--date"))
        for sign in Self.crashSigns { #expect(!result.stderr.contains(sign), "\(sign)") }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test("check reports success and writes nothing")
    func checkWritesNothing() throws {
        let root = try makeSite(["content/pages/about.md": Self.page])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        let result = try run(["check", "--root", root.path, "--date", "2026-11-29"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("No errors"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() == before)
        let parent = try FileManager.default.contentsOfDirectory(atPath: root.deletingLastPathComponent().path)
        #expect(!parent.contains { $0.contains(root.lastPathComponent) && $0 != root.lastPathComponent })
    }

    @Test("check on a broken site exits 1 with the same diagnostics as build")
    func checkBroken() throws {
        let root = try makeSite(["content/pages/about.md": Self.brokenPage])
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try run(["check", "--root", root.path, "--date", "2026-11-29"])
        let build = try run(["build", "--root", root.path, "--date", "2026-11-29"])
        #expect(check.status == 1)
        #expect(check.stderr == build.stderr)
    }

    @Test("new article writes a valid file named by the slug rule and never overwrites it")
    func newArticle() throws {
        let root = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try run(["new", "article", "Pay: what's next?", "--root", root.path, "--date", "2026-11-29"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("content/articles/pay-what-s-next.md"))
        let file = root.appendingPathComponent("content/articles/pay-what-s-next.md")
        let text = try #require(FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self) })
        #expect(text.hasPrefix("---\ntitle: \"Pay: what's next?\"\ndate: 2026-11-29\n"))
        #expect(text.contains("\n---\n"))
        // The new file is valid front matter: the site checks cleanly with drafts included…
        let check = try run(["check", "--root", root.path, "--date", "2026-11-29", "--drafts"])
        #expect(check.status == 0, "\(check.stderr)")
        // …and the page is built with the title as written.
        let output = root.appendingPathComponent("out")
        #expect(try run(["build", "--root", root.path, "--output", output.path, "--date", "2026-11-29", "--drafts"]).status == 0)
        let page = FileManager.default.contents(atPath: output.appendingPathComponent("articles/pay-what-s-next/index.html").path)
        let html = try #require(page.map { String(decoding: $0, as: UTF8.self) })
        #expect(html.contains("<h1>Pay: what&#39;s next?</h1>") || html.contains("<h1>Pay: what's next?</h1>"))

        try Data("edited\n".utf8).write(to: file)
        let second = try run(["new", "article", "Pay: what's next?", "--root", root.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists"))
        #expect(FileManager.default.contents(atPath: file.path) == Data("edited\n".utf8))
    }

    @Test("new makes every kind, each file checks with no key warning, Markdown kinds with an empty change history")
    func newEveryKind() throws {
        let root = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let made = ["article": "content/articles/k.md", "guide": "content/guide/k.md", "principle": "content/principles/k.md",
                    "page": "content/pages/k.md", "vacancy": "content/vacancies/k.yaml"]
        for (kind, path) in made {
            let result = try run(["new", kind, "K", "--root", root.path, "--date", "2026-11-29"])
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            let text = try #require(FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
                .map { String(decoding: $0, as: UTF8.self) }, "\(kind) made no \(path)")
            #expect(text.contains("\nchanges: []\n") == path.hasSuffix(".md"), "\(kind)")
        }
        let check = try run(["check", "--root", root.path, "--date", "2026-11-29", "--drafts"])
        #expect(check.status == 0, "\(check.stderr)")
        let unexpected = check.stderr.split(separator: "\n").filter { $0.contains("key") || $0.contains("change") }
        #expect(unexpected.isEmpty, "\(unexpected)")
    }

    @Test("new --lang starts a translation from its original; check --translations lists what is missing")
    func translations() throws {
        let root = try makeSite([
            "content/site.yaml": "title: CLI test\nbase_url: https://example.org/\nlanguages:\n  cy: { name: Cymraeg }\n",
            "content/pages/about.md": "---\ntitle: About\n---\n\nAbout us.\n",
            "content/pages/join.md": "---\ntitle: Join\n---\n\nJoin us. See [about](about.md).\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try run(["check", "--root", root.path, "--date", "2026-11-29", "--translations"])
        #expect(before.stdout.contains("content/pages/about.md: no cy version: About"))
        #expect(before.stdout.contains("content/pages/join.md: no cy version: Join"))
        let made = try run(["new", "page", "About", "--lang", "cy", "--root", root.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("content/pages/about.cy.md"))
        let after = try run(["check", "--root", root.path, "--date", "2026-11-29", "--translations"])
        #expect(!after.stdout.contains("about.md: no cy version"))
        #expect(after.stdout.contains("content/pages/join.md: no cy version: Join"))
        let unknown = try run(["new", "page", "Join", "--lang", "fr", "--root", root.path])
        #expect(unknown.status != 0 && unknown.stderr.contains("`fr` is not one of site.yaml's `languages` (cy)"))
        let again = try run(["new", "page", "About", "--lang", "cy", "--root", root.path])
        #expect(again.status != 0 && again.stderr.contains("already exists"))
    }

    @Test("new refuses an unknown kind with a usage error")
    func newUnknownKind() throws {
        let root = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["new", "podcast", "Title", "--root", root.path])
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/podcast").path))
    }

    @Test("check --stale lists only pages past review_by, today by default")
    func stale() throws {
        let root = try makeSite([
            "content/pages/old.md": "---\ntitle: Old guidance\nreview_by: 2001-01-01\n---\nText.\n",
            "content/pages/later.md": "---\ntitle: Later\nreview_by: 2099-01-01\n---\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try run(["check", "--stale", "--root", root.path])
        #expect(run.stdoutLines.contains("content/pages/old.md: due for review since 2001-01-01: Old guidance"))
        #expect(!run.stdout.contains("2099"))
        let early = try self.run(["check", "--stale", "--root", root.path, "--date", "2000-06-01"])
        #expect(early.stdoutLines.first == "No page is due for review on 2000-06-01.")
    }
}
