import Ccmark

/// Where a link starts in the file.
///
/// cmark's inline positions are unreliable after a soft line break: the column is wrong,
/// and a link whose text wraps onto the next line is placed on that next line. So the
/// opening `[` is found again in the source: on cmark's line or the few lines before it,
/// the `[` followed by the start of the link's text, nearest to cmark's own position.
enum LinkPosition {
    static let lookBack = 3

    static func location(of node: MarkdownNode, in document: MarkdownDocument) -> SourceLocation {
        let reportedLine = node.startLine
        guard reportedLine >= 1, reportedLine <= document.lineCount else {
            return document.source.location(line: max(reportedLine, 1), column: max(node.startColumn, 1))
        }
        let marker = Array((node.type == CMARK_NODE_IMAGE ? "![" : "[").utf8)
        let textStart = Array(firstLine(of: node.plainText).utf8.prefix(12))
        for line in stride(from: reportedLine, through: max(1, reportedLine - lookBack), by: -1) {
            if let column = bestColumn(in: Array(document.line(line)), marker: marker, text: textStart,
                                       near: line == reportedLine ? node.startColumn : Int.max) {
                return document.source.location(line: line, column: column)
            }
        }
        return document.source.location(line: reportedLine, column: max(1, node.startColumn))
    }

    /// The text up to its first line break: what follows the `[` on the link's first line.
    private static func firstLine(of text: String) -> String {
        String(text.prefix { $0 != "\n" })
    }

    /// 1-based column of the `[` (or `![`) whose following bytes start the link text, nearest
    /// to `near`; a text that wraps may match only its first word on the line.
    private static func bestColumn(in line: [UInt8], marker: [UInt8], text: [UInt8], near: Int) -> Int? {
        var best: Int?
        var index = 0
        while index + marker.count <= line.count {
            if Array(line[index..<index + marker.count]) == marker, follows(text, in: line, at: index + marker.count) {
                let column = index + 1
                if best == nil || abs(column - near) < abs(best! - near) { best = column }
            }
            index += 1
        }
        return best
    }

    /// Whether `line` continues with `text` at `start`, skipping emphasis and code markers
    /// (`[*a*](x)`); a line that ends first (the text wraps) matches if anything matched.
    private static func follows(_ text: [UInt8], in line: [UInt8], at start: Int) -> Bool {
        let markup: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`")]
        var position = start
        var matched = 0
        for expected in text {
            while position < line.count, markup.contains(line[position]) { position += 1 }
            guard position < line.count else { return matched > 0 }
            guard line[position] == expected else { return false }
            matched += 1
            position += 1
        }
        return true
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
