import Foundation

/// `unionsite deploy rclone:REMOTE:PATH`: publishes a built site to any host rclone reaches
/// (SFTP, FTP, WebDAV, S3…) by driving the `rclone` program.
///
/// Such hosts have no symlinks, so there is no release switch. Instead:
/// 1. the build is hashed (SHA-256) and compared with the manifest left at the remote by the
///    last deploy (`.unionsite-manifest.json`) and with the remote's listing;
/// 2. new and changed files go up, everything that is not a page first, then the pages;
/// 3. the new manifest goes up;
/// 4. files no longer in the build are deleted, and folders left empty removed.
/// A deploy that stops half-way leaves every page whole, old or new, and the next deploy
/// finishes the job.
public struct RcloneDeployer {
    public struct Options: Sendable {
        public var remote: RcloneRemote
        /// The share of the remote's files a deploy may delete without `force` (0.25: 25 %).
        public var maxDeleteShare: Double
        public var force: Bool

        public init(remote: RcloneRemote, maxDeleteShare: Double = 0.25, force: Bool = false) {
            self.remote = remote
            self.maxDeleteShare = maxDeleteShare
            self.force = force
        }
    }

    public struct Deployed: Sendable {
        public let plan: SyncPlan
    }

    public let options: Options
    let runner: CommandRunner
    let log: (String) -> Void

    public init(_ options: Options, runner: CommandRunner = CommandRunner(), log: @escaping (String) -> Void = { _ in }) {
        self.options = options
        self.runner = runner
        self.log = log
    }

    var remote: RcloneRemote { options.remote }

    /// Flags on every rclone run: fail rather than retry for minutes (a rerun finishes the
    /// job), and print errors only, which are passed on.
    static let commonFlags = ["--retries", "1", "--low-level-retries", "2", "--contimeout", "20s", "--log-level", "ERROR"]

    // MARK: - Planning

    /// What a deploy of `output` would send and delete. Reads the remote; changes nothing.
    public func plan(_ output: URL) throws(Diagnostics) -> SyncPlan {
        _ = try Deployer.countFiles(in: output)  // a missing build folder is said as such
        let rclone = try locate()
        let local = try listing(rclone, [output.standardizedFileURL.path, "--hash", "--hash-type", "sha256"],
                                doing: "hashing the built site \(output.path)", missingIsEmpty: false)
        var files: [SyncPlan.LocalFile] = []
        for entry in local {
            guard let hash = entry.Hashes?["sha256"], hash.count == 64 else {
                throw .error("rclone gave no SHA-256 for \(entry.Path) in \(output.path)", at: nil, code: "deploy-command")
            }
            files.append(.init(path: entry.Path, size: entry.Size, sha256: hash))
        }
        guard !files.isEmpty else {
            throw .error("the built site \(output.path) is empty: build the site again; nothing was deployed", at: nil, code: "deploy-no-output")
        }
        let remoteFiles = try listing(rclone, [remote.location], doing: "listing \(remote)", missingIsEmpty: true)
        var sizes: [String: Int] = [:]
        for entry in remoteFiles { sizes[entry.Path] = entry.Size }
        var manifest: DeployManifest?
        if sizes[DeployManifest.fileName] != nil {
            let data = try run(rclone, ["cat", remote.location(DeployManifest.fileName)],
                               doing: "reading \(DeployManifest.fileName) at \(remote)", stage: .reading).stdout
            manifest = DeployManifest.decode(Data(data.utf8))
            if manifest == nil { log("\(DeployManifest.fileName) at \(remote) is not readable: every file is sent again") }
        }
        return SyncPlan(local: files, remote: sizes, manifest: manifest)
    }

    // MARK: - Deploying

    /// Carries out `plan` (from `plan(output)`): uploads, the manifest, then deletions.
    public func deploy(_ output: URL, plan: SyncPlan) throws(Diagnostics) -> Deployed {
        try plan.checkDeletions(maxShare: options.maxDeleteShare, force: options.force, target: remote.description)
        let rclone = try locate()
        let source = output.standardizedFileURL.path
        if let interim = plan.interimManifest {
            try writeManifest(interim, rclone)
        }
        let stagingFolder: String? = plan.replacements.isEmpty ? nil : remote.stagingLocation
        var staging = stagingFolder
        if let stagingFolder {  // what a failed deploy left there
            _ = try? runner.run(rclone, ["purge", stagingFolder] + Self.commonFlags)
        }
        for batch in plan.batches {
            let kind = SyncPlan.isPage(batch[0]) ? "page" : "other file"
            log("Uploading \(batch.count) \(kind)\(batch.count == 1 ? "" : "s") to \(remote)")
            // While replacements are staged, new files of the batch are too: a connection that
            // drops mid-upload leaves a torn file only in the staging folder, never at the site.
            var inPlace = batch
            if let stage = staging {
                do {
                    try copy(batch, from: source, to: stage, rclone)
                    try withList(batch) { list throws(Diagnostics) in
                        try run(rclone, ["move", stage, remote.location, "--files-from-raw", list, "--no-check-dest", "--no-traverse"],
                                doing: "moving uploaded files into place at \(remote)")
                    }
                    inPlace = []
                } catch {
                    // Not writable beside the target (a bucket's root, a locked-down home folder), or
                    // a server that will not rename over a file (WebDAV answering 412 to MOVE without
                    // overwrite): files are replaced in place, as rclone uploads them.
                    log("Cannot stage uploads at \(RcloneRemote.redact(stage)) or rename them into place (\(Self.firstLine(error))): replacing files in place")
                    staging = nil
                }
            }
            try copy(inPlace, from: source, to: remote.location, rclone)
        }
        if let stagingFolder {
            _ = try? runner.run(rclone, ["purge", stagingFolder] + Self.commonFlags)
        }
        if plan.manifestChanged {
            try writeManifest(plan.manifest, rclone)
        }
        if !plan.deletions.isEmpty {
            log("Deleting \(plan.deletions.count) file\(plan.deletions.count == 1 ? "" : "s") no longer in the build from \(remote)")
            try withList(plan.deletions) { list throws(Diagnostics) in
                try run(rclone, ["delete", remote.location, "--files-from-raw", list], doing: "deleting old files at \(remote)", stage: .deleting)
            }
            try run(rclone, ["rmdirs", remote.location, "--leave-root"], doing: "removing empty folders at \(remote)", stage: .deleting)
        }
        return Deployed(plan: plan)
    }
}
