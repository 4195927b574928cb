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
            let filler = Filler(bytes: bytes, parsed: parsed, blocks: parsed.map(Blocks.init), document: document)
            for line in preLines {
                guard let parsed, let block = filler.blocks?[line] else { continue }
                block.unlink()
                block.place(before: paragraph)
                document.adopt(block, from: parsed)
            }
            let region = container("<div class=\"table-region\"><table>", "</table></div>")
            region.place(before: paragraph)
            if let parsed { document.adopt(region, from: parsed) }
            var captionNode: MarkdownNode?
            if let caption {
                let node = inlineContainer("<caption>", "</caption>")
                filler.fill(node, from: caption)
                region.append(node)
                captionNode = node
            }
            appendRows(cells, alignments: table.alignments, to: region, filler: filler)
            let first = table.captionParagraph?.startLine ?? paragraph.startLine
            let lines = min(first, paragraph.startLine)...max(first, paragraph.endLine)
            paragraph.unlink()
            table.captionParagraph?.unlink()
            document.anchored.tables.append(.init(region: region, caption: captionNode, lines: lines))
        }
    }

    /// The head's row, then the body's rows (short ones padded with empty cells).
    private static func appendRows(_ cells: Cells, alignments: [PipeTableRow.Alignment], to region: MarkdownNode, filler: Filler) {
        let head = container("<thead>\n<tr>", "</tr>\n</thead>")
        for (column, source) in cells.header.enumerated() {
            let cell = inlineContainer(alignments[column].headerCell, "</th>")
            filler.fill(cell, from: source)
            head.append(cell)
        }
        region.append(head)
        guard !cells.rows.isEmpty else { return }
        let body = container("<tbody>", "</tbody>")
        for row in cells.rows {
            let tr = container("<tr>", "</tr>")
            for column in alignments.indices {
                let cell = column == 0 && row.startsWithRowHeader ? inlineContainer(alignments[0].rowHeaderCell, "</th>")
                    : inlineContainer(alignments[column].dataCell, "</td>")
                if column < row.count { filler.fill(cell, from: cells.sources[row.start + column]) }
                tr.append(cell)
            }
            body.append(tr)
        }
        region.append(body)
    }

    /// Puts a cell's inline nodes in: a text node made from its text, or the nodes of its line's
    /// paragraph in the table's fragment.
    private struct Filler {
        let bytes: UnsafeBufferPointer<UInt8>
        let parsed: MarkdownDocument?
        let blocks: Blocks?
        let document: MarkdownDocument

        func fill(_ cell: MarkdownNode, from source: CellSource) {
            switch source {
            case .bytes(let range) where range.isEmpty: break
            case .bytes(let range): cell.append(MarkdownNode.text(UnsafeBufferPointer(rebasing: bytes[range])))
            case .string(let text): cell.append(MarkdownNode.text(text))
            case .line(let line): fill(cell, from: blocks?[line])
            }
        }

        /// A cell takes the inline nodes of its line's paragraph; anything else there (an HTML
        /// block) is dropped with a warning.
        private func fill(_ cell: MarkdownNode, from block: MarkdownNode?) {
            guard let block, let parsed else { return }
            if block.type == CMARK_NODE_PARAGRAPH {
                cell.adoptChildren(of: block)
            } else {
                document.problems.append(.warning("raw HTML is dropped by the safe renderer: write it in Markdown",
                                                  at: parsed.location(of: block), code: "raw-html"))
            }
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
}
