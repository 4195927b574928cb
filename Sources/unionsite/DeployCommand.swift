import ArgumentParser
import Foundation
import UnionSite

struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Publish the last successful build to a folder or user@host:/path (rsync over ssh).",
        discussion: """
            Uploads into TARGET/releases/<UTC time>/ and then switches the TARGET/current symlink to it, \
            so readers never see a half-uploaded site. Serve TARGET/current/. See docs/publishing.md.
            """)

    @Argument(help: "A local folder, or user@host:/path to reach over ssh.")
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

    func validate() throws {
        guard keep >= 1 else { throw ValidationError("--keep must be 1 or more") }
    }

    func run() throws {
        try DiagnosticPrinter.reporting {
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

            let siteRoot = URL(fileURLWithPath: root).standardizedFileURL
            let record = try BuildRecord.read(root: siteRoot)
            guard record.status == .ok else {
                throw Diagnostics([.error("the last build failed: fix it and build again; nothing was deployed",
                                          at: nil, code: "deploy-build-failed")])
            }
            let folder = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? URL(fileURLWithPath: record.output)

            if dryRun {
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

            Console.line("Deploying \(folder.path) (built \(record.date)) to \(destination)")
            let deployed = try deployer.deploy(folder)
            Console.line("Deployed release \(deployed.release.name) to \(target) (\(deployed.files) files)")
        }
    }
}
