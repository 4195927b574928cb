import Foundation

/// Byte tests behind the fast paths of string functions that would otherwise go through
/// Foundation's `NSString` bridging (trimming, percent-encoding), which the Link stage calls
/// for each of a site's links. Each fast path gives exactly what Foundation gives, and hands
/// anything it is not sure of to Foundation.
enum ASCIIBytes {
    /// An ASCII byte that `whitespacesAndNewlines` does not hold: tab, LF, VT, FF, CR and space are
    /// its only ASCII members. (A byte from 0x80 may start a member: U+0085, U+00A0, U+2028 …)
    static func isTrimmedEnd(_ byte: UInt8) -> Bool {
        byte < 0x80 && !isWhitespace(byte)
    }

    /// The ASCII members of `whitespacesAndNewlines`: tab, LF, VT, FF, CR and space.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Whether every byte is ASCII. In ASCII text a byte is a `Character` (but for CR LF, which
    /// holds none of `/`, `#`, `:`, `?`, `%`), so searching the bytes finds what searching the
    /// `Character`s would.
    static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Per ASCII byte, whether `set` holds it: taken from Foundation's own set, so a fast path
    /// that leaves these bytes alone agrees with `addingPercentEncoding(withAllowedCharacters:)`
    /// (the fuzz tests check each byte).
    static func table(_ set: CharacterSet) -> [Bool] {
        (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    static let urlFragmentAllowed = table(.urlFragmentAllowed)
    /// Without `:`, which Foundation encodes in a path's first segment though the set holds it
    /// (`a:b` would read as a scheme): a path with one is left to Foundation.
    static let urlPathAllowed = table(.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":")))

    /// `text` percent-encoded outside `allowed` (one of the tables above, made from `set`).
    /// Text that needs no encoding (nearly every fragment and file path) is returned as it is.
    static func percentEncoded(_ text: String, allowed: [Bool], set: CharacterSet) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && allowed[Int($0)] }) { return text }
        return text.addingPercentEncoding(withAllowedCharacters: set) ?? text
    }

    /// `text` percent-decoded, or nil when Foundation finds the encoding invalid. Text without
    /// a `%` has nothing to decode and is returned as it is.
    static func percentDecoded(_ text: some StringProtocol) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : String(text)
    }
}
