import Foundation

/// Reads a text file the way every source is read: size-limited, UTF-8 only, no NUL bytes.
/// Each refusal is a diagnostic at the file (and, for bad bytes, the line) where it happens.
struct TextFileReader {
    let root: SiteRoot
    let maxBytes: Int

    static let defaultMaxBytes = 8 * 1024 * 1024

    func read(_ url: URL) -> Result<SourceFile, Diagnostic> {
        let fullPath = url.path
        let path = root.relativePath(url, path: fullPath)
        let data: [UInt8]
        switch FileBytes.read(fullPath, maxBytes: maxBytes) {
        case .success(let bytes): data = bytes
        case .failure(.unreadable):
            return .failure(.error("cannot read the file", at: SourceLocation(path: path), code: "file-unreadable"))
        case .failure(.tooLarge(let size)):
            return .failure(.error("file is \(size) bytes, over the limit of \(maxBytes) (raise `max_file_size` in site.yaml)",
                                   at: SourceLocation(path: path), code: "file-too-large"))
        }
        if let position = Self.firstNUL(in: data) {
            return .failure(.error("file holds a NUL byte: it looks like a binary file, not text",
                                   at: SourceLocation(path: path, line: position.line, column: position.column), code: "file-binary"))
        }
        // The standard library's validating initialiser: one pass, no Foundation bridging.
        guard var text = String(validating: data, as: UTF8.self) else {
            let position = Self.firstInvalidUTF8(in: data)
            return .failure(.error("file is not valid UTF-8 text", at: SourceLocation(path: path, line: position.line, column: position.column),
                                   code: "file-encoding"))
        }
        // A byte-order mark is not text (editors on Windows add one); Foundation dropped it too.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .success(SourceFile(path: path, text: text))
    }

    private static func firstNUL(in data: [UInt8]) -> (line: Int, column: Int)? {
        // memchr: this runs over every byte of every file on every build.
        let offset = data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }
        return offset.map { position(of: $0, in: data) }
    }

    private static func firstInvalidUTF8(in data: [UInt8]) -> (line: Int, column: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return position(of: offset, in: data)
            case .error(let length): _ = length; return position(of: offset, in: data)
            }
        }
    }

    /// Line and column (in bytes) of a byte offset.
    private static func position(of offset: Int, in data: [UInt8]) -> (line: Int, column: Int) {
        let prefix = data.prefix(offset)
        let line = prefix.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        let lastNewline = prefix.lastIndex(of: 10).map { $0 + 1 } ?? 0
        return (line, offset - lastNewline + 1)
    }
}
