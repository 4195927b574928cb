/// A path below the output folder that is sure to stay below it.
///
/// Slugs and ids are already restricted, but static file names and future generators are
/// not: this is the one gate every written file passes, refusing `..`, absolute paths,
/// backslashes, NUL bytes and empty components.
struct OutputPath: Hashable, Sendable {
    let value: String

    init?(_ path: String) {
        guard !path.isEmpty, !path.hasPrefix("/") else { return nil }
        // Generated paths are ASCII, read byte by byte here: the `String` checks below split
        // into `Character`s and search through Foundation's CFString (0.8 % of the samples of
        // a 10,000-article build). For ASCII the two agree, as every `Character` is one byte
        // but `\r\n`, which holds neither `/`, `.`, `\` nor NUL.
        guard path.utf8.allSatisfy({ $0 < 0x80 }) ? Self.isSafe(ascii: path.utf8) : Self.isSafe(path) else { return nil }
        value = path
    }

    private static func isSafe(_ path: String) -> Bool {
        guard !path.contains("\\"), !path.contains("\0") else { return false }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The same rules over ASCII bytes: no backslash or NUL, no component empty, `.` or `..`.
    private static func isSafe(ascii bytes: String.UTF8View) -> Bool {
        var length = 0, dots = 0
        let isBad = { length == 0 || (length == dots && length <= 2) }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "/"):
                if isBad() { return false }
                (length, dots) = (0, 0)
            case UInt8(ascii: "\\"), 0: return false
            case UInt8(ascii: "."): (length, dots) = (length + 1, dots + 1)
            default: length += 1
            }
        }
        return !isBad()
    }
}
