import Foundation

extension StringProtocol {
    /// Without leading and trailing whitespace and line breaks (`CharacterSet.whitespacesAndNewlines`).
    ///
    /// Most strings trimmed (titles, link destinations, link texts) have nothing to trim; they
    /// start and end with an ASCII byte that is not a space, and are copied as they are. Only
    /// the rest go through Foundation, whose bridging cost 3 % of a build.
    var trimmed: String {
        let text = String(self)
        guard let first = text.utf8.first, let last = text.utf8.last else { return "" }
        if ASCIIBytes.isTrimmedEnd(first), ASCIIBytes.isTrimmedEnd(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
