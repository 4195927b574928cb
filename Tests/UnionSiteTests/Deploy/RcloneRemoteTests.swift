import Foundation
import Testing
@testable import UnionSite

@Suite struct RcloneRemoteTests {
    @Test(arguments: [
        ("rclone:members-ftp:public_html", "members-ftp", "public_html"),
        ("rclone:my site:www/", "my site", "www"),
        ("rclone:s3:bucket/site", "s3", "bucket/site"),
        ("rclone::sftp,host=example.org,user=me:www", ":sftp,host=example.org,user=me", "www"),
        ("rclone::webdav,url='http://127.0.0.1:8080/dav':site", ":webdav,url='http://127.0.0.1:8080/dav'", "site"),
        ("rclone::s3,provider=Other,endpoint=\"http://h:9000\":bucket/x", ":s3,provider=Other,endpoint=\"http://h:9000\"", "bucket/x"),
        ("rclone:r:/srv/www", "r", "/srv/www"),
    ])
    func parses(text: String, name: String, path: String) throws {
        let remote = try RcloneRemote(text)
        #expect(remote.name == name)
        #expect(remote.path == path)
        #expect(remote.location == name + ":" + path)
        #expect(remote.location("a/b.html") == name + ":" + path + "/a/b.html")
    }

    @Test(arguments: ["rclone:", "rclone:nocolon", "rclone::sftp,host=x", "rclone:remote:", "rclone:remote:/",
                      "rclone::path", "rclone:/tmp/x", "rclone:-x:y", "rclone:a/b:c", "rclone:r:a\nb", "remote:x"])
    func rejects(text: String) {
        #expect(throws: Diagnostics.self) { try RcloneRemote(text) }
    }

    @Test func replacementsWaitBesideTheTarget() throws {
        #expect(try RcloneRemote("rclone:r:public_html").stagingLocation == "r:.public_html.unionsite-upload")
        #expect(try RcloneRemote("rclone:s3:bucket/site/members").stagingLocation == "s3:bucket/site/.members.unionsite-upload")
        #expect(try RcloneRemote("rclone:r:/srv/www").stagingLocation == "r:/srv/.www.unionsite-upload")
        #expect(try RcloneRemote("rclone:r:/www").stagingLocation == "r:/.www.unionsite-upload")
    }

    @Test func isRcloneOnlyWithThePrefix() {
        #expect(RcloneRemote.isRclone("rclone:x:y"))
        #expect(!RcloneRemote.isRclone("user@rclone:/srv"))
        #expect(!RcloneRemote.isRclone("/srv/rclone:x"))
    }

    @Test func secretsAreNeverShown() throws {
        let remote = try RcloneRemote("rclone::sftp,host=h,user=u,pass=hunter2,key_file=/k:www")
        #expect(remote.description == "rclone::sftp,host=h,user=u,pass=***,key_file=***:www")
        #expect(remote.location.contains("hunter2"), "rclone still gets it")
        #expect(RcloneRemote.redact(":s3,access_key_id=AK,secret_access_key='a,b:c',region=x:bucket")
                == ":s3,access_key_id=***,secret_access_key=***,region=x:bucket")
        #expect(RcloneRemote.redact(":webdav,url=http://h,bearer_token=t:site") == ":webdav,url=http://h,bearer_token=***:site")
        do {
            _ = try RcloneRemote("rclone::sftp,pass=hunter2:")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("hunter2"))
        }
    }

    @Test func rcloneErrorsAreSummarised() {
        let stderr = """
            2026/12/06 00:33:55 NOTICE: Config file "/root/.config/rclone/rclone.conf" not found - using defaults
            2026/12/06 00:33:55 ERROR : about/index.html: Failed to copy: connection lost
            2026/12/06 00:33:55 ERROR : about/index.html: Failed to copy: connection lost
            2026/12/06 00:33:55 Failed to create file system for ":sftp,pass=hunter2:x": bad
            """
        #expect(RcloneDeployer.errorSummary(stderr)
                == #"about/index.html: Failed to copy: connection lost; Failed to create file system for ":sftp,pass=***:x": bad"#)
        #expect(RcloneDeployer.errorSummary("") == "no error message")
    }
}
