import Foundation
import Testing
@testable import UnionSite

@Suite struct DeployTargetTests {
    func target(_ text: String) throws -> DeployTarget { try DeployTarget(text, relativeTo: "/work/site") }

    @Test(arguments: [
        ("user@host:/srv/site", "user", "host", "/srv/site"),
        ("host:/srv/site", nil, "host", "/srv/site"),
        ("deploy@web-1.example.org:/srv/members/", "deploy", "web-1.example.org", "/srv/members"),
        ("root@127.0.0.1:/tmp/remote", "root", "127.0.0.1", "/tmp/remote"),
        ("host:site", nil, "host", "site"),
        ("host:~/www/site", nil, "host", "www/site"),
        ("user@[::1]:/srv/site", "user", "::1", "/srv/site"),
        ("host:/srv/a:b", nil, "host", "/srv/a:b"),
        ("host:/srv/user@x", nil, "host", "/srv/user@x"),
    ] as [(String, String?, String, String)])
    func remoteTargets(text: String, user: String?, host: String, path: String) throws {
        #expect(try target(text) == .remote(user: user, host: host, path: path))
    }

    @Test(arguments: [
        ("/srv/site", "/srv/site"),
        ("/srv/site/", "/srv/site"),
        ("/srv/a:b", "/srv/a:b"),
        ("./a:b", "/work/site/a:b"),
        ("../out:2", "/work/out:2"),
        ("out", "/work/site/out"),
        ("a/b:c", "/work/site/a/b:c"),
        ("a@b/c", "/work/site/a@b/c"),
    ])
    func localTargets(text: String, path: String) throws {
        #expect(try target(text) == .local(path: path))
    }

    @Test(arguments: ["", ":/srv/site", "@host:/srv", "user@host:", "host:", "-oProxyCommand=x:/srv", "host::module",
                      "rsync://host/module", "host:/", "/", "user@[::1/srv", "host:~other/site", "us er@host:/srv", "ho st:/srv"])
    func badTargets(text: String) {
        #expect(throws: Diagnostics.self) { try target(text) }
    }

    @Test func badTargetIsADiagnostic() {
        do {
            _ = try target("host:")
            Issue.record("expected an error")
        } catch let error as Diagnostics {
            #expect(error.errors.first?.code == "deploy-target")
            #expect(error.description.contains("bad deploy target host:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func rsyncLocations() throws {
        #expect(try target("user@host:/srv/site").rsyncLocation("releases/x/") == "user@host:/srv/site/releases/x/")
        #expect(try target("user@[::1]:/srv").rsyncLocation("current/") == "user@[::1]:/srv/current/")
        #expect(try target("/srv/site").rsyncLocation("current/") == "/srv/site/current/")
        #expect(try target("user@host:/srv/site").sshDestination == "user@host")
        #expect(try target("host:/srv/site").sshDestination == "host")
        #expect(try target("/srv/site").sshDestination == nil)
    }
}

@Suite struct RemoteShellTests {
    @Test(arguments: [
        ("plain", "'plain'"),
        ("", "''"),
        ("/srv/my site", "'/srv/my site'"),
        ("it's", "'it'\\''s'"),
        ("'", "''\\'''"),
        ("$(rm -rf /); `x` $HOME \\ \" * ?", "'$(rm -rf /); `x` $HOME \\ \" * ?'"),
    ])
    func quoting(word: String, quoted: String) {
        #expect(RemoteShell.quote(word) == quoted)
    }

    @Test func scriptsTakePathsAsArguments() {
        let command = RemoteShell.script(#"mkdir -p -- "$1/releases""#, arguments: ["/srv/it's here"])
        #expect(command == #"'sh' '-c' 'mkdir -p -- "$1/releases"' 'unionsite-deploy' '/srv/it'\''s here'"#)
    }

    /// What a real POSIX shell makes of the quoted words: exactly the words given.
    @Test func quotedWordsSurviveARealShell() throws {
        let words = ["a b", "it's", "$HOME", "`id`", "\\n", "\"q\"", "*", "", "ü –"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "for w in " + words.map(RemoteShell.quote).joined(separator: " ") + "; do printf '%s\\0' \"$w\"; done"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let back = String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(back == words)
    }

    @Test func sshOptionSplitsLikeRsync() {
        #expect(ShellWords.split("ssh -p 2222 -i key -o StrictHostKeyChecking=no") == ["ssh", "-p", "2222", "-i", "key", "-o", "StrictHostKeyChecking=no"])
        #expect(ShellWords.split(#"ssh -i "/tmp/my key" -o 'User=a b'"#) == ["ssh", "-i", "/tmp/my key", "-o", "User=a b"])
        #expect(ShellWords.split(#"ssh -i my\ key"#) == ["ssh", "-i", "my key"])
        #expect(ShellWords.split("  ssh   ") == ["ssh"])
        #expect(ShellWords.split("ssh -i ''") == ["ssh", "-i", ""])
        #expect(ShellWords.split("ssh -i 'open") == nil)
    }
}

@Suite struct ReleaseIDTests {
    @Test func namesAndOrder() throws {
        let a = try #require(ReleaseID("20261129T100900Z"))
        let b = try #require(ReleaseID("20261129T100900Z-2"))
        let c = try #require(ReleaseID("20261129T100900Z-10"))
        let d = try #require(ReleaseID("20261129T100901Z"))
        #expect([d, c, a, b].sorted() == [a, b, c, d])
        #expect(b.name == "20261129T100900Z-2")
        for bad in ["", "latest", "20261129T100900", "20261129-100900Z", "20261129T100900Z-1", "20261129T100900Z-02", "20261129T100900Z-x", "../etc"] {
            #expect(ReleaseID(bad) == nil, "\(bad)")
        }
    }

    @Test func nextIsUTCAndAvoidsTakenNames() throws {
        let date = Date(timeIntervalSince1970: 1_796_033_340)  // 2026-11-30T10:09:00Z
        let first = ReleaseID.next(at: date, existing: [])
        #expect(first.name == "20261130T100900Z")
        let second = ReleaseID.next(at: date, existing: [first])
        #expect(second.name == "20261130T100900Z-2")
        #expect(ReleaseID.next(at: date, existing: [first, second]).name == "20261130T100900Z-3")
    }

    @Test func nextNeverReusesAPrunedNameAndAlwaysSortsNewest() throws {
        let date = Date(timeIntervalSince1970: 1_796_033_340)  // 2026-11-30T10:09:00Z
        // The first two releases of this second were pruned; a reused "…Z" would sort oldest.
        let kept = ["20261130T100900Z-3", "20261130T100900Z-4"].compactMap { ReleaseID($0) }
        let next = ReleaseID.next(at: date, existing: kept)
        #expect(next.name == "20261130T100900Z-5")
        // A clock behind the newest release still gives a release that sorts after it.
        let ahead = [try #require(ReleaseID("20261130T110000Z"))]
        #expect(ReleaseID.next(at: date, existing: ahead) > ahead[0])
    }
}

@Suite struct BuildRecordTests {
    @Test func writesAndReadsTheRecord() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        #expect(throws: Diagnostics.self) { try BuildRecord.read(root: root) }

        let site = try SiteRoot(root: root.path)
        #expect(BuildRecord.record(.failed, root: site, date: Date(timeIntervalSince1970: 0)) == nil)
        let failed = try BuildRecord.read(root: root)
        #expect(failed == BuildRecord(status: .failed, output: root.appendingPathComponent("public").path, date: Date(timeIntervalSince1970: 0)))
        #expect(failed.date == "1970-01-01T00:00:00Z")

        BuildRecord.record(.ok, root: site)
        #expect(try BuildRecord.read(root: root).status == .ok)
        let json = try String(contentsOf: BuildRecord.file(inRoot: root), encoding: .utf8)
        #expect(json.contains(#""status" : "ok""#))
        #expect(json.contains(#""output" : "\#(root.path)/public""#))
    }
}
