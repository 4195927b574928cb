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
        for batch in plan.batches {
            let kind = SyncPlan.isPage(batch[0]) ? "page" : "other file"
            log("Uploading \(batch.count) \(kind)\(batch.count == 1 ? "" : "s") to \(remote)")
            try withList(batch) { list throws(Diagnostics) in
                // Tried a second time when it fails: parallel uploads into a new folder can race to
                // create it on FTP, and the second try finds it there.
                try run(rclone, ["copy", source, remote.location, "--files-from-raw", list, "--no-check-dest", "--no-traverse",
                                 "--retries", "2", "--retries-sleep", "1s"], doing: "uploading to \(remote)")
            }
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

    // MARK: - rclone

    func locate() throws(Diagnostics) -> String {
        try runner.locate("rclone", package: "rclone")
    }

    /// One entry of `rclone lsjson`.
    struct Entry: Decodable {
        let Path: String
        let Size: Int
        let Hashes: [String: String]?
    }

    /// Every file under a location, recursively; an absent folder is empty when `missingIsEmpty`.
    func listing(_ rclone: String, _ arguments: [String], doing what: String, missingIsEmpty: Bool) throws(Diagnostics) -> [Entry] {
        let output = try runner.run(rclone, ["lsjson", "-R", "--files-only", "--no-modtime", "--no-mimetype"] + arguments + Self.commonFlags)
        // Exit status 3 is rclone's "directory not found": a first deploy into a new folder.
        // Not every backend says so (FTP answers 501 or 550): then the parent is asked.
        if output.status == 3 && missingIsEmpty { return [] }
        if output.status != 0 && missingIsEmpty && isAbsent(rclone) { return [] }
        guard output.status == 0 else { throw failure(what, output, stage: .reading) }
        do {
            return try JSONDecoder().decode([Entry].self, from: Data(output.stdout.utf8))
        } catch {
            throw .error("\(what): cannot read rclone's listing (\(error.localizedDescription))", at: nil, code: "deploy-command")
        }
    }

    /// Whether the target folder does not exist: some folder above it lists without it.
    func isAbsent(_ rclone: String) -> Bool {
        let absolute = remote.path.hasPrefix("/")
        let parts = remote.path.split(separator: "/").map(String.init)
        for depth in stride(from: parts.count - 1, through: 0, by: -1) {
            let parent = remote.name + ":" + (absolute ? "/" : "") + parts[..<depth].joined(separator: "/")
            guard let output = try? runner.run(rclone, ["lsf", "--dirs-only", parent] + Self.commonFlags),
                  output.status == 0 else { continue }
            return !output.stdout.split(separator: "\n").contains(Substring(parts[depth] + "/"))
        }
        return false
    }

    func writeManifest(_ manifest: DeployManifest, _ rclone: String) throws(Diagnostics) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-manifest-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try manifest.encoded().write(to: file)
        } catch {
            throw .error("cannot write \(file.path): \(error.localizedDescription)", at: nil, code: "deploy-command")
        }
        try run(rclone, ["copyto", file.path, remote.location(DeployManifest.fileName), "--no-check-dest"],
                doing: "uploading \(DeployManifest.fileName) to \(remote)")
    }

    /// `body` given a file listing `paths`, one a line, for `--files-from-raw`.
    func withList(_ paths: [String], _ body: (String) throws(Diagnostics) -> Void) throws(Diagnostics) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-files-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: file)
        } catch {
            throw .error("cannot write \(file.path): \(error.localizedDescription)", at: nil, code: "deploy-command")
        }
        try body(file.path)
    }

    @discardableResult
    func run(_ rclone: String, _ arguments: [String], doing what: String, stage: Stage = .uploading) throws(Diagnostics) -> CommandRunner.Output {
        // The common flags right after the command, so the command's own flags come later and win.
        let output = try runner.run(rclone, Array(arguments.prefix(1)) + Self.commonFlags + arguments.dropFirst())
        guard output.status == 0 else { throw failure(what, output, stage: stage) }
        return output
    }

    /// rclone's own error lines, without their time stamps and with secrets masked, after
    /// what was being done: `uploading to rclone:site:www failed: about/index.html: Failed to copy: …`.
    /// What a failure leaves behind, said after rclone's error.
    enum Stage {
        case reading, uploading, deleting

        var outcome: String {
            switch self {
            case .reading: return "; nothing was changed"
            case .uploading: return "; the files sent so far are in place and nothing was deleted yet: rerun the deploy to finish the job"
            case .deleting: return "; every file of the build is in place: rerun the deploy to finish deleting"
            }
        }
    }

    func failure(_ what: String, _ output: CommandRunner.Output, stage: Stage) -> Diagnostics {
        if output.stderr.contains("didn't find section in config file") {
            let environment = remote.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                ? "or set RCLONE_CONFIG_\(remote.name.uppercased())_TYPE and its options in the environment"
                : "or define one in the environment under a name of letters, digits and _ (RCLONE_CONFIG_NAME_TYPE …)"
            return .error("there is no rclone remote named \(remote.name) (for \(remote)): add it with `rclone config`, "
                          + environment + "; nothing was changed", at: nil, code: "deploy-rclone")
        }
        return .error("\(what) failed (rclone exited with status \(output.status)): \(Self.errorSummary(output.stderr))" + stage.outcome,
                      at: nil, code: "deploy-rclone")
    }

    /// The distinct error lines rclone printed, at most eight, joined with `; `.
    static func errorSummary(_ stderr: String) -> String {
        var seen: [String] = []
        for raw in stderr.split(whereSeparator: \.isNewline) {
            var line = Substring(raw)
            // `2026/12/06 00:33:55 ERROR : path: message` → `path: message`
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            if words.count == 3, words[0].count == 10, words[0].filter({ $0 == "/" }).count == 2, words[1].contains(":"),
               words[0].first?.isNumber == true {
                line = words[2]
            }
            for level in ["ERROR : ", "NOTICE: ", "CRITICAL: ", "INFO  : "] where line.hasPrefix(level) {
                line = line.dropFirst(level.count)
            }
            if line.hasPrefix("Config file ") && line.contains("not found - using defaults") { continue }
            if line.hasPrefix(": ") { line = line.dropFirst(2) }
            let text = RcloneRemote.redact(line.trimmingCharacters(in: .whitespaces))
            if !text.isEmpty && !seen.contains(text) { seen.append(text) }
        }
        guard !seen.isEmpty else { return "no error message" }
        return seen.prefix(8).joined(separator: "; ") + (seen.count > 8 ? "; … (\(seen.count - 8) more)" : "")
    }
}
