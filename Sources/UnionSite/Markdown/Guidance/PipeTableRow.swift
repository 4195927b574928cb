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
        var bounds: [Int] = []
        bounds.reserveCapacity(8)
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if line[index] == UInt8(ascii: "|") { bounds.append(index) }
            index += 1
        }
        guard !bounds.isEmpty else { return nil }
        var segments: [Range<Int>] = []
        var start = line.startIndex
        for bound in bounds {
            segments.append(start..<bound)
            start = bound + 1
        }
        segments.append(start..<line.endIndex)
        if let first = segments.first, Self.isBlank(line[first]) { segments.removeFirst() }
        if let last = segments.last, Self.isBlank(line[last]) { segments.removeLast() }
        guard !segments.isEmpty else { return nil }
        cells = segments.map { Self.cell(line[$0], lineStart: line.startIndex) }
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

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    private static func cell(_ bytes: ArraySlice<UInt8>, lineStart: Int) -> Cell {
        let trimmedStart = bytes.firstIndex { $0 != 32 && $0 != 9 } ?? bytes.endIndex
        var end = bytes.endIndex
        while end > trimmedStart, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 13 { end -= 1 }
        let content = bytes[trimmedStart..<end]
        let offset = trimmedStart - lineStart
        // Most cells have no backslash: their bytes are the text.
        guard content.contains(UInt8(ascii: "\\")) else { return Cell(text: String(decoding: content, as: UTF8.self), offset: offset) }
        var text: [UInt8] = []
        var index = trimmedStart
        while index < end {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "|") {
                index += 1
                continue
            }
            text.append(bytes[index])
            index += 1
        }
        return Cell(text: String(decoding: text, as: UTF8.self), offset: offset)
    }
}
