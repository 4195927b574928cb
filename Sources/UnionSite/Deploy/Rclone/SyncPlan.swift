import Foundation

/// What an rclone deploy does, worked out before anything is sent: the files to upload (in
/// the order they go up), the files to delete, and the manifest to leave at the remote.
/// Pure: the inputs are the built files with their hashes, the remote's listing and the
/// manifest found there.
public struct SyncPlan: Equatable, Sendable {
    public struct LocalFile: Equatable, Sendable {
        public let path: String
        public let size: Int
        public let sha256: String

        public init(path: String, size: Int, sha256: String) {
            self.path = path
            self.size = size
            self.sha256 = sha256
        }
    }

    /// Files to send, every non-page file (assets, feeds, search data…) before every page,
    /// so no page that goes up links a file that is not there yet. Sorted by path within each group.
    public let uploads: [String]
    /// The uploads that replace a file the remote has. When there are any, every upload goes
    /// up beside the site first and is then renamed into place, so a failed upload never costs
    /// the remote its old copy, nor leaves a torn new file where readers can reach it.
    public let replacements: Set<String>
    /// Remote files that are not in the build, pages first (so nothing still published
    /// links a deleted asset for longer than it must), then the rest.
    public let deletions: [String]
    /// Built files the remote has already, byte for byte by the manifest's hashes.
    public let unchanged: Int
    /// Files at the remote now, the manifest not counted.
    public let remoteFiles: Int
    /// What the remote's manifest says while uploads are under way: the old manifest less
    /// every file about to be replaced, so a deploy that stops half-way never leaves a
    /// manifest vouching for a file it may have changed. `nil` when there is nothing to upload
    /// or the remote had no manifest.
    public let interimManifest: DeployManifest?
    /// The manifest once every upload is done.
    public let manifest: DeployManifest
    /// Whether `manifest` differs from the one at the remote (or there was none).
    public let manifestChanged: Bool

    public init(local: [LocalFile], remote: [String: Int], manifest old: DeployManifest?) {
        var remote = remote
        remote.removeValue(forKey: DeployManifest.fileName)
        // The host's own hidden files (`.htaccess`, `.well-known/…`, `.user.ini`) are never the
        // build's to delete, unless the build has a file of that path itself.
        let built = Set(local.map(\.path))
        for path in remote.keys where Self.isHidden(path) && !built.contains(path) { remote.removeValue(forKey: path) }
        var uploads: [String] = []
        var unchanged = 0
        var entries: [String: DeployManifest.Entry] = [:]
        for file in local where file.path != DeployManifest.fileName {
            entries[file.path] = .init(sha256: file.sha256, size: file.size)
            // Unchanged only when the manifest vouches for these bytes and the remote has a file
            // of that size: a file missing or cut short at the remote goes up again.
            if let known = old?.files[file.path], known.sha256 == file.sha256, known.size == file.size,
               remote[file.path] == file.size {
                unchanged += 1
            } else {
                uploads.append(file.path)
            }
        }
        let gone = remote.keys.filter { !built.contains($0) }
        self.uploads = uploads.filter { !Self.isPage($0) }.sorted() + uploads.filter(Self.isPage).sorted()
        self.deletions = gone.filter(Self.isPage).sorted() + gone.filter { !Self.isPage($0) }.sorted()
        self.unchanged = unchanged
        self.replacements = Set(uploads.filter { remote[$0] != nil })
        self.remoteFiles = remote.count
        self.manifest = DeployManifest(files: entries)
        self.manifestChanged = old != self.manifest
        if let old, !uploads.isEmpty {
            var kept = old.files
            for path in uploads { kept.removeValue(forKey: path) }
            for path in gone { kept.removeValue(forKey: path) }
            self.interimManifest = DeployManifest(files: kept)
        } else {
            self.interimManifest = nil
        }
    }

    /// A path with a part starting with `.`: left alone at the remote.
    public static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// A page, or a compressed copy of one: these go up last.
    public static func isPage(_ path: String) -> Bool {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return name.hasSuffix(".html") || name.hasSuffix(".htm")
    }

    /// The upload batches in order: non-pages, then pages; empty batches left out.
    public var batches: [[String]] {
        let assets = uploads.filter { !Self.isPage($0) }, pages = uploads.filter(Self.isPage)
        return [assets, pages].filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { uploads.isEmpty && deletions.isEmpty }

    /// The share of the remote's files this deploy deletes (0 when the remote is empty).
    public var deletionShare: Double {
        remoteFiles == 0 ? 0 : Double(deletions.count) / Double(remoteFiles)
    }

    /// Refuses a deploy that deletes more than `maxShare` of the remote's files, unless forced:
    /// a mistyped path or a wrong build should not wipe a site.
    public func checkDeletions(maxShare: Double, force: Bool, target: String) throws(Diagnostics) {
        guard !force, deletionShare > maxShare else { return }
        let percent = { (x: Double) in String(format: "%.0f %%", x * 100) }
        throw .error("""
            deploying would delete \(deletions.count) of the \(remoteFiles) files at \(target) \
            (\(percent(deletionShare)), more than the \(percent(maxShare)) allowed): check the target and the build, \
            then deploy again with --force (see --dry-run for the list); nothing was changed
            """, at: nil, code: "deploy-delete-guard")
    }
}

/// `.unionsite-manifest.json` at the top of the remote folder: the SHA-256 and size of every
/// file the last deploy sent. It is how a deploy knows what changed on hosts that keep no
/// hashes (FTP, WebDAV) and where rclone would fall back to comparing sizes.
public struct DeployManifest: Codable, Equatable, Sendable {
    public static let fileName = ".unionsite-manifest.json"

    public struct Entry: Codable, Equatable, Sendable {
        public var sha256: String
        public var size: Int

        public init(sha256: String, size: Int) {
            self.sha256 = sha256
            self.size = size
        }
    }

    public var format: Int
    public var files: [String: Entry]

    public init(files: [String: Entry]) {
        self.format = 1
        self.files = files
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// The manifest in `data`, or `nil` when it is not one this version writes: a deploy then
    /// treats every file as changed and sends it again, which is safe, only slower.
    public static func decode(_ data: Data) -> DeployManifest? {
        guard let manifest = try? JSONDecoder().decode(DeployManifest.self, from: data), manifest.format == 1,
              manifest.files.values.allSatisfy({ $0.sha256.count == 64 && $0.size >= 0 })
        else { return nil }
        return manifest
    }
}
