import ArgumentParser
import Foundation
import UnionSite

struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Publish the last successful build to a folder, user@host:/path (rsync over ssh) or rclone:REMOTE:PATH.",
        discussion: """
            A folder or user@host:/path: uploads into TARGET/releases/<UTC time>/ and then switches the \
            TARGET/current symlink to it, so readers never see a half-uploaded site. Serve TARGET/current/.

            rclone:REMOTE:PATH (SFTP, FTP, WebDAV, S3… through Debian's rclone; a remote from `rclone config` \
            or an on-the-fly one such as rclone::sftp,host=example.org,user=me:www): uploads new and changed \
            files (found by SHA-256 against .unionsite-manifest.json at the remote), everything else before \
            the pages, then deletes files no longer in the build. Credentials stay in rclone's configuration \
            or environment. See docs/publishing.md.
            """)

    @Argument(help: "A local folder, user@host:/path to reach over ssh, or rclone:REMOTE:PATH.")
    var target: String

    @Option(help: "The site's root folder (holding content/ and the record of the last build).")
    var root: String = "."

    @Option(help: "Deploy this folder instead of the one the last build wrote.")
    var output: String?

    @Option(help: "How many releases to keep, the current one included.")
    var keep: Int = 5

    @Flag(help: "Switch current back to the release before it; uploads nothing.")
    var rollback = false

    @Flag(name: .customLong("dry-run"), help: "List what a deploy would change; change nothing.")
    var dryRun = false

    @Option(help: "The ssh command for rsync and the remote commands, e.g. \"ssh -p 2222 -i KEY\".")
    var ssh: String?

    @Flag(help: "First write a deterministic .gz (zlib, best) beside each HTML, CSS, JS, JSON, XML and SVG file over 1 kB.")
    var precompress = false

    @Flag(help: "rclone: deploy even when it deletes more than --max-delete of the remote's files.")
    var force = false

    @Option(name: .customLong("max-delete"), help: "rclone: the share of the remote's files, in percent, a deploy may delete without --force.")
    var maxDelete: Double = 25

    func validate() throws {
        guard keep >= 1 else { throw ValidationError("--keep must be 1 or more") }
        guard (0...100).contains(maxDelete) else { throw ValidationError("--max-delete must be a percentage from 0 to 100") }
    }

    func run() throws {
        try DiagnosticPrinter.reporting {
            if RcloneRemote.isRclone(target) {
                try runRclone(RcloneRemote(target))
                return
            }
            let destination = try DeployTarget(target)
            let deployer = Deployer(.init(target: destination, sshCommand: ssh, keep: keep), log: { Console.line($0) })

            if rollback {
                if dryRun {
                    let state = try deployer.readState()
                    guard let current = state.current, let previous = state.releases.filter({ $0 < current }).max() else {
                        Console.line("Nothing to roll back to at \(destination)")
                        return
                    }
                    Console.line("Would switch current from releases/\(current.name) to releases/\(previous.name); nothing changed")
                    return
                }
                let (from, to) = try deployer.rollback()
                Console.line("Rolled back \(target) from release \(from.name) to \(to.name)")
                return
            }

            let (record, folder) = try builtSite()

            if dryRun {
                try compressIfAsked(folder, dryRun: true)
                let preview = try deployer.preview(folder)
                guard let current = preview.current else {
                    Console.line("Nothing is deployed at \(destination) yet: everything is new (\(preview.files) files); nothing changed")
                    return
                }
                if preview.changes.isEmpty {
                    Console.line("No changes compared with release \(current.name) at \(destination); nothing changed")
                    return
                }
                Console.line("Compared with release \(current.name) at \(destination), a deploy would change:")
                preview.changes.forEach { Console.line($0) }
                Console.line("\(preview.changes.count) change\(preview.changes.count == 1 ? "" : "s"); nothing changed (dry run)")
                return
            }

            try compressIfAsked(folder, dryRun: false)
            Console.line("Deploying \(folder.path) (built \(record.date)) to \(destination)")
            let deployed = try deployer.deploy(folder)
            Console.line("Deployed release \(deployed.release.name) to \(target) (\(deployed.files) files)")
        }
    }
}
