import Foundation

/// The `RenderSink` of `build`: pages go straight into the staging folder that the Write
/// stage later swaps in, so a 10,000-article site is never held in memory whole.
/// (`check`, `serve` and tests render into a `MemorySink` instead.)
public final class StagingSink: RenderSink, @unchecked Sendable {
    let folder: URL
    /// `folder`'s path with a trailing slash: output paths are joined to it as strings,
    /// because `URL.appendingPathComponent` was a fifth of the cost of writing a page.
    private let prefix: String
    private let lock = NSLock()
    private var madeFolders: Set<String> = []
    private var failure: Diagnostic?

    init(folder: URL) {
        self.folder = folder
        prefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
    }

    /// Writes one file below the staging folder; safe from many threads at once.
    func write(_ path: String, _ bytes: [UInt8]) {
        guard let safe = OutputPath(path) else {
            fail(.error("refusing to write \(path): it would leave the output folder", at: nil, code: "output-path-unsafe"))
            return
        }
        let target = prefix + safe.value
        let directory = safe.value.lastIndex(of: "/").map { prefix + safe.value[..<$0] }
        if let directory, lock.withLock({ madeFolders.insert(directory).inserted }) { Self.makeFolder(directory) }
        var problem = FileOutput.write(bytes, to: target)
        if problem != nil, let directory {
            // Another thread may have claimed the folder and not yet made it.
            Self.makeFolder(directory)
            problem = FileOutput.write(bytes, to: target)
        }
        if let problem {
            fail(.error("cannot write \(path): \(problem.reason)", at: nil, code: "write-failed"))
        }
    }

    /// `mkdir -p`, by `mkdir(2)` first: the parent almost always exists already, and
    /// FileManager checks every component before it makes one. A failure shows when the
    /// file inside cannot be written.
    private static func makeFolder(_ path: String) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    private func fail(_ problem: Diagnostic) {
        lock.withLock { if failure == nil { failure = problem } }
    }

    /// The first write that failed, if any.
    func check() throws(Diagnostics) {
        if let problem = lock.withLock({ failure }) { throw Diagnostics([problem]) }
    }
}
