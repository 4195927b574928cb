import Foundation

/// Runs the pipeline (stages 1–4, into memory: `PreviewBuild`) whenever the sources change: one rebuild at a
/// time, after a short quiet spell so a burst of saves makes one rebuild, and again at once
/// if more changes arrived while it ran.
final class Rebuilder: @unchecked Sendable {
    private let options: Build.Options
    private let state: PreviewState
    private let cache = BuildCache()
    private let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "unionsite.rebuild")
    private let lock = NSLock()
    private var pending: [String] = []
    private var scheduled: DispatchWorkItem?
    /// The warnings already printed: a rebuild prints only new ones (a big site can have thousands).
    private var shownWarnings: Set<Diagnostic> = []
    /// The last build's warnings as listed: a body edit usually lists the same ones again.
    private var lastWarnings: [Diagnostic] = []
    /// The last good build's stages, while they match the files: a body edit starts from them.
    private var last: PreviewBuild?

    static let quietSpell: DispatchTimeInterval = .milliseconds(30)

    init(options: Build.Options, state: PreviewState, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.state = state
        self.log = log
    }

    /// The first build, before the server starts answering.
    func buildNow() async {
        await rebuild(reason: "first build")
    }

    /// Called by the watcher; coalesces bursts.
    func changed(_ paths: [String]) {
        lock.lock()
        pending += paths
        scheduled?.cancel()
        let work = DispatchWorkItem { [weak self] in self?.flush() }
        scheduled = work
        lock.unlock()
        queue.asyncAfter(deadline: .now() + Self.quietSpell, execute: work)
    }

    private func flush() {
        lock.lock()
        let paths = pending
        pending = []
        lock.unlock()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            await rebuild(reason: describe(paths), paths: paths)
            semaphore.signal()
        }
        semaphore.wait()
    }

    /// How many distinct warnings the build has, and those not printed before. The same list
    /// as last time (most edits) is recognised by comparing the lists, not by hashing every
    /// warning into a set: on a site with thousands of warnings that took 15–35 ms of a core
    /// just after the reload was announced, while the page's request and the search index
    /// wanted both cores.
    private func newWarnings(_ warnings: [Diagnostic]) -> (count: Int, fresh: Set<Diagnostic>) {
        guard warnings != lastWarnings else { return (shownWarnings.count, []) }
        lastWarnings = warnings
        let all = Set(warnings)
        let fresh = all.subtracting(shownWarnings)
        shownWarnings = all
        return (all.count, fresh)
    }

    private func describe(_ paths: [String]) -> String {
        let names = Array(Set(paths.map { options.root.relativePath(URL(fileURLWithPath: $0)) })).sorted()
        guard let first = names.first else { return "change" }
        return names.count == 1 ? first : "\(first) and \(names.count - 1) more"
    }

    private func rebuild(reason: String, paths: [String] = []) async {
        let start = Date()
        do {
            let build: PreviewBuild
            var how = ""
            if let last, let quick = BodyEdit.rebuild(Set(paths), last: last, root: options.root, cache: cache) {
                build = quick
                how = " (body only)"
            } else {
                build = try PreviewBuild.make(options, cache: cache)
            }
            last = build
            let site = build.site
            var timer = StageTimer("serve")
            let changed = await state.publish(build)
            timer.lap("publish")
            defer { timer.lap("log"); timer.report() }
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            let (warnings, fresh) = newWarnings(site.warnings)
            let note = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")\(fresh.count < warnings ? " (\(fresh.count) new)" : "")"
            log("\(reason)\(how): \(changed) file\(changed == 1 ? "" : "s") changed, \(site.pageCount) pages\(note), \(ms) ms")
            for warning in Diagnostics(Array(fresh)).sorted { log(warning.description) }
        } catch {
            // The files no longer match the last good build: the next rebuild starts afresh.
            last = nil
            await state.fail(error.items)
            log("\(reason): the build failed; still serving the last good site")
            for problem in Diagnostics(error.items).sorted { log(problem.description) }
        }
    }
}
