/// Quick tests over a document's whole text, made before any walk of its tree.
extension MarkdownDocument {
    /// False only when the text cannot hold a code block: no fence, no tab and no four
    /// spaces in a row anywhere. (Indented code after a container marker, `>     code` or
    /// `-     code`, has its four spaces after the marker, not after a line break; so does code
    /// after a bare CR, which cmark also takes as a line break.)
    static func mayHoldCodeBlocks(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            ByteSearch.contains(9, in: text) || ByteSearch.contains(Array("```".utf8), in: text)
                || ByteSearch.contains(Array("~~~".utf8), in: text) || ByteSearch.containsRun(of: 32, length: 4, in: text)
        }
    }

    /// Whether a CR stands alone somewhere (not before a LF): cmark takes it as a line break,
    /// and `lineStarts` does not, so line numbers after it do not name the same bytes.
    var hasBareCR: Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while let at = ByteSearch.firstIndex(of: [13], in: buffer, from: offset) {
                if at + 1 == buffer.count || buffer[at + 1] != 10 { return true }
                offset = at + 1
            }
            return false
        }
    }
}
