/// One line of a GFM pipe table, split into cells.
///
/// Cells are split at every `|` but an escaped one; `\|` becomes `|` before the cell's own
/// Markdown is read, also inside code spans (as GFM does). Leading and trailing pipes are
/// optional.
struct PipeTableRow: Equatable {
    struct Cell: Equatable {
        /// The cell's Markdown, trimmed, with `\|` turned into `|`.
        var text: String
        /// Bytes from the start of the line to the cell's first character.
        var offset: Int
    }

    enum Alignment: Equatable { case none, left, centre, right }

    var cells: [Cell]

    /// Nil when the line has no unescaped pipe: then it is no table row.
    init?(_ line: ArraySlice<UInt8>) {
        guard let cells = line.withUnsafeBufferPointer(Self.cells) else { return nil }
        self.cells = cells
    }

    /// One pass over the line's bytes (offsets from its start), each segment between unescaped
    /// pipes made a cell as it ends. Read through a buffer pointer: indexing the slice retained
    /// and checked it at every byte, and arrays of pipes and segments first cost two
    /// allocations a row.
    private static func cells(in line: UnsafeBufferPointer<UInt8>) -> [Cell]? {
        var cells: [Cell] = []
        var start = 0
        var index = 0
        var pipes = 0
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "|"):
                // A blank segment before the first pipe is the optional leading pipe's.
                let segment = UnsafeBufferPointer(rebasing: line[start..<index])
                if pipes > 0 || !isBlank(segment) { cells.append(cell(segment, at: start)) }
                pipes += 1
                start = index + 1
            default:
                break
            }
            index += 1
        }
        guard pipes > 0 else { return nil }
        // And a blank one after the last, the optional trailing pipe's.
        let last = UnsafeBufferPointer(rebasing: line[start...])
        if !isBlank(last) { cells.append(cell(last, at: start)) }
        return cells.isEmpty ? nil : cells
    }

    /// The delimiter row's alignments (`:---`, `:---:`, `---:`), or nil when this is not one.
    /// Read as bytes: a cell with any other byte than `:` and `-` is no delimiter either way.
    var alignments: [Alignment]? {
        var result: [Alignment] = []
        for cell in cells {
            let text = cell.text.utf8
            let left = text.first == UInt8(ascii: ":")
            let right = text.last == UInt8(ascii: ":") && text.count > 1
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .centre : right ? .right : left ? .left : .none)
        }
        return result.isEmpty ? nil : result
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// A segment's cell: trimmed, `\|` made `|`; `offset` is where the segment starts in its line.
    private static func cell(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Cell {
        let trimmedStart = bytes.firstIndex { $0 != 32 && $0 != 9 } ?? bytes.count
        var end = bytes.count
        while end > trimmedStart, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 13 { end -= 1 }
        let content = UnsafeBufferPointer(rebasing: bytes[trimmedStart..<end])
        // Most cells have no backslash: their bytes are the text.
        guard content.contains(UInt8(ascii: "\\")) else { return Cell(text: String(decoding: content, as: UTF8.self), offset: offset + trimmedStart) }
        var text: [UInt8] = []
        text.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            if content[index] == UInt8(ascii: "\\"), index + 1 < content.count, content[index + 1] == UInt8(ascii: "|") {
                index += 1
                continue
            }
            text.append(content[index])
            index += 1
        }
        return Cell(text: String(decoding: text, as: UTF8.self), offset: offset + trimmedStart)
    }
}
