import Ccmark

/// The source lines of a paragraph that holds a pipe table, taken apart: lines before the
/// table (still a paragraph), the caption, the header, the alignments and the body rows.
struct TableLines {
    struct Row {
        let cells: [PipeTableRow.Cell]
        let line: Int
        /// Bytes cut from the start of the line (container markers such as `> `).
        let shift: Int

        func origin(of cell: PipeTableRow.Cell) -> LineOrigin { LineOrigin(line: line, shift: shift + cell.offset) }
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
        let lines = Self.lines(of: paragraph, in: document)
        guard let (start, header, alignments) = Self.header(in: lines) else { return nil }
        self.header = Row(cells: header.cells, line: lines[start].origin.line, shift: lines[start].origin.shift)
        self.alignments = alignments
        rows = lines[(start + 2)...].map { line in
            let cells = PipeTableRow(line.text)?.cells ?? [Self.wholeLine(line.text)]
            return Row(cells: cells, line: line.origin.line, shift: line.origin.shift)
        }
        var preEnd = start
        if start > 0, let caption = Self.caption(lines[start - 1]) {
            self.caption = caption
            preEnd = start - 1
            captionParagraph = nil
        } else if start == 0, let previous = paragraph.previous, let caption = Self.captionParagraph(previous, above: paragraph, in: document) {
            self.caption = caption
            captionParagraph = previous
        } else {
            caption = nil
            captionParagraph = nil
        }
        pre = lines[..<preEnd].map { (String(decoding: $0.text, as: UTF8.self), $0.origin) }
    }

    /// The paragraph's lines without their container prefix: on the first line everything
    /// before the paragraph's column, on later ones as much of it as is spaces and `>`.
    private static func lines(of paragraph: MarkdownNode, in document: MarkdownDocument) -> [(text: ArraySlice<UInt8>, origin: LineOrigin)] {
        let first = paragraph.startLine
        let last = min(paragraph.endLine, document.lineCount)
        guard first >= 1, first <= last else { return [] }
        let prefix = max(0, paragraph.startColumn - 1)
        return (first...last).map { number in
            let raw = document.line(number)
            let cut = number == first ? min(prefix, raw.count)
                : raw.prefix(prefix).prefix { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }.count
            return (raw.dropFirst(cut), LineOrigin(line: number, shift: cut))
        }
    }

    /// The first line that is a row followed by a delimiter row with as many cells, parsed.
    private static func header(in lines: [(text: ArraySlice<UInt8>, origin: LineOrigin)]) -> (Int, PipeTableRow, [PipeTableRow.Alignment])? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) where lines[index + 1].text.contains(UInt8(ascii: "-")) {
            guard let header = PipeTableRow(lines[index].text), let delimiter = PipeTableRow(lines[index + 1].text),
                  let alignments = delimiter.alignments, alignments.count == header.cells.count else { continue }
            return (index, header, alignments)
        }
        return nil
    }

    private static func caption(_ line: (text: ArraySlice<UInt8>, origin: LineOrigin)) -> (text: String, origin: LineOrigin)? {
        let indent = line.text.prefix { $0 == 32 || $0 == 9 }.count
        let content = line.text.dropFirst(indent)
        guard content.starts(with: Array(captionPrefix.utf8)) else { return nil }
        let afterPrefix = content.dropFirst(captionPrefix.utf8.count)
        let spaces = afterPrefix.prefix { $0 == 32 || $0 == 9 }.count
        let text = String(decoding: afterPrefix.dropFirst(spaces), as: UTF8.self).trimmed
        guard !text.isEmpty else { return nil }
        return (text, LineOrigin(line: line.origin.line, shift: line.origin.shift + indent + captionPrefix.utf8.count + spaces))
    }

    /// A one-line paragraph `Table: …` ending at most one blank line above the table.
    private static func captionParagraph(_ previous: MarkdownNode, above paragraph: MarkdownNode,
                                         in document: MarkdownDocument) -> (text: String, origin: LineOrigin)? {
        guard previous.type == CMARK_NODE_PARAGRAPH, previous.startLine == previous.endLine,
              paragraph.startLine - previous.endLine <= 2, previous.startLine >= 1, previous.startLine <= document.lineCount else { return nil }
        let lines = lines(of: previous, in: document)
        return lines.count == 1 ? caption(lines[0]) : nil
    }

    private static func wholeLine(_ text: ArraySlice<UInt8>) -> PipeTableRow.Cell {
        let indent = text.prefix { $0 == 32 || $0 == 9 }.count
        return PipeTableRow.Cell(text: String(decoding: text.dropFirst(indent), as: UTF8.self).trimmed, offset: indent)
    }
}
