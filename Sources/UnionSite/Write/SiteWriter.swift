import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stage 5, **write**: puts a `RenderedSite` on disk atomically.
///
/// Everything is written into a fresh sibling folder first (the render streams its files
/// there through a `StagingSink`; this stage adds the static files); only when that
/// succeeded is it swapped in for the old output. A failed build therefore never touches the published
/// folder, and nothing stale survives a successful one.
public enum SiteWriter {
    public struct Summary: Sendable {
        public let pages: Int
        public let files: Int
    }

    /// A fresh staging folder beside the output, for the render to write into.
    public static func staging(for output: URL) throws(Diagnostics) -> StagingSink {
        let staging = stagingFolder(for: output)
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .error("cannot write the site next to \(output.path): \(error.localizedDescription)", at: nil, code: "write-failed")
        }
        return StagingSink(folder: staging)
    }

    /// Removes a staging folder after a failed build.
    public static func discard(_ sink: StagingSink) {
        try? FileManager.default.removeItem(at: sink.folder)
    }

    private static func stagingFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).unionsite-new-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// - Parameter staged: the sink the site was rendered into, from `staging(for:)`.
    public static func write(_ site: RenderedSite, to output: URL, staged: StagingSink) throws(Diagnostics) -> Summary {
        let fileManager = FileManager.default
        let staging = staged.folder
        let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).unionsite-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try copyStatic(site, into: staging)
            try swap(staging, into: output, retired: retired)
        } catch let problems as Diagnostics {
            try? fileManager.removeItem(at: staging)
            throw problems
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .error("cannot write the site to \(output.path): \(error.localizedDescription)", at: nil, code: "write-failed")
        }
        return Summary(pages: site.pageCount, files: site.fileCount)
    }

    private static func copyStatic(_ site: RenderedSite, into folder: URL) throws {
        var made: Set<String> = []
        for (path, source) in site.copies.sorted(by: { $0.key < $1.key }) {
            let target = try url(for: path, in: folder, made: &made)
            try FileManager.default.copyItem(atPath: source, toPath: target.path)
        }
    }

    private static func url(for path: String, in folder: URL, made: inout Set<String>) throws -> URL {
        guard let safe = OutputPath(path) else {
            throw Diagnostics.error("refusing to write \(path): it would leave the output folder", at: nil, code: "output-path-unsafe")
        }
        let target = folder.appendingPathComponent(safe.value)
        let directory = target.deletingLastPathComponent().path
        if made.insert(directory).inserted {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return target
    }

    /// Old output aside, new output in, old output gone.
    private static func swap(_ staging: URL, into output: URL, retired: URL) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: retired)
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput { try fileManager.moveItem(at: output, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
            throw error
        }
        if hadOutput { try? fileManager.removeItem(at: retired) }
    }
}

/// Writes a file with plain `open`/`write`/`close`: no temporary copy and no `fsync` per file
/// (Foundation's `Data.write` did both). Durability comes from the folder swap at the end.
enum FileOutput {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    static func write(_ bytes: [UInt8], to path: String) -> Failure? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return Failure(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        return nil
    }
}
