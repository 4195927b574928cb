import Ccmark
import Foundation

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
        slice.withUnsafeBufferPointer { line in
            // cmark's own column is right unless a soft break came before it in the paragraph;
            // when it points at a bracket, take it (checking the text too would be quadratic for
            // links nested inside links).
            if near >= 1, near <= line.count - marker.count + 1, starts(line, at: near - 1, with: marker) {
                return near
            }
            // Each place the marker's first byte stands, found with memchr (a byte-by-byte loop
            // over every line a link was looked for on cost more than the rest of the facts).
            var best: Int?
            var index = 0
            while index + marker.count <= line.count, let base = line.baseAddress,
                  let found = memchr(base + index, Int32(marker[0]), line.count - index - marker.count + 1) {
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if starts(line, at: index, with: marker), follows(text, in: line, at: index + marker.count) {
                    let column = index + 1
                    if best == nil || abs(column - near) < abs(best! - near) { best = column }
                }
                index += 1
            }
            return best
        }
    }

    private static func starts(_ line: UnsafeBufferPointer<UInt8>, at index: Int, with marker: [UInt8]) -> Bool {
        var offset = 0
        while offset < marker.count {
            if line[index + offset] != marker[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Whether `line` continues with `text` at `start`, skipping emphasis and code markers
    /// (`[*a*](x)`); a line that ends first (the text wraps) matches if anything matched.
    private static func follows(_ text: [UInt8], in line: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var position = start
        var matched = 0
        for expected in text {
            while position < line.count, isMarkup(line[position]) { position += 1 }
            guard position < line.count else { return matched > 0 }
            guard line[position] == expected else { return false }
            matched += 1
            position += 1
        }
        return true
    }

    /// `*`, `_` and `` ` ``.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "`")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
