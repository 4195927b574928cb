import Foundation

/// `unionsite deploy`: publishes a built site into a new release folder at the target and
/// then switches one symlink, so readers see the old site or the new one, never a mix.
///
/// ```
/// TARGET/
///   releases/20261129T100900Z/   one full copy of the site per deploy
///   releases/20261130T081500Z/   unchanged files are hard links into the previous release
///   current -> releases/20261130T081500Z
/// ```
///
/// The web server serves `TARGET/current/`. Files go up with rsync (over ssh for
/// `user@host:/path`); the remote side needs rsync and a POSIX `sh`, `ln` and GNU `mv -T`.
public struct Deployer {
    public struct Options {
        public var target: DeployTarget
        /// How rsync and the remote commands reach the host: `ssh -p 2222 -i key`.
        public var sshCommand: String
        /// Releases kept after a deploy, the current one always among them.
        public var keep: Int

        public init(target: DeployTarget, sshCommand: String? = nil, keep: Int = 5) {
            self.target = target
            self.sshCommand = sshCommand ?? "ssh"
            self.keep = keep
        }
    }

    /// What is at the target now.
    public struct State: Sendable {
        /// The target folder exists.
        public var exists = false
        public var releases: [ReleaseID] = []
        /// Where `current` points (`releases/…`), when it is a symlink.
        public var currentLink: String?

        /// The release `current` points to, when it points to one.
        public var current: ReleaseID? {
            guard let link = currentLink else { return nil }
            var name = Substring(link)
            if name.hasPrefix("./") { name = name.dropFirst(2) }
            guard name.hasPrefix("releases/") else { return nil }
            name = name.dropFirst("releases/".count)
            while name.hasSuffix("/") { name = name.dropLast() }
            return ReleaseID(String(name)).flatMap { releases.contains($0) ? $0 : nil }
        }
    }

    public struct Deployed: Sendable {
        public let release: ReleaseID
        public let previous: ReleaseID?
        public let files: Int
        public let removed: [ReleaseID]
    }

    public struct Preview: Sendable {
        /// The release `current` points to; `nil` on a first deploy (everything is new).
        public let current: ReleaseID?
        /// rsync's itemized list (`>f+++++++++ index.html`, `*deleting   old.html`).
        public let changes: [String]
        public let files: Int
    }

    public let options: Options
    let runner: CommandRunner
    let log: (String) -> Void

    public init(_ options: Options, runner: CommandRunner = CommandRunner(), log: @escaping (String) -> Void = { _ in }) {
        self.options = options
        self.runner = runner
        self.log = log
    }

    var target: DeployTarget { options.target }

    // MARK: - The three operations

    /// Uploads `output` as a new release, switches `current` to it and prunes old releases.
    public func deploy(_ output: URL, now: Date = Date()) throws(Diagnostics) -> Deployed {
        guard options.keep >= 1 else { throw .error("--keep must be 1 or more", at: nil, code: "deploy-keep") }
        let files = try Self.countFiles(in: output)
        let rsync = try tools().rsync
        let state = try readState()
        let release = ReleaseID.next(at: now, existing: state.releases)
        try prepare()

        log("Uploading \(files) file\(files == 1 ? "" : "s") to \(target.rsyncLocation("releases/\(release.name)/"))")
        var arguments = Self.rsyncOptions + remoteShellOption
        if state.current != nil {
            // Relative to the release folder, so it means the same on every host.
            arguments.append("--link-dest=../../current/")
        }
        arguments += [Self.folderWithSlash(output), target.rsyncLocation("releases/\(release.name)/")]
        try runner.check(rsync, arguments, doing: "uploading to \(target)")

        try switchCurrent(to: release)
        log("Switched current to releases/\(release.name)")

        var removed: [ReleaseID] = []
        let all = Set(state.releases + [release]).sorted()
        let kept = Set(all.suffix(options.keep) + [release])
        let old = all.filter { !kept.contains($0) }
        if !old.isEmpty {
            try remove(old)
            removed = old
            for id in old { log("Removed old release \(id.name)") }
        }
        return Deployed(release: release, previous: state.current, files: files, removed: removed)
    }

    /// Points `current` at the release before the current one. Returns (from, to).
    public func rollback() throws(Diagnostics) -> (from: ReleaseID, to: ReleaseID) {
        _ = try tools()
        let state = try readState()
        guard state.exists else { throw .error("nothing is deployed at \(target): the folder does not exist", at: nil, code: "deploy-rollback") }
        guard let current = state.current else {
            throw .error("\(target.rsyncLocation("current")) does not point to a release: nothing to roll back from", at: nil, code: "deploy-rollback")
        }
        guard let previous = state.releases.filter({ $0 < current }).max() else {
            throw .error("no release older than \(current.name) at \(target) to roll back to", at: nil, code: "deploy-rollback")
        }
        try switchCurrent(to: previous)
        log("Switched current to releases/\(previous.name)")
        return (current, previous)
    }

    /// What a deploy of `output` would change, compared with the current release. Changes nothing.
    public func preview(_ output: URL) throws(Diagnostics) -> Preview {
        let files = try Self.countFiles(in: output)
        let rsync = try tools().rsync
        let state = try readState()
        guard let current = state.current else { return Preview(current: nil, changes: [], files: files) }
        let arguments = Self.rsyncOptions + remoteShellOption
            + ["--dry-run", "--itemize-changes", Self.folderWithSlash(output), target.rsyncLocation("current/")]
        let result = try runner.check(rsync, arguments, doing: "comparing with \(target)")
        let changes = result.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return Preview(current: current, changes: changes, files: files)
    }

    // MARK: - rsync

    /// `-a` without times, owners, groups and devices, plus `--checksum`: every build
    /// rewrites every file, so times always differ; comparing contents lets unchanged files
    /// be hard-linked into the previous release (`--link-dest`) and keep their old
    /// modification time, which keeps browsers' and proxies' caches valid across deploys.
    static let rsyncOptions = ["--recursive", "--links", "--perms", "--checksum", "--delete"]

    private var remoteShellOption: [String] {
        target.isRemote ? ["-e", options.sshCommand] : []
    }

    func tools() throws(Diagnostics) -> (rsync: String, ssh: [String]?) {
        let rsync = try runner.locate("rsync", package: "rsync")
        guard target.isRemote else { return (rsync, nil) }
        guard let words = ShellWords.split(options.sshCommand), let program = words.first else {
            throw .error("--ssh \(options.sshCommand): give a command such as \"ssh -p 2222 -i KEY\" (quotes must be closed)",
                         at: nil, code: "deploy-ssh-option")
        }
        let ssh = try runner.locate(program, package: "openssh-client")
        return (rsync, [ssh] + words.dropFirst())
    }

    static func folderWithSlash(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    static func countFiles(in output: URL) throws(Diagnostics) -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error("the built site \(output.path) is missing: build the site again; nothing was deployed", at: nil, code: "deploy-no-output")
        }
        var count = 0
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { count += 1 }
        }
        return count
    }
}
