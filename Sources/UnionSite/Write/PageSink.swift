import Foundation

/// Where `build` puts pages as they are rendered: straight into the staging folder that the
/// Write stage later swaps in, so a 10,000-article site is never held in memory whole.
/// (`check`, `serve` and tests render without one and keep pages in `RenderedSite.files`.)
public final class PageSink: @unchecked Sendable {
    let folder: URL
    private let lock = NSLock()
    private var madeFolders: Set<String> = []
    private var failure: Diagnostic?

    init(folder: URL) { self.folder = folder }

    /// Writes one file below the staging folder; safe from many threads at once.
    func write(_ path: String, _ bytes: [UInt8]) {
        guard let safe = OutputPath(path) else {
            fail(.error("refusing to write \(path): it would leave the output folder", at: nil, code: "output-path-unsafe"))
            return
        }
        let target = folder.appendingPathComponent(safe.value)
        let directory = target.deletingLastPathComponent().path
        if lock.withLock({ madeFolders.insert(directory).inserted }) {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        if let problem = FileOutput.write(bytes, to: target.path) {
            fail(.error("cannot write \(path): \(problem.reason)", at: nil, code: "write-failed"))
        }
    }

    private func fail(_ problem: Diagnostic) {
        lock.withLock { if failure == nil { failure = problem } }
    }

    /// The first write that failed, if any.
    func check() throws(Diagnostics) {
        if let problem = lock.withLock({ failure }) { throw Diagnostics([problem]) }
    }
}
