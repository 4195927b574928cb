/// A table's cells: where each cell's inline nodes come from (a line of the table's fragment,
/// or its text as it stands), and each cell's opening tag.
extension TableSyntax {
    /// Where a cell's (or the caption's) inline nodes come from: its line of the table's
    /// fragment, or, for plain text, a text node made from it as it stands (bytes of the
    /// document, or a string when the text is not the source's: the caption, a cell with `\|`).
    enum CellSource {
        case line(Int)
        case bytes(Range<Int>)
        case string(String)
    }

    /// A cell's text with Markdown in it goes on a line of the fragment; plain text (or none)
    /// is taken as it stands (`plain`).
    static func source(_ text: UnsafeBufferPointer<UInt8>, plain: @autoclosure () -> CellSource, at origin: LineOrigin,
                               into fragment: inout FragmentText) -> CellSource {
        guard !text.isEmpty, !FragmentText.isPlainText(text) else { return plain() }
        let line = fragment.addInline(text, at: origin)
        fragment.gap()
        return .line(line)
    }

    /// Every cell's source, row by row in one array, the header's padded to its count and each
    /// row's cut to it (a row with more cells than the header is warned about here).
    struct Cells {
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

        static func source(_ cell: PipeTableRow.Cell, of row: TableLines.Row, bytes: UnsafeBufferPointer<UInt8>,
                                   fragment: inout FragmentText) -> CellSource {
            guard cell.unescapesPipes else {
                let range = (row.base + cell.start)..<(row.base + cell.end)
                return TableSyntax.source(UnsafeBufferPointer(rebasing: bytes[range]), plain: .bytes(range), at: row.origin(of: cell), into: &fragment)
            }
            let text = cell.text(in: row.text(in: bytes))
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
