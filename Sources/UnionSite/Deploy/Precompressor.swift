import CZlib
import Foundation

/// `deploy --precompress`: a `.gz` copy beside every HTML, CSS, JS, JSON, XML and SVG file
/// larger than 1 kB in the built folder, for nginx's `gzip_static` and the like.
///
/// The bytes are deterministic: zlib at its best level, and a gzip header without a file
/// name and with a zero time (`gzip -9 -n` writes the same header), so an unchanged file
/// gives an unchanged `.gz` and a deploy that compares contents sends neither again.
/// `unionsite build` replaces the whole output folder, so no `.gz` outlives its file.
public enum Precompressor {
    public static let extensions: Set<String> = ["html", "css", "js", "json", "xml", "svg"]
    /// Files of this size or less are left alone: compressing them saves nothing worth a request header.
    public static let minimumSize = 1024

    /// Whether `path` gets a `.gz` copy when its size is `size`.
    public static func wants(_ path: String, size: Int) -> Bool {
        size > minimumSize && extensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Writes the `.gz` copies under `folder`; returns their paths relative to it, sorted.
    @discardableResult
    public static func run(in folder: URL) throws(Diagnostics) -> [String] {
        var written: [String] = []
        for (path, size) in try LocalFiles.sizes(in: folder) where wants(path, size: size) {
            let source = folder.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw .error("cannot read \(source.path) to compress it", at: nil, code: "deploy-precompress")
            }
            let target = source.path + ".gz"
            do {
                try gzip(data).write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch {
                throw .error("cannot write \(target): \(error.localizedDescription)", at: nil, code: "deploy-precompress")
            }
            written.append(path + ".gz")
        }
        return written.sorted()
    }

    /// `data` as a gzip member: zlib level 9, no name, time 0, OS 3 (Unix) whatever the platform.
    public static func gzip(_ data: Data) -> Data {
        var stream = z_stream()
        // 15 + 16: a 32 kB window with a gzip header and trailer instead of zlib's.
        let status = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let result = deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflate did not finish: \(result)")
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(produced...)
        // zlib writes time 0 and no name already; the OS byte differs between platforms (3 on
        // Linux, 19 on macOS), so it is pinned to 3 as `gzip -n` on Linux writes it.
        output[9] = 3
        return Data(output)
    }
}

/// The regular files of a built folder.
public enum LocalFiles {
    /// Every regular file under `folder`, by path relative to it (`about/index.html`), with its size.
    public static func sizes(in folder: URL) throws(Diagnostics) -> [(path: String, size: Int)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error("the built site \(folder.path) is missing: build the site again; nothing was deployed", at: nil, code: "deploy-no-output")
        }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        var files: [(String, Int)] = []
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: base), includingPropertiesForKeys: keys)
        while let url = enumerator?.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(prefix) else { continue }
            files.append((String(full.dropFirst(prefix.count)), values.fileSize ?? 0))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
