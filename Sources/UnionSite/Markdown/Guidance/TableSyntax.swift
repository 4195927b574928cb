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
        func source(_ text: String, at origin: LineOrigin) -> CellSource {
            guard !text.isEmpty, !FragmentText.isPlainText(text) else { return .text(text) }
            let line = fragment.addInline(text, at: origin)
            fragment.gap()
            return .line(line)
        }
        let caption = table.caption.map { source($0.text, at: $0.origin) }
        let header = table.header.cells.map { source($0.text, at: table.header.origin(of: $0)) }
        var rows: [[(source: CellSource, isRowHeader: Bool)]] = []
        for row in table.rows {
            if row.cells.count > header.count {
                let first = row.cells[header.count]
                let extra = row.cells.count - header.count
                document.problems.append(.warning(
                    "this table row has \(row.cells.count) cells but the header has \(header.count): \(extra == 1 ? "the last cell is" : "the last \(extra) cells are") dropped (GFM drops them without a word)",
                    at: document.location(line: row.origin(of: first).line, column: row.origin(of: first).shift + 1), code: "table-cells"))
            }
            rows.append(row.cells.prefix(header.count).enumerated().map { index, cell in
                let (text, origin, isRowHeader) = index == 0 ? rowHeader(cell, at: row.origin(of: cell)) : (cell.text, row.origin(of: cell), false)
                return (source(text, at: origin), isRowHeader)
            })
        }
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
            case .text(let text) where text.isEmpty: break
            case .text(let text): cell.append(MarkdownNode.text(text))
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
        let head = container("<thead>\n<tr>", "</tr>\n</thead>")
        // Each column's opening tags, made once per table rather than once per cell (a row
        // header is in the first column).
        let classes = table.alignments.map(\.classAttribute)
        let dataCells = classes.map { "<td\($0)>" }
        let rowHeaderCell = "<th scope=\"row\"\(classes.first ?? "")>"
        for (index, source) in header.enumerated() {
            let cell = inlineContainer("<th scope=\"col\"\(classes[index])>", "</th>")
            fill(cell, from: source)
            head.append(cell)
        }
        region.append(head)
        if !rows.isEmpty {
            let body = container("<tbody>", "</tbody>")
            for row in rows {
                let tr = container("<tr>", "</tr>")
                for column in header.indices {
                    guard column < row.count else {
                        tr.append(inlineContainer(dataCells[column], "</td>"))
                        continue
                    }
                    let (source, isRowHeader) = row[column]
                    let cell = isRowHeader ? inlineContainer(rowHeaderCell, "</th>") : inlineContainer(dataCells[column], "</td>")
                    fill(cell, from: source)
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

    /// Where a cell's (or the caption's) inline nodes come from: its line of the table's
    /// fragment, or, for plain text, a text node made from it as it stands (`text`).
    private enum CellSource {
        case line(Int)
        case text(String)
    }

    /// A first-column cell starting `# ` is a row header: its text without the marker, and the
    /// origin moved past it.
    private static func rowHeader(_ cell: PipeTableRow.Cell, at origin: LineOrigin) -> (String, LineOrigin, Bool) {
        let text = cell.text
        guard text.utf8.starts(with: "# ".utf8) else { return (text, origin, false) }
        // `#` and space are ASCII: counting bytes counts characters.
        let marker = text.utf8.prefix { $0 == 35 || $0 == 32 }.count
        return (String(decoding: text.utf8.dropFirst(marker), as: UTF8.self), LineOrigin(line: origin.line, shift: origin.shift + marker), true)
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
    /// Right-aligned columns hold numbers (right-aligned, tabular figures); no `align`.
    var classAttribute: String {
        switch self {
        case .right: " class=\"numeric\""
        case .centre: " class=\"centre\""
        case .left, .none: ""
        }
    }
}
