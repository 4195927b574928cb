import Ccmark

/// GFM pipe tables, found in cmark's paragraphs by their source lines: a header row, a
/// delimiter row (`:---`, `:---:`, `---:`) with as many cells, then body rows to the end of
/// the paragraph. A line `Table: …` directly above is the caption; a first-column cell
/// starting `# ` is a row header.
///
/// Each cell's Markdown is parsed on its own line of one fragment per table (so `*a | b*`
/// cannot run across cells), and its inline nodes move into the cell.
enum TableSyntax {
    /// - Parameter paragraphs: the document's paragraphs, in order (`GuidanceSyntax` gathers
    ///   them in the walk that also finds alerts).
    /// - Returns: whether lines above a table were parsed again as blocks of their own (which
    ///   a walk made before this one has not seen).
    @discardableResult
    static func apply(_ paragraphs: [MarkdownNode], in document: MarkdownDocument) -> Bool {
        var movedBlocks = false
        for paragraph in paragraphs where paragraph.endLine > paragraph.startLine && document.linesContain(UInt8(ascii: "|"), paragraph) {
            guard let table = TableLines(paragraph, in: document) else { continue }
            movedBlocks = movedBlocks || !table.pre.isEmpty
            build(table, replacing: paragraph, in: document)
        }
        return movedBlocks
    }

    private static func build(_ table: TableLines, replacing paragraph: MarkdownNode, in document: MarkdownDocument) {
        var fragment = FragmentText()
        let preLines = table.pre.map { fragment.add($0.text.utf8, at: $0.origin) }
        fragment.gap()
        var caption: CellSource?
        if let (text, origin) = table.caption {
            var utf8 = text
            caption = utf8.withUTF8 { source($0, plain: .string(text), at: origin, into: &fragment) }
        }
        document.bytes.withUnsafeBufferPointer { bytes in
            let cells = Cells(table, bytes: bytes, fragment: &fragment, document: document)
            // Only lines above the table and cells with Markdown in them need a parse.
            let parsed = fragment.origins.count > 1 ? MarkdownDocument(fragment: fragment.bytes, lines: fragment.origins, parent: document) : nil
            let blocks = parsed.map(Blocks.init)
            for line in preLines {
                guard let parsed, let block = blocks?[line] else { continue }
                block.unlink()
                block.place(before: paragraph)
                document.adopt(block, from: parsed)
            }
            let region = container("<div class=\"table-region\"><table>", "</table></div>")
            region.place(before: paragraph)
            if let parsed { document.adopt(region, from: parsed) }
            func fill(_ cell: MarkdownNode, from source: CellSource) {
                switch source {
                case .bytes(let range) where range.isEmpty: break
                case .bytes(let range): cell.append(MarkdownNode.text(UnsafeBufferPointer(rebasing: bytes[range])))
                case .string(let text): cell.append(MarkdownNode.text(text))
                case .line(let line): Self.fill(cell, from: blocks?[line], in: parsed, document: document)
                }
            }
            var captionNode: MarkdownNode?
            if let caption {
                let node = inlineContainer("<caption>", "</caption>")
                fill(node, from: caption)
                region.append(node)
                captionNode = node
            }
            let alignments = table.alignments
            let head = container("<thead>\n<tr>", "</tr>\n</thead>")
            for (column, source) in cells.header.enumerated() {
                let cell = inlineContainer(alignments[column].headerCell, "</th>")
                fill(cell, from: source)
                head.append(cell)
            }
            region.append(head)
            if !cells.rows.isEmpty {
                let body = container("<tbody>", "</tbody>")
                for row in cells.rows {
                    let tr = container("<tr>", "</tr>")
                    for column in alignments.indices {
                        let source = column < row.count ? cells.sources[row.start + column] : nil
                        let cell = column == 0 && row.startsWithRowHeader ? inlineContainer(alignments[0].rowHeaderCell, "</th>")
                            : inlineContainer(alignments[column].dataCell, "</td>")
                        if let source { fill(cell, from: source) }
                        tr.append(cell)
                    }
                    body.append(tr)
                }
                region.append(body)
            }
            let first = table.captionParagraph?.startLine ?? paragraph.startLine
            let lines = min(first, paragraph.startLine)...max(first, paragraph.endLine)
            paragraph.unlink()
            table.captionParagraph?.unlink()
            document.anchored.tables.append(.init(region: region, caption: captionNode, lines: lines))
        }
    }

    /// Where a cell's (or the caption's) inline nodes come from: its line of the table's
    /// fragment, or, for plain text, a text node made from it as it stands (bytes of the
    /// document, or a string when the text is not the source's: the caption, a cell with `\|`).
    private enum CellSource {
        case line(Int)
        case bytes(Range<Int>)
        case string(String)
    }

    /// A cell's text with Markdown in it goes on a line of the fragment; plain text (or none)
    /// is taken as it stands (`plain`).
    private static func source(_ text: UnsafeBufferPointer<UInt8>, plain: @autoclosure () -> CellSource, at origin: LineOrigin,
                               into fragment: inout FragmentText) -> CellSource {
        guard !text.isEmpty, !FragmentText.isPlainText(text) else { return plain() }
        let line = fragment.addInline(text, at: origin)
        fragment.gap()
        return .line(line)
    }

    /// Every cell's source, row by row in one array, the header's padded to its count and each
    /// row's cut to it (a row with more cells than the header is warned about here).
    private struct Cells {
        struct Row {
            /// Where the row's sources start in `sources`, and how many it has (short rows are
            /// padded with empty cells when the nodes are made).
            let start: Int
            let count: Int
            let startsWithRowHeader: Bool
        }

        var header: [CellSource] = []
        var sources: [CellSource] = []
        var rows: [Row] = []

        init(_ table: TableLines, bytes: UnsafeBufferPointer<UInt8>, fragment: inout FragmentText, document: MarkdownDocument) {
            header = table.header.cells.map { Self.source($0, of: table.header, bytes: bytes, fragment: &fragment) }
            let columns = header.count
            rows.reserveCapacity(table.rows.count)
            sources.reserveCapacity(table.rows.count * columns)
            for row in table.rows {
                if row.cells.count > columns {
                    let first = row.cells[columns]
                    let extra = row.cells.count - columns
                    document.problems.append(.warning(
                        "this table row has \(row.cells.count) cells but the header has \(columns): \(extra == 1 ? "the last cell is" : "the last \(extra) cells are") dropped (GFM drops them without a word)",
                        at: document.location(line: row.origin(of: first).line, column: row.origin(of: first).shift + 1), code: "table-cells"))
                }
                let start = sources.count
                var startsWithRowHeader = false
                for (index, cell) in row.cells.prefix(columns).enumerated() {
                    var cell = cell
                    if index == 0 { startsWithRowHeader = Self.takeRowHeaderMarker(&cell, in: row.text(in: bytes)) }
                    sources.append(Self.source(cell, of: row, bytes: bytes, fragment: &fragment))
                }
                rows.append(Row(start: start, count: sources.count - start, startsWithRowHeader: startsWithRowHeader))
            }
        }

        private static func source(_ cell: PipeTableRow.Cell, of row: TableLines.Row, bytes: UnsafeBufferPointer<UInt8>,
                                   fragment: inout FragmentText) -> CellSource {
            let line = row.text(in: bytes)
            guard cell.unescapesPipes else {
                let range = (row.base + cell.start)..<(row.base + cell.end)
                return TableSyntax.source(UnsafeBufferPointer(rebasing: bytes[range]), plain: .bytes(range), at: row.origin(of: cell), into: &fragment)
            }
            let text = cell.text(in: line)
            return text.withUnsafeBufferPointer {
                TableSyntax.source($0, plain: .string(String(decoding: text, as: UTF8.self)), at: row.origin(of: cell), into: &fragment)
            }
        }

        /// A first-column cell starting `# ` is a row header: the cell then starts past the
        /// marker (its `#`s and spaces).
        private static func takeRowHeaderMarker(_ cell: inout PipeTableRow.Cell, in line: UnsafeBufferPointer<UInt8>) -> Bool {
            let text = UnsafeBufferPointer(rebasing: line[cell.start..<cell.end])
            guard text.count >= 2, text[0] == UInt8(ascii: "#"), text[1] == 32 else { return false }
            let marker = text.prefix { $0 == 35 || $0 == 32 }.count
            cell.start += marker
            cell.offset += marker
            return true
        }
    }

    /// The fragment's top-level blocks by their first line (the first block on a line wins):
    /// one entry per block, not per line (a table of lines cost a search for every line break).
    private struct Blocks {
        /// First lines ascend, in document order.
        private var lines: [Int] = []
        private var nodes: [MarkdownNode] = []

        init(_ parsed: MarkdownDocument) {
            var child = MarkdownNode(parsed.root).firstChild
            while let block = child {
                let line = block.startLine
                if line >= 0, line > (lines.last ?? -1) {
                    lines.append(line)
                    nodes.append(block)
                }
                child = block.next
            }
        }

        subscript(line: Int) -> MarkdownNode? {
            let index = lines.partitionPoint { $0 < line }
            return index < lines.count && lines[index] == line ? nodes[index] : nil
        }
    }

    private static func container(_ enter: String, _ exit: String) -> MarkdownNode {
        MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: enter, exit: exit, role: .container)
    }

    /// Cells and captions hold inline nodes: inline custom nodes, written on one line.
    private static func inlineContainer(_ enter: String, _ exit: String) -> MarkdownNode {
        MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: enter, exit: exit, role: .container)
    }

    /// A cell takes the inline nodes of its line's paragraph; anything else there (an HTML
    /// block) is dropped with a warning.
    private static func fill(_ cell: MarkdownNode, from block: MarkdownNode?, in parsed: MarkdownDocument?, document: MarkdownDocument) {
        guard let block, let parsed else { return }
        if block.type == CMARK_NODE_PARAGRAPH {
            cell.adoptChildren(of: block)
        } else {
            document.problems.append(.warning("raw HTML is dropped by the safe renderer: write it in Markdown",
                                              at: parsed.location(of: block), code: "raw-html"))
        }
    }
}

extension PipeTableRow.Alignment {
    // A cell's opening tag for each alignment, written out rather than made per cell.
    // Right-aligned columns hold numbers (right-aligned, tabular figures); no `align`.

    var dataCell: String {
        switch self {
        case .right: "<td class=\"numeric\">"
        case .centre: "<td class=\"centre\">"
        case .left, .none: "<td>"
        }
    }

    var headerCell: String {
        switch self {
        case .right: "<th scope=\"col\" class=\"numeric\">"
        case .centre: "<th scope=\"col\" class=\"centre\">"
        case .left, .none: "<th scope=\"col\">"
        }
    }

    var rowHeaderCell: String {
        switch self {
        case .right: "<th scope=\"row\" class=\"numeric\">"
        case .centre: "<th scope=\"row\" class=\"centre\">"
        case .left, .none: "<th scope=\"row\">"
        }
    }
}
