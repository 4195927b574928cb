import Ccmark

/// Where a link starts in the file.
///
/// cmark's inline positions are unreliable after a soft line break: the column is wrong,
/// and a link whose text wraps onto the next line is placed on that next line. So the
/// opening `[` is found again in the source: on cmark's line or the few lines before it,
/// the `[` followed by the start of the link's text, nearest to cmark's own position.
enum LinkPosition {
    static let lookBack = 3

    /// - Parameter text: the link's visible text (its start is looked for after the `[`).
    static func location(of node: MarkdownNode, text: String, in document: MarkdownDocument) -> SourceLocation {
        let reportedLine = node.startLine
        guard reportedLine >= 1, reportedLine <= document.lineCount else {
            return document.location(line: max(reportedLine, 1), column: max(node.startColumn, 1))
        }
        let marker = Array((node.type == CMARK_NODE_IMAGE ? "![" : "[").utf8)
        let textStart = firstBytes(of: text)
        for line in stride(from: reportedLine, through: max(1, reportedLine - lookBack), by: -1) {
            if let column = bestColumn(in: document.line(line), marker: marker, text: textStart,
                                       near: line == reportedLine ? node.startColumn : Int.max) {
                return document.location(line: line, column: column)
            }
        }
        return document.location(line: reportedLine, column: max(1, node.startColumn))
    }

    /// The first 12 bytes of the text up to its first line break: what follows the `[` on the
    /// link's first line. (As by `Character`s: an LF after a CR is part of CR LF, no break.)
    private static func firstBytes(of text: String) -> [UInt8] {
        var result: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8.prefix(12) {
            if byte == 10, previous != 13 { break }
            result.append(byte)
            previous = byte
        }
        return result
    }

    /// 1-based column of the `[` (or `![`) whose following bytes start the link text, nearest
    /// to `near`; a text that wraps may match only its first word on the line.
    private static func bestColumn(in slice: ArraySlice<UInt8>, marker: [UInt8], text: [UInt8], near: Int) -> Int? {
        // A view rebased to 0 without copying the line (many links on one line must stay linear).
        let line = Line(slice)
        // cmark's own column is right unless a soft break came before it in the paragraph; when
        // it points at a bracket, take it (checking the text too would be quadratic for links
        // nested inside links).
        if near >= 1, near <= line.count - marker.count + 1, starts(line, at: near - 1, with: marker) {
            return near
        }
        var best: Int?
        var index = 0
        while index + marker.count <= line.count {
            if starts(line, at: index, with: marker), follows(text, in: line, at: index + marker.count) {
                let column = index + 1
                if best == nil || abs(column - near) < abs(best! - near) { best = column }
            }
            index += 1
        }
        return best
    }

    private static func starts(_ line: Line, at index: Int, with marker: [UInt8]) -> Bool {
        for (offset, byte) in marker.enumerated() where line[index + offset] != byte { return false }
        return true
    }

    /// Whether `line` continues with `text` at `start`, skipping emphasis and code markers
    /// (`[*a*](x)`); a line that ends first (the text wraps) matches if anything matched.
    private static func follows(_ text: [UInt8], in line: Line, at start: Int) -> Bool {
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

/// A line's bytes indexed from 0, over the document's buffer.
private struct Line {
    let bytes: ArraySlice<UInt8>
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }
    var count: Int { bytes.count }
    subscript(index: Int) -> UInt8 { bytes[bytes.startIndex + index] }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
