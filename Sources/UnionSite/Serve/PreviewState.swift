import Foundation

/// What the preview server shows: the last good site, the current problems, and a
/// generation number that changes whenever the site's files change.
///
/// Pages learn of rebuilds through `updates()`; they reload only on a new generation, so a
/// failed rebuild keeps the last good site served and shows the problems instead.
actor PreviewState {
    struct Snapshot: Sendable {
        let generation: Int
        let diagnostics: [Diagnostic]
    }

    private(set) var build: PreviewBuild?
    private(set) var generation = 0
    private(set) var diagnostics: [Diagnostic] = []
    private var subscribers: [UUID: AsyncStream<Snapshot>.Continuation] = [:]
    private var etags: [String: String] = [:]
    /// Making the last site's deferred files (the search index), started when it was published.
    private var pending: Task<Void, Never>?
    private var published = 0

    /// How long after a site is published its deferred files (the search index) are started.
    private(set) var deferredStart: Duration

    init(deferredStart: Duration = .milliseconds(150)) {
        self.deferredStart = deferredStart
    }

    /// For sites published from now on (tests hold one site's files back, then not the next's).
    func startDeferredFiles(after delay: Duration) {
        deferredStart = delay
    }

    var snapshot: Snapshot { Snapshot(generation: generation, diagnostics: diagnostics) }

    /// A successful build: swap the site in, bump the generation if anything changed.
    /// Returns the number of files that changed.
    @discardableResult
    func publish(_ new: PreviewBuild) -> Int {
        let changed = Self.changedFiles(old: build, new: new)
        build = new
        published += 1
        // A superseded site's deferred files are not made if they have not been started.
        pending?.cancel()
        if let deferred = new.deferred {
            let token = published
            let delay = deferredStart
            pending = Task.detached(priority: .utility) { [weak self] in
                // Started a moment after the reload is announced: at once, the search index
                // took both cores just when the page's WebSocket message and its reload wanted
                // them (a body edit reached the browser in 85–105 ms on the 10,000-article site).
                try? await Task.sleep(for: delay)
                guard !Task.isCancelled else { return }
                let files = deferred.files()
                await self?.fill(files, token: token)
            }
        } else {
            pending = nil
        }
        if changed > 0 || generation == 0 {
            generation += 1
            etags = [:]
        }
        diagnostics = new.site.warnings.filter { $0.severity == .error }
        broadcast()
        return changed
    }

    /// Adds a site's deferred files once made, unless a newer site has been published since.
    private func fill(_ files: [String: [UInt8]], token: Int) {
        guard token == published, build != nil else { return }
        for (path, bytes) in files {
            build!.files[path] = bytes
            etags[path] = nil
        }
    }

    /// Waits until the current site's deferred files are in (requests for them call this).
    /// A site published while it waits has files of its own to wait for: the task it was
    /// waiting for is cancelled, or fills nothing.
    func settle() async {
        while let task = pending {
            await task.value
            guard let current = pending, current != task else { return }
        }
    }

    /// A failed build: keep the site, show the problems.
    func fail(_ problems: [Diagnostic]) {
        diagnostics = Diagnostics(problems).sorted
        broadcast()
    }

    /// Where the site is mounted: the last good build's base path.
    var basePath: String { build?.site.basePath ?? "/" }

    func file(_ path: String) -> [UInt8]? { build?.files[path] }
    func copySource(_ path: String) -> String? { build?.site.copies[path] }

    /// A strong ETag: the generation would do, but a content hash survives unrelated rebuilds.
    func etag(for path: String, bytes: [UInt8]) -> String {
        if let known = etags[path] { return known }
        let tag = "\"" + String(FNV1a.hash(bytes), radix: 16) + "\""
        etags[path] = tag
        return tag
    }

    func updates() -> AsyncStream<Snapshot> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Snapshot>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.yield(snapshot)
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) { subscribers[id] = nil }

    private func broadcast() {
        for continuation in subscribers.values { continuation.yield(snapshot) }
    }

    private static func changedFiles(old: PreviewBuild?, new: PreviewBuild) -> Int {
        guard let old else { return new.files.count + new.site.copies.count }
        if let rewritten = new.rewritten, rewritten.from == old.id {
            return rewritten.paths.reduce(0) { $0 + (old.files[$1] != new.files[$1] ? 1 : 0) }
        }
        var changed = 0
        for (path, bytes) in new.files where old.files[path] != bytes { changed += 1 }
        for path in old.files.keys where new.files[path] == nil && new.deferred?.covers(path) != true { changed += 1 }
        for (path, source) in new.site.copies where old.site.copies[path] != source { changed += 1 }
        for path in old.site.copies.keys where new.site.copies[path] == nil { changed += 1 }
        return changed
    }
}

/// 64-bit FNV-1a: a fast, stable content hash for ETags.
enum FNV1a {
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
