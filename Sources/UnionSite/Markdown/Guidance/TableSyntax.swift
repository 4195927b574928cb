import Ccmark

/// GFM pipe tables, found in cmark's paragraphs by their source lines: a header row, a
/// delimiter row (`:---`, `:---:`, `---:`) with as many cells, then body rows to the end of
/// the paragraph. A line `Table: …` directly above is the caption; a first-column cell
/// starting `# ` is a row header.
///
/// Each cell's Markdown is parsed on its own line of one fragment per table (so `*a | b*`
/// cannot run across cells), and its inline nodes move into the cell.
enum TableSyntax {
    static func apply(to document: MarkdownDocument) {
        guard document.bytes.contains(UInt8(ascii: "|")) else { return }
        var paragraphs: [MarkdownNode] = []
        document.walk { event in
            if event.entering, event.node.type == CMARK_NODE_PARAGRAPH { paragraphs.append(event.node) }
        }
        for paragraph in paragraphs where paragraph.endLine > paragraph.startLine && document.linesContain(UInt8(ascii: "|"), paragraph) {
            if let table = TableLines(paragraph, in: document) { build(table, replacing: paragraph, in: document) }
        }
    }

    private static func build(_ table: TableLines, replacing paragraph: MarkdownNode, in document: MarkdownDocument) {
        var fragment = FragmentText()
        let preLines = table.pre.map { fragment.add($0.text, at: $0.origin) }
        fragment.gap()
        let captionLine = table.caption.map { caption in
            let line = fragment.addInline(caption.text, at: caption.origin)
            fragment.gap()
            return line
        }
        let header = table.header.cells.map { cell -> Int in
            let line = fragment.addInline(cell.text, at: table.header.origin(of: cell))
            fragment.gap()
            return line
        }
        var rows: [[(line: Int, isRowHeader: Bool)]] = []
        for row in table.rows {
            if row.cells.count > header.count {
                let first = row.cells[header.count]
                let extra = row.cells.count - header.count
                document.problems.append(.warning(
                    "this table row has \(row.cells.count) cells but the header has \(header.count): \(extra == 1 ? "the last cell is" : "the last \(extra) cells are") dropped (GFM drops them without a word)",
                    at: document.location(line: row.origin(of: first).line, column: row.origin(of: first).shift + 1), code: "table-cells"))
            }
            rows.append(row.cells.prefix(header.count).enumerated().map { index, cell in
                let isRowHeader = index == 0 && cell.text.hasPrefix("# ")
                var text = cell.text
                var origin = row.origin(of: cell)
                if isRowHeader {
                    let marker = text.prefix { $0 == "#" || $0 == " " }.utf8.count
                    text = String(text.dropFirst(text.prefix { $0 == "#" || $0 == " " }.count))
                    origin = LineOrigin(line: origin.line, shift: origin.shift + marker)
                }
                let line = fragment.addInline(text, at: origin)
                fragment.gap()
                return (line, isRowHeader)
            })
        }
        let parsed = MarkdownDocument(fragment: fragment.text, lines: fragment.origins, parent: document)
        let blocks = Dictionary(MarkdownNode(parsed.root).children.map { ($0.startLine, $0) }, uniquingKeysWith: { first, _ in first })

        for line in preLines {
            guard let block = blocks[line] else { continue }
            block.unlink()
            block.place(before: paragraph)
            document.adopt(block, from: parsed)
        }
        let region = container("<div class=\"table-region\"><table>", "</table></div>")
        region.place(before: paragraph)
        document.adopt(region, from: parsed)
        var captionNode: MarkdownNode?
        if let captionLine {
            let caption = inlineContainer("<caption>", "</caption>")
            fill(caption, from: blocks[captionLine], in: parsed, document: document)
            region.append(caption)
            captionNode = caption
        }
        let head = container("<thead>\n<tr>", "</tr>\n</thead>")
        for (index, line) in header.enumerated() {
            let cell = inlineContainer("<th scope=\"col\"\(table.alignments[index].classAttribute)>", "</th>")
            fill(cell, from: blocks[line], in: parsed, document: document)
            head.append(cell)
        }
        region.append(head)
        if !rows.isEmpty {
            let body = container("<tbody>", "</tbody>")
            for row in rows {
                let tr = container("<tr>", "</tr>")
                for column in header.indices {
                    let alignment = table.alignments[column].classAttribute
                    guard column < row.count else {
                        tr.append(inlineContainer("<td\(alignment)>", "</td>"))
                        continue
                    }
                    let (line, isRowHeader) = row[column]
                    let cell = isRowHeader ? inlineContainer("<th scope=\"row\"\(alignment)>", "</th>") : inlineContainer("<td\(alignment)>", "</td>")
                    fill(cell, from: blocks[line], in: parsed, document: document)
                    tr.append(cell)
                }
                body.append(tr)
            }
            region.append(body)
        }
        paragraph.unlink()
        table.captionParagraph?.unlink()
        document.anchored.tables.append(.init(region: region, caption: captionNode))
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
    private static func fill(_ cell: MarkdownNode, from block: MarkdownNode?, in parsed: MarkdownDocument, document: MarkdownDocument) {
        guard let block else { return }
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

/// The text of one fragment, line by line, with where each line came from.
struct FragmentText {
    private(set) var lines: [String] = []
    private(set) var origins: [LineOrigin] = []

    var text: String { lines.joined(separator: "\n") }

    /// Adds a line as it is; returns its 1-based number.
    mutating func add(_ line: String, at origin: LineOrigin) -> Int {
        lines.append(line)
        origins.append(origin)
        return lines.count
    }

    /// Adds a cell's text so that it can only be a paragraph: a start that would open a block
    /// (`# `, `> `, `- `, `1. `, a fence or rule, a reference definition) is escaped.
    mutating func addInline(_ text: String, at origin: LineOrigin) -> Int {
        if Self.opensBlock(text) { return add("\\" + text, at: LineOrigin(line: origin.line, shift: origin.shift - 1)) }
        if let digits = Self.orderedListDigits(text) {
            return add(String(text.prefix(digits)) + "\\" + text.dropFirst(digits), at: origin)
        }
        return add(text, at: origin)
    }

    /// A blank line between two parts, so each is its own paragraph.
    mutating func gap() {
        lines.append("")
        origins.append(origins.last ?? LineOrigin(line: 1, shift: 0))
    }

    private static func opensBlock(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        let second = text.dropFirst().first
        switch first {
        case ">": return true
        case "#": return text.prefix { $0 == "#" }.count <= 6 && (text.drop { $0 == "#" }.first.map { $0 == " " || $0 == "\t" } ?? true)
        case "-", "+", "*", "_":
            let isRule = text.filter { $0 != " " && $0 != "\t" }.allSatisfy { $0 == first } && text.filter { $0 == first }.count >= 3
            return isRule || (first != "_" && (second == nil || second == " " || second == "\t"))
        case "`", "~": return text.hasPrefix(String(repeating: first, count: 3))
        case "[": return text.range(of: "]:") != nil && !text.contains("](")
        default: return false
        }
    }

    /// `12.` or `3)` followed by a space or the end: the digits' count, where the escape goes.
    private static func orderedListDigits(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }.count
        guard digits > 0, digits <= 9 else { return nil }
        let rest = text.dropFirst(digits)
        guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
        let after = rest.dropFirst().first
        return after == nil || after == " " || after == "\t" ? digits : nil
    }
}
