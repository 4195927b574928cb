import Ccmark

/// The source lines of a paragraph that holds a pipe table, taken apart: lines before the
/// table (still a paragraph), the caption, the header, the alignments and the body rows.
/// Rows keep where their line is in the document's bytes; their cells are ranges of it.
struct TableLines {
    struct Row {
        let cells: [PipeTableRow.Cell]
        let line: Int
        /// Bytes cut from the start of the line (container markers such as `> `).
        let shift: Int
        /// Where the line, less its cut, starts in the document's bytes.
        let base: Int

        func origin(of cell: PipeTableRow.Cell) -> LineOrigin { LineOrigin(line: line, shift: shift + cell.offset) }

        /// The line's bytes, less its cut, in `bytes` (the document's).
        func text(in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[base...])
        }
    }

    /// A line of the paragraph without its container prefix: bytes `start..<end` of the document.
    private struct Line {
        let start: Int
        let end: Int
        let origin: LineOrigin
    }

    let pre: [(text: String, origin: LineOrigin)]
    let caption: (text: String, origin: LineOrigin)?
    /// A caption written as a paragraph of its own, just above: it goes.
    let captionParagraph: MarkdownNode?
    let header: Row
    let alignments: [PipeTableRow.Alignment]
    let rows: [Row]

    static let captionPrefix = "Table:"

    init?(_ paragraph: MarkdownNode, in document: MarkdownDocument) {
        guard let found = document.bytes.withUnsafeBufferPointer({ Self.parts(of: paragraph, in: document, bytes: $0) }) else { return nil }
        (pre, header, alignments, rows) = (found.pre, found.header, found.alignments, found.rows)
        var caption = found.caption
        // A caption line inside the paragraph, or a table that does not start it: no caption
        // paragraph above.
        if caption != nil || header.line != paragraph.startLine {
            captionParagraph = nil
        } else if let previous = paragraph.previous, let above = Self.captionParagraph(previous, above: paragraph, in: document) {
            caption = above
            captionParagraph = previous
        } else {
            captionParagraph = nil
        }
        self.caption = caption
    }

    private typealias Parts = (pre: [(text: String, origin: LineOrigin)], caption: (text: String, origin: LineOrigin)?, header: Row,
                               alignments: [PipeTableRow.Alignment], rows: [Row])

    private static func parts(of paragraph: MarkdownNode, in document: MarkdownDocument, bytes: UnsafeBufferPointer<UInt8>) -> Parts? {
        let lines = Self.lines(of: paragraph, in: document)
        guard let (start, header, alignments) = Self.header(in: lines, bytes: bytes) else { return nil }
        func row(_ line: Line, cells: [PipeTableRow.Cell]) -> Row {
            Row(cells: cells, line: line.origin.line, shift: line.origin.shift, base: line.start)
        }
        let rows = lines[(start + 2)...].map { line in
            let text = UnsafeBufferPointer(rebasing: bytes[line.start..<line.end])
            return row(line, cells: PipeTableRow(text)?.cells ?? [Self.wholeLine(text)])
        }
        var preEnd = start
        var caption: (text: String, origin: LineOrigin)?
        if start > 0, let found = Self.caption(lines[start - 1], bytes: bytes) {
            caption = found
            preEnd = start - 1
        }
        let pre = lines[..<preEnd].map { (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0.origin) }
        return (pre, caption, row(lines[start], cells: header.cells), alignments, rows)
    }

    /// The paragraph's lines without their container prefix: on the first line everything
    /// before the paragraph's column, on later ones as much of it as is spaces and `>`.
    private static func lines(of paragraph: MarkdownNode, in document: MarkdownDocument) -> [Line] {
        let first = paragraph.startLine
        let last = min(paragraph.endLine, document.lineCount)
        guard first >= 1, first <= last else { return [] }
        let prefix = max(0, paragraph.startColumn - 1)
        return (first...last).map { number in
            let raw = document.line(number)
            let cut = number == first ? min(prefix, raw.count)
                : raw.prefix(prefix).prefix { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }.count
            return Line(start: raw.startIndex + cut, end: raw.endIndex, origin: LineOrigin(line: number, shift: cut))
        }
    }

    /// The first line that is a row followed by a delimiter row with as many cells, parsed.
    private static func header(in lines: [Line], bytes: UnsafeBufferPointer<UInt8>) -> (Int, PipeTableRow, [PipeTableRow.Alignment])? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            let delimiterText = UnsafeBufferPointer(rebasing: bytes[lines[index + 1].start..<lines[index + 1].end])
            guard delimiterText.contains(UInt8(ascii: "-")),
                  let header = PipeTableRow(UnsafeBufferPointer(rebasing: bytes[lines[index].start..<lines[index].end])),
                  let delimiter = PipeTableRow(delimiterText),
                  let alignments = delimiter.alignments(in: delimiterText), alignments.count == header.cells.count else { continue }
            return (index, header, alignments)
        }
        return nil
    }

    private static func caption(_ line: Line, bytes: UnsafeBufferPointer<UInt8>) -> (text: String, origin: LineOrigin)? {
        let text = bytes[line.start..<line.end]
        let indent = text.prefix { $0 == 32 || $0 == 9 }.count
        let content = text.dropFirst(indent)
        guard content.starts(with: captionPrefix.utf8) else { return nil }
        let afterPrefix = content.dropFirst(captionPrefix.utf8.count)
        let spaces = afterPrefix.prefix { $0 == 32 || $0 == 9 }.count
        let caption = String(decoding: afterPrefix.dropFirst(spaces), as: UTF8.self).trimmed
        guard !caption.isEmpty else { return nil }
        return (caption, LineOrigin(line: line.origin.line, shift: line.origin.shift + indent + captionPrefix.utf8.count + spaces))
    }

    /// A one-line paragraph `Table: …` ending at most one blank line above the table.
    private static func captionParagraph(_ previous: MarkdownNode, above paragraph: MarkdownNode,
                                         in document: MarkdownDocument) -> (text: String, origin: LineOrigin)? {
        guard previous.type == CMARK_NODE_PARAGRAPH, previous.startLine == previous.endLine,
              paragraph.startLine - previous.endLine <= 2, previous.startLine >= 1, previous.startLine <= document.lineCount else { return nil }
        let lines = lines(of: previous, in: document)
        guard lines.count == 1 else { return nil }
        return document.bytes.withUnsafeBufferPointer { caption(lines[0], bytes: $0) }
    }

    /// A body row without a pipe: one cell, the line trimmed as text is (`trimmed`), its
    /// backslashes kept.
    private static func wholeLine(_ text: UnsafeBufferPointer<UInt8>) -> PipeTableRow.Cell {
        let indent = text.prefix { $0 == 32 || $0 == 9 }.count
        let rest = UnsafeBufferPointer(rebasing: text[indent...])
        let trimmed = Array(String(decoding: rest, as: UTF8.self).trimmed.utf8)
        // Trimming takes only from the ends: the trimmed text is in `rest`, after the first
        // bytes it took.
        var lead = 0
        while lead + trimmed.count < rest.count, !UnsafeBufferPointer(rebasing: rest[lead...]).starts(with: trimmed) { lead += 1 }
        let start = indent + lead
        // The document's bytes are valid UTF-8 (they were a `String`), so the text was found.
        return PipeTableRow.Cell(start: start, end: start + trimmed.count, offset: indent, unescapesPipes: false)
    }
}
