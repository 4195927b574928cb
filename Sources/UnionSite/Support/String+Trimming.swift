import Foundation

extension StringProtocol {
    /// Without leading and trailing whitespace and line breaks (`CharacterSet.whitespacesAndNewlines`).
    ///
    /// Most strings trimmed (titles, link destinations, link texts) have nothing to trim; they
    /// start and end with an ASCII byte that is not a space, and are copied as they are. Only
    /// the rest go through Foundation, whose bridging cost 3 % of a build.
    ///
    /// Text whose whitespace at either end is ASCII, up to an ASCII byte that is not (CSV cells
    /// ending in a line break, most of the rest), is cut by bytes. Foundation trims scalar by
    /// scalar, so it would stop at the same bytes.
    var trimmed: String {
        let text = String(self)
        guard let first = text.utf8.first, let last = text.utf8.last else { return "" }
        if ASCIIBytes.isTrimmedEnd(first), ASCIIBytes.isTrimmedEnd(last) { return text }
        return Self.asciiTrimmed(text) ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` without ASCII whitespace at its ends, or nil when a byte from 0x80 meets either run.
    private static func asciiTrimmed(_ text: String) -> String? {
        let bytes = text.utf8
        guard let start = bytes.firstIndex(where: { !ASCIIBytes.isWhitespace($0) }) else { return "" }
        guard bytes[start] < 0x80, let end = bytes.lastIndex(where: { !ASCIIBytes.isWhitespace($0) }), bytes[end] < 0x80 else { return nil }
        return String(text[start...end])
    }

}
