import Foundation

/// Where the Render stage puts every file it makes. The caller chooses: `build` gives the
/// staging folder (`StagingSink`), so a 10,000-article site is never held in memory whole;
/// `check`, `serve` and tests give a `MemorySink` and read the bytes back from it.
///
/// The render writes each page on the thread that made it, so a sink must take writes from
/// many threads at once. What the site consists of (paths, owners, sitemap, copies) is the
/// render's value, `RenderedSite`, the same whichever sink was used.
protocol RenderSink: AnyObject, Sendable {
    /// Stores one file, by its path below the output folder (`articles/pay/index.html`).
    func write(_ path: String, _ bytes: [UInt8])
    /// Throws the first write that failed, if any.
    func check() throws(Diagnostics)
}

extension RenderSink {
    /// The same sink for a further language's files, in its folder (`cy/`).
    func below(_ folder: String) -> any RenderSink {
        PrefixedSink(prefix: folder + "/", base: self)
    }
}

/// Keeps every file's bytes: `check`, `serve` and tests.
final class MemorySink: RenderSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: [UInt8]] = [:]

    func write(_ path: String, _ bytes: [UInt8]) {
        lock.withLock { stored[path] = bytes }
    }

    func check() throws(Diagnostics) {}

    /// Every file written so far, by output path.
    var files: [String: [UInt8]] { lock.withLock { stored } }
}

/// Writes into another sink below a folder.
private final class PrefixedSink: RenderSink {
    let prefix: String
    let base: any RenderSink

    init(prefix: String, base: any RenderSink) {
        self.prefix = prefix
        self.base = base
    }

    func write(_ path: String, _ bytes: [UInt8]) { base.write(prefix + path, bytes) }
    func check() throws(Diagnostics) { try base.check() }
}

/// The Render stage at work: the site it is making and the sink its files go to. Every file
/// passes through here, so each one is both written and claimed (`RenderedSite.claim`).
struct RenderOutput {
    var site: RenderedSite
    let sink: any RenderSink

    /// Writes a page and lists it.
    mutating func add(_ page: RenderedPage) {
        sink.write(page.path.outputFile, page.bytes)
        site.list(page.entry)
    }

    /// Makes pages on every core, each written on the thread that made it (its bytes are let
    /// go there, not gathered), then lists them in order.
    mutating func add<T: Sendable>(_ items: [T], minimum: Int = Parallel.threshold, _ make: @Sendable (T) -> RenderedPage) {
        let sink = self.sink
        let entries = Parallel.map(items, minimum: minimum) { item in
            let page = make(item)
            sink.write(page.path.outputFile, page.bytes)
            return page.entry
        }
        for entry in entries { site.list(entry) }
    }

    /// Writes files of one owner on every core (the search index's shards), claimed in path order.
    mutating func add(_ files: [String: [UInt8]], owner: String) {
        let sorted = files.sorted(by: { $0.key < $1.key })
        let sink = self.sink
        _ = Parallel.map(sorted) { sink.write($0.key, $0.value) }
        for (path, _) in sorted { site.claim(path, owner: owner) }
    }

    mutating func add(_ path: String, _ text: String, owner: String) {
        add(path, Array(text.utf8), owner: owner)
    }

    mutating func add(_ path: String, _ bytes: [UInt8], owner: String) {
        sink.write(path, bytes)
        site.claim(path, owner: owner)
    }
}
