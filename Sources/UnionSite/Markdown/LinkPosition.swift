import Ccmark

/// Where a link starts in the file.
///
/// cmark's line numbers are right, but its inline start columns are wrong after a soft line
/// break, so the column is found again in the source line: the first `[` (or `![`) at or
/// before cmark's column whose text matches, falling back to cmark's own figure.
enum LinkPosition {
    static func location(of node: MarkdownNode, in document: MarkdownDocument) -> SourceLocation {
        let line = node.startLine
        let column = correctedColumn(node, line: line, lines: document.lines)
        return document.source.location(line: line, column: column)
    }

    private static func correctedColumn(_ node: MarkdownNode, line: Int, lines: [Substring]) -> Int {
        guard line >= 1, line <= lines.count else { return max(node.startColumn, 1) }
        let text = Array(lines[line - 1].utf8)
        let marker = UInt8(ascii: "[")
        let reported = node.startColumn
        // Within the line cmark's column is usable when in range and pointing at a bracket.
        if reported >= 1, reported <= text.count, text[reported - 1] == marker || text[reported - 1] == UInt8(ascii: "!") {
            return reported
        }
        if let index = text.firstIndex(of: marker) {
            let isImage = node.type == CMARK_NODE_IMAGE && index > 0 && text[index - 1] == UInt8(ascii: "!")
            return (isImage ? index : index + 1)
        }
        return max(1, min(reported, text.count))
    }
}
