import Foundation
import Testing

/// `init`, `theme` and `--version`, run as a new user would.
extension CLITests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-init-\(UUID().uuidString)")
    }

    @Test("init makes a site that builds with no warning at all (check --warnings-as-errors passes), then refuses to run again")
    func initThenBuild() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try run(["init", folder.path + "/mysite", "--title", "Anytown: \"Branch\"", "--base-url", "https://example.org/anytown"])
        #expect(made.status == 0, "\(made.stderr)")
        let site = folder.appendingPathComponent("mysite")
        let settings = try String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        #expect(settings.contains("title: \"Anytown: \\\"Branch\\\"\"") && settings.contains("base_url: \"https://example.org/anytown/\""))
        for key in ["title", "base_url", "language", "description", "timezone", "organisation", "nav", "autolink", "max_file_size", "lint"] {
            #expect(settings.contains("\(key):"), "site.yaml shows `\(key)`")
        }
        #expect(try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8).contains("public/\n.unionsite/\n"))
        let build = try run(["build", "--root", site.path])
        #expect(build.status == 0)
        #expect(build.stderr.isEmpty, "warnings or errors: \(build.stderr)")
        let check = try run(["check", "--warnings-as-errors", "--root", site.path])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        let about = try String(contentsOf: site.appendingPathComponent("public/about/index.html"), encoding: .utf8)
        #expect(about.contains("<img src=\"/anytown/images/meeting.svg\" alt=\"Members around a table at a branch meeting\" width=\"640\" height=\"320\" />"))

        let again = try run(["init", site.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already has a content/ folder"))
    }

    @Test("init into a file, or below one, is an error and writes nothing")
    func initRefusesFiles() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("notes.txt")
        try Data("x".utf8).write(to: file)
        let onFile = try run(["init", file.path])
        #expect(onFile.status != 0 && onFile.stderr.contains("is a file, not a folder"))
        let below = try run(["init", file.path + "/site"])
        #expect(below.status != 0 && below.stderr.contains("is a file, not a folder"))
        let badURL = try run(["init", folder.path + "/x", "--base-url", "example.org"])
        #expect(badURL.status != 0 && badURL.stderr.contains("--base-url must be an absolute http or https URL"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test("init into a folder it cannot write is an error")
    func initUnwritable() throws {
        // /proc refuses new folders even to root, for whom permission bits do not count.
        guard FileManager.default.fileExists(atPath: "/proc/self") else { return }
        let result = try run(["init", "/proc/unionsite-init-test"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("unionsite: error: cannot"), "\(result.stderr)")
    }

    @Test("theme eject: named files, never overwriting; an unknown name lists the valid ones")
    func themeEject() throws {
        let root = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try run(["theme", "eject", "layout", "site.css", "--root", root.path])
        #expect(first.status == 0)
        #expect(first.stdoutLines == ["Wrote templates/layout.mustache", "Wrote templates/site.css"])
        try Data("mine".utf8).write(to: root.appendingPathComponent("templates/site.css"))
        let second = try run(["theme", "eject", "site.css", "--root", root.path])
        #expect(second.stdoutLines == ["Kept templates/site.css: it already exists (not overwritten)"])
        #expect(try String(contentsOf: root.appendingPathComponent("templates/site.css"), encoding: .utf8) == "mine")
        let unknown = try run(["theme", "eject", "partial-footer", "--root", root.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no built-in theme file is called `partial-footer`; the names are: article-list.mustache"))
        let list = try run(["theme", "list"])
        #expect(list.stdoutLines.count == 29 && list.stdout.contains("layout.mustache"))
    }

    @Test("--version names unionsite's version and the cmark it links")
    func version() throws {
        let result = try run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.wholeMatch(of: /unionsite \d+\.\d+\.\d+ \(cmark \d+\.\d+\.\d+\)\n/) != nil, "\(result.stdout)")
    }
}
