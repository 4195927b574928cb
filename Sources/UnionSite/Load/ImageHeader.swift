import Foundation

/// An image's intrinsic size in CSS pixels, written as `width` and `height` on `<img>` so the
/// browser keeps its place before it loads and the page does not jump.
public struct PixelSize: Sendable, Hashable {
    public let width: Int
    public let height: Int
}

/// Reads the size from the first bytes of a PNG, GIF, JPEG, WebP or SVG file, as each format
/// lays it out. No image library: every format keeps its size in a fixed place near the
/// start (JPEG's is in the first frame header, after any metadata segments).
enum ImageHeader {
    struct Problem: Error, Hashable { let message: String }

    static let extensions: Set<String> = ["png", "gif", "jpg", "jpeg", "webp", "svg"]

    /// How much is read first: enough for every header but a JPEG with a large thumbnail,
    /// which is then read whole.
    static let prefixBytes = 65_536

    /// The size of the image file at `path`, or why it cannot be told.
    static func read(path: String) -> Result<PixelSize, Problem> {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(Problem(message: "cannot be read")) }
        defer { try? handle.close() }
        let fileExtension = (path as NSString).pathExtension.lowercased()
        guard let prefix = try? handle.read(upToCount: prefixBytes) else { return .failure(Problem(message: "cannot be read")) }
        let first = size(of: Array(prefix), fileExtension: fileExtension)
        guard case .failure = first, fileExtension != "svg", prefix.count == prefixBytes,
              let rest = try? handle.readToEnd() else { return first }
        return size(of: Array(prefix) + Array(rest), fileExtension: fileExtension)
    }

    /// The size from a file's bytes; the extension only picks the SVG reader (the binary
    /// formats are told by their signatures, whatever the file is called).
    static func size(of bytes: [UInt8], fileExtension: String) -> Result<PixelSize, Problem> {
        let found: Result<PixelSize, Problem>
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { found = png(bytes) }
        else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { found = gif(bytes) }
        else if bytes.starts(with: [0xFF, 0xD8]) { found = JPEGHeader.size(bytes) }
        else if bytes.starts(with: Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { found = webp(bytes) }
        else if fileExtension == "svg" { found = SVGHeader.size(bytes) }
        else { found = .failure(Problem(message: "is not a PNG, GIF, JPEG, WebP or SVG image (its first bytes are no image signature)")) }
        if case .success(let size) = found, size.width <= 0 || size.height <= 0 {
            return .failure(Problem(message: "says it is \(size.width) × \(size.height) pixels"))
        }
        return found
    }

    static let truncated = Problem(message: "is cut short: its header ends before its size")

    private static func png(_ b: [UInt8]) -> Result<PixelSize, Problem> {
        guard b.count >= 24 else { return .failure(truncated) }
        guard Array(b[12..<16]) == Array("IHDR".utf8) else { return .failure(Problem(message: "is a damaged PNG: its first chunk is not IHDR")) }
        return .success(PixelSize(width: bigEndian(b, 16, 4), height: bigEndian(b, 20, 4)))
    }

    private static func gif(_ b: [UInt8]) -> Result<PixelSize, Problem> {
        guard b.count >= 10 else { return .failure(truncated) }
        return .success(PixelSize(width: littleEndian(b, 6, 2), height: littleEndian(b, 8, 2)))
    }

    /// The three WebP encodings keep the size in three ways: lossy (`VP8 `) in the key
    /// frame header, lossless (`VP8L`) packed in 14-bit fields, extended (`VP8X`) in 24-bit fields.
    private static func webp(_ b: [UInt8]) -> Result<PixelSize, Problem> {
        guard b.count >= 16 else { return .failure(truncated) }
        let kind = String(decoding: b[12..<16], as: UTF8.self)
        guard b.count >= (kind == "VP8L" ? 25 : 30) else { return .failure(truncated) }
        switch kind {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return .failure(Problem(message: "is a damaged WebP: no key frame start code")) }
            return .success(PixelSize(width: littleEndian(b, 26, 2) & 0x3FFF, height: littleEndian(b, 28, 2) & 0x3FFF))
        case "VP8L":
            guard b[20] == 0x2F else { return .failure(Problem(message: "is a damaged WebP: no lossless signature")) }
            let bits = littleEndian(b, 21, 4)
            return .success(PixelSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1))
        case "VP8X":
            return .success(PixelSize(width: littleEndian(b, 24, 3) + 1, height: littleEndian(b, 27, 3) + 1))
        default:
            return .failure(Problem(message: "is a WebP of a kind unionsite does not know (no VP8, VP8L or VP8X chunk first)"))
        }
    }

    static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        b[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        b[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
