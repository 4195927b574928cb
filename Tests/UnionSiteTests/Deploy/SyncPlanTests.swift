import Foundation
import Testing
@testable import UnionSite

@Suite struct SyncPlanTests {
    static let a = String(repeating: "a", count: 64), b = String(repeating: "b", count: 64), c = String(repeating: "c", count: 64)

    func file(_ path: String, _ hash: String = a, size: Int = 10) -> SyncPlan.LocalFile {
        .init(path: path, size: size, sha256: hash)
    }

    func manifest(_ files: [String: String], size: Int = 10) -> DeployManifest {
        DeployManifest(files: files.mapValues { .init(sha256: $0, size: size) })
    }

    @Test func firstDeployUploadsEverythingAssetsBeforePages() {
        let plan = SyncPlan(local: [file("index.html"), file("about/index.html"), file("assets/site.css"),
                                    file("feed.xml"), file("index.html.gz"), file("assets/site.css.gz")],
                            remote: [:], manifest: nil)
        #expect(plan.uploads == ["assets/site.css", "assets/site.css.gz", "feed.xml",
                                 "about/index.html", "index.html", "index.html.gz"])
        #expect(plan.batches == [["assets/site.css", "assets/site.css.gz", "feed.xml"],
                                 ["about/index.html", "index.html", "index.html.gz"]])
        #expect(plan.deletions.isEmpty && plan.unchanged == 0 && plan.remoteFiles == 0)
        #expect(plan.interimManifest == nil)
        #expect(plan.manifestChanged)
        #expect(plan.manifest.files.count == 6)
    }

    @Test func onlyChangedFilesGoUpEvenWhenTheSizeIsTheSame() {
        let remote = ["index.html": 10, "about/index.html": 10, "assets/site.css": 10, DeployManifest.fileName: 300]
        let old = manifest(["index.html": Self.a, "about/index.html": Self.a, "assets/site.css": Self.a])
        let plan = SyncPlan(local: [file("index.html"), file("about/index.html", Self.b), file("assets/site.css")],
                            remote: remote, manifest: old)
        #expect(plan.uploads == ["about/index.html"])
        #expect(plan.unchanged == 2)
        #expect(plan.deletions.isEmpty)
        #expect(plan.remoteFiles == 3, "the manifest is not counted")
        #expect(plan.interimManifest?.files.keys.sorted() == ["assets/site.css", "index.html"])
        #expect(plan.manifest.files["about/index.html"]?.sha256 == Self.b)
    }

    @Test func nothingChangedIsAnEmptyPlan() {
        let remote = ["index.html": 10, DeployManifest.fileName: 100]
        let plan = SyncPlan(local: [file("index.html")], remote: remote, manifest: manifest(["index.html": Self.a]))
        #expect(plan.isEmpty && !plan.manifestChanged && plan.unchanged == 1)
        #expect(plan.interimManifest == nil)
    }

    @Test func aFileMissingOrCutShortAtTheRemoteGoesUpAgain() {
        let old = manifest(["index.html": Self.a, "a.css": Self.a, "b.css": Self.a])
        let plan = SyncPlan(local: [file("index.html"), file("a.css"), file("b.css")],
                            remote: ["index.html": 10, "a.css": 4], manifest: old)
        #expect(plan.uploads == ["a.css", "b.css"])
    }

    @Test func aFileTheManifestDoesNotKnowGoesUp() {
        let plan = SyncPlan(local: [file("index.html"), file("new.css")], remote: ["index.html": 10, "new.css": 10],
                            manifest: manifest(["index.html": Self.a]))
        #expect(plan.uploads == ["new.css"])
    }

    @Test func filesNoLongerBuiltAreDeletedPagesFirst() {
        let remote = ["index.html": 10, "old/index.html": 10, "old.css": 10, "old/index.html.gz": 5, DeployManifest.fileName: 9]
        let old = manifest(["index.html": Self.a, "old/index.html": Self.a, "old.css": Self.a])
        let plan = SyncPlan(local: [file("index.html")], remote: remote, manifest: old)
        #expect(plan.uploads.isEmpty)
        #expect(plan.deletions == ["old/index.html", "old/index.html.gz", "old.css"])
        #expect(plan.manifestChanged)
        #expect(plan.manifest.files.keys.sorted() == ["index.html"])
        #expect(!plan.deletions.contains(DeployManifest.fileName))
    }

    @Test func theHostsHiddenFilesAreLeftAlone() {
        let remote = ["index.html": 10, ".htaccess": 5, ".well-known/acme-challenge/x": 3, "a/.user.ini": 2, ".nojekyll": 0]
        let plan = SyncPlan(local: [file("index.html"), file(".nojekyll", size: 0)], remote: remote,
                            manifest: manifest(["index.html": Self.a]))
        #expect(plan.deletions.isEmpty)
        #expect(plan.remoteFiles == 2, "hidden files the build does not have are not counted")
        #expect(plan.uploads == [".nojekyll"])
    }

    @Test func theDeletionGuard() throws {
        var remote: [String: Int] = [DeployManifest.fileName: 1]
        for i in 0..<8 { remote["p\(i).html"] = 10 }
        // 2 of 8 is 25 %: allowed; 3 of 8 is more.
        let two = SyncPlan(local: (0..<6).map { file("p\($0).html") }, remote: remote, manifest: nil)
        #expect(two.deletions.count == 2)
        try two.checkDeletions(maxShare: 0.25, force: false, target: "rclone:x:y")
        let three = SyncPlan(local: (0..<5).map { file("p\($0).html") }, remote: remote, manifest: nil)
        #expect(three.deletionShare == 3.0 / 8.0)
        do {
            try three.checkDeletions(maxShare: 0.25, force: false, target: "rclone:x:y")
            Issue.record("expected the guard to stop the deploy")
        } catch {
            #expect(error.errors.first?.code == "deploy-delete-guard")
            #expect(error.description.contains("3 of the 8 files at rclone:x:y (38 %, more than the 25 % allowed)"))
            #expect(error.description.contains("--force"))
        }
        try three.checkDeletions(maxShare: 0.25, force: true, target: "rclone:x:y")
        try three.checkDeletions(maxShare: 0.5, force: false, target: "rclone:x:y")
    }

    @Test func anEmptyRemoteNeverTripsTheGuard() throws {
        let plan = SyncPlan(local: [file("index.html")], remote: [:], manifest: nil)
        try plan.checkDeletions(maxShare: 0, force: false, target: "rclone:x:y")
    }

    @Test func theManifestRoundTripsAndRejectsWhatItDoesNotKnow() throws {
        let m = manifest(["index.html": Self.a, "a b/ü.css": Self.c])
        let data = m.encoded()
        #expect(DeployManifest.decode(data) == m)
        #expect(String(decoding: data, as: UTF8.self).contains("\"a b/ü.css\""))
        #expect(DeployManifest.decode(Data("not json".utf8)) == nil)
        #expect(DeployManifest.decode(Data(#"{"format": 2, "files": {}}"#.utf8)) == nil)
        #expect(DeployManifest.decode(Data(#"{"format": 1, "files": {"a": {"sha256": "x", "size": 1}}}"#.utf8)) == nil)
        #expect(DeployManifest.decode(Data(#"{"format": 1, "files": {}}"#.utf8)) == DeployManifest(files: [:]))
    }

    @Test(arguments: [("index.html", true), ("a/index.HTML", true), ("a.htm", true), ("index.html.gz", true),
                      ("site.css", false), ("site.css.gz", false), ("feed.xml", false), ("html", false)])
    func pages(path: String, isPage: Bool) {
        #expect(SyncPlan.isPage(path) == isPage)
    }
}
