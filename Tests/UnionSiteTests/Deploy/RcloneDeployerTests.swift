import Foundation
import Testing
@testable import UnionSite

/// The order of rclone runs, against a stand-in `rclone` that records its arguments and
/// answers listings from files: the pages go up after the other files, the manifest is
/// narrowed before uploads and written after them, deletions come last.
@Suite struct RcloneDeployerTests {
    let a = String(repeating: "a", count: 64), b = String(repeating: "b", count: 64)

    final class FakeRclone {
        let folder: URL
        var log: URL { folder.appendingPathComponent("calls.txt") }
        /// The built site's folder (its files are described by `local`); `BUILT` in `failOn` stands for it.
        var built: URL { folder.appendingPathComponent("built") }

        init(local: String, remote: String, manifest: String, failOn: String? = nil) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("fake-rclone-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("built"), withIntermediateDirectories: true)
            let failOn = failOn?.replacingOccurrences(of: "BUILT", with: folder.appendingPathComponent("built").path)
            try local.write(to: folder.appendingPathComponent("local.json"), atomically: true, encoding: .utf8)
            try remote.write(to: folder.appendingPathComponent("remote.json"), atomically: true, encoding: .utf8)
            try manifest.write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
            let dir = folder.path
            let script = """
                #!/bin/sh
                echo "$*" >> '\(dir)/calls.txt'
                \(failOn.map { "case \"$*\" in *\"\($0)\"*) echo \"2026/12/06 00:00:00 ERROR : about/index.html: Failed to copy: connection lost\" >&2; exit 1;; esac" } ?? "")
                list=""
                prev=""
                for arg in "$@"; do
                  if [ "$prev" = "--files-from-raw" ]; then list="$arg"; fi
                  prev="$arg"
                done
                if [ -n "$list" ]; then sed 's/^/  file /' "$list" >> '\(dir)/calls.txt'; fi
                case "$1" in
                  lsjson) case "$*" in *--hash*) cat '\(dir)/local.json';; *) cat '\(dir)/remote.json';; esac;;
                  cat) cat '\(dir)/manifest.json';;
                  copyto) for arg in "$@"; do case "$arg" in *unionsite-manifest-*.json)
                    sed -n 's/.*"\\(.*\\)" : {/  manifest \\1/p' "$arg" >> '\(dir)/calls.txt';; esac; done;;
                esac
                exit 0
                """
            // Written through a descriptor closed on exec: a process another test spawns at the
            // same moment must not inherit it, or running the script fails with "text file busy".
            let fd = open(folder.appendingPathComponent("rclone").path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
            guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
            let bytes = Array(script.utf8)
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        }

        var calls: [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map { line in
                // The command and what it was given, without the common flags.
                line.hasPrefix("  ") ? String(line) : String(line.split(separator: " ")[0])
            }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    func entry(_ path: String, _ size: Int, _ hash: String? = nil) -> String {
        let hashes = hash.map { #","Hashes":{"sha256":"\#($0)"}"# } ?? ""
        return #"{"Path":"\#(path)","Size":\#(size)\#(hashes)}"#
    }

    func deployer(_ fake: FakeRclone, force: Bool = false) throws -> RcloneDeployer {
        RcloneDeployer(.init(remote: try RcloneRemote("rclone:site:www"), force: force),
                       runner: CommandRunner(searchPath: [fake.folder.path]))
    }

    @Test func uploadsOtherFilesThenPagesThenTheManifestThenDeletes() throws {
        let fake = try FakeRclone(
            local: "[" + [entry("index.html", 10, b), entry("a.css", 5, a), entry("same.html", 3, a)].joined(separator: ",") + "]",
            remote: "[" + [entry("index.html", 10), entry("same.html", 3), entry("old/index.html", 4),
                           entry(".unionsite-manifest.json", 100), entry(".htaccess", 9)].joined(separator: ",") + "]",
            manifest: #"{"format":1,"files":{"index.html":{"sha256":"\#(a)","size":10},"same.html":{"sha256":"\#(a)","size":3}}}"#)
        let deployer = try deployer(fake, force: true)  // 1 of 3 files deleted: more than 25 %
        let output = fake.built
        let plan = try deployer.plan(output)
        #expect(plan.uploads == ["a.css", "index.html"])
        #expect(plan.deletions == ["old/index.html"])
        #expect(plan.unchanged == 1)
        _ = try deployer.deploy(output, plan: plan)
        #expect(fake.calls == [
            "lsjson", "lsjson", "cat",
            "copyto", "  manifest files", "  manifest same.html",  // narrowed: index.html is about to change
            "purge",                                              // what a failed deploy left beside the site
            "copy", "  file a.css",                               // other files first, beside the site (new ones too)…
            "move", "  file a.css",                               // …then renamed into place
            "copy", "  file index.html",                          // then pages: a replacement beside the site…
            "move", "  file index.html",                          // …then renamed over the old copy
            "purge",
            "copyto", "  manifest files", "  manifest a.css", "  manifest index.html", "  manifest same.html",
            "delete", "  file old/index.html",
            "rmdirs",
        ])
        #expect(try String(contentsOf: fake.log, encoding: .utf8).contains("\(fake.built.path) site:.www.unionsite-upload"))
    }

    @Test func whenNothingCanBeStagedFilesAreReplacedInPlace() throws {
        let fake = try FakeRclone(local: "[" + entry("index.html", 10, b) + "]", remote: "[" + entry("index.html", 10) + "]",
                                  manifest: "{}", failOn: "BUILT site:.www.unionsite-upload")
        let plan = try deployer(fake).plan(fake.built)
        _ = try deployer(fake).deploy(fake.built, plan: plan)
        // No manifest at the remote, so none is read; the staging copy fails and the file goes up in place.
        #expect(fake.calls == ["lsjson", "lsjson", "purge", "copy", "copy", "  file index.html", "purge",
                               "copyto", "  manifest files", "  manifest index.html"])
    }

    @Test func theGuardStopsBeforeAnythingIsSent() throws {
        let fake = try FakeRclone(local: "[" + entry("index.html", 1, a) + "]",
                                  remote: "[" + [entry("index.html", 1), entry("a.html", 1), entry("b.html", 1)].joined(separator: ",") + "]",
                                  manifest: "{}")
        let plan = try deployer(fake).plan(fake.built)
        #expect(throws: Diagnostics.self) { try deployer(fake).deploy(fake.built, plan: plan) }
        #expect(fake.calls == ["lsjson", "lsjson"])
        _ = try deployer(fake, force: true).deploy(fake.built, plan: plan)
        #expect(fake.calls.contains("delete"))
    }

    @Test func aFailedUploadNamesTheRemoteAndTheFileAndDeletesNothing() throws {
        let fake = try FakeRclone(local: "[" + entry("about/index.html", 1, a) + "]",
                                  remote: "[" + entry("gone.html", 1) + "]", manifest: "{}", failOn: "BUILT site:www")
        let plan = try deployer(fake, force: true).plan(fake.built)
        do {
            _ = try deployer(fake, force: true).deploy(fake.built, plan: plan)
            Issue.record("expected the upload to fail")
        } catch {
            let message = (error as? Diagnostics)?.description ?? "\(error)"
            #expect(message.contains("uploading to rclone:site:www failed"))
            #expect(message.contains("about/index.html: Failed to copy: connection lost"))
            #expect(message.contains("rerun the deploy"))
        }
        #expect(!fake.calls.contains("delete"))
    }
}
