import ArgumentParser
import Foundation
import UnionSite

extension DeployCommand {
    /// The last successful build: its record, and the folder to publish (`--output` or the recorded one).
    func builtSite() throws -> (BuildRecord, URL) {
        let siteRoot = URL(fileURLWithPath: root).standardizedFileURL
        let record = try BuildRecord.read(root: siteRoot)
        guard record.status == .ok else {
            throw Diagnostics([.error("the last build failed: fix it and build again; nothing was deployed",
                                      at: nil, code: "deploy-build-failed")])
        }
        let folder = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? URL(fileURLWithPath: record.output)
        return (record, folder)
    }

    /// `--precompress`: the `.gz` copies are written into the built folder before it is
    /// compared or sent (the next build replaces the folder). A dry run writes nothing and
    /// so compares the build without them.
    func compressIfAsked(_ folder: URL, dryRun: Bool) throws {
        guard precompress else { return }
        if dryRun {
            Console.line("--precompress: no .gz files are written in a dry run, so they are not in the list below")
            return
        }
        let written = try Precompressor.run(in: folder)
        Console.line("Compressed \(written.count) file\(written.count == 1 ? "" : "s") (.gz beside each)")
    }

    /// `deploy rclone:REMOTE:PATH`.
    func runRclone(_ remote: RcloneRemote) throws {
        if rollback {
            throw Diagnostics([.error("--rollback needs release folders, which an rclone target does not have; deploy the older build instead",
                                      at: nil, code: "deploy-rollback")])
        }
        if ssh != nil {
            throw Diagnostics([.error("--ssh is for user@host:/path targets; an rclone remote keeps its connection settings in rclone's configuration",
                                      at: nil, code: "deploy-ssh-option")])
        }
        let (record, folder) = try builtSite()
        let deployer = RcloneDeployer(.init(remote: remote, maxDeleteShare: maxDelete / 100, force: force),
                                      log: { Console.line($0) })
        try compressIfAsked(folder, dryRun: dryRun)
        Console.line("Comparing \(folder.path) (built \(record.date)) with \(remote)")
        let plan = try deployer.plan(folder)
        if dryRun {
            for path in plan.uploads { Console.line("upload \(path)") }
            for path in plan.deletions { Console.line("delete \(path)") }
            Console.line("\(plan.uploads.count) to upload, \(plan.deletions.count) to delete, \(plan.unchanged) unchanged; nothing changed (dry run)")
            do {
                try plan.checkDeletions(maxShare: maxDelete / 100, force: force, target: remote.description)
            } catch {
                Console.line("A deploy would stop here: \(error.items.map(\.message).joined(separator: "; "))")
            }
            return
        }
        if plan.isEmpty && !plan.manifestChanged {
            Console.line("No changes at \(remote) (\(plan.unchanged) files unchanged)")
            return
        }
        _ = try deployer.deploy(folder, plan: plan)
        Console.line("Deployed to \(remote): \(plan.uploads.count) uploaded, \(plan.deletions.count) deleted, \(plan.unchanged) unchanged")
    }
}
