/// One line of a GFM pipe table, split into cells.
///
/// Cells are split at every `|` but an escaped one; `\|` becomes `|` before the cell's own
/// Markdown is read, also inside code spans (as GFM does). Leading and trailing pipes are
/// optional. A cell is a range of its line's bytes, not a `String`: most cells are read once,
/// as bytes (a string per cell was a tenth of the cost of a table).
struct PipeTableRow: Equatable {
    struct Cell: Equatable {
        /// The cell's Markdown, trimmed: bytes `start..<end` of its line.
        var start: Int
        var end: Int
        /// Where the cell starts in its line, as positions count it.
        var offset: Int
        /// Whether `\|` in the bytes becomes `|` (`text(in:)`).
        var unescapesPipes: Bool

        var isEmpty: Bool { start == end }

        /// The cell's Markdown: its bytes, `\|` made `|`.
        func text(in line: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            let content = UnsafeBufferPointer(rebasing: line[start..<end])
            guard unescapesPipes else { return Array(content) }
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
            return text
        }
    }

    enum Alignment: Equatable { case none, left, centre, right }

    var cells: [Cell]

    /// Nil when the line has no unescaped pipe: then it is no table row.
    init?(_ line: UnsafeBufferPointer<UInt8>) {
        guard let cells = Self.cells(in: line) else { return nil }
        self.cells = cells
    }

    /// One pass over the line's bytes (offsets from its start), each segment between unescaped
    /// pipes made a cell as it ends.
    private static func cells(in line: UnsafeBufferPointer<UInt8>) -> [Cell]? {
        var cells: [Cell] = []
        var start = 0
        var index = 0
        var pipes = 0
        var backslash = false
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "\\"):
                backslash = true
                index += 2
                continue
            case UInt8(ascii: "|"):
                // A blank segment before the first pipe is the optional leading pipe's.
                if pipes > 0 || !isBlank(line, start..<index) { cells.append(cell(line, start..<index, backslash: backslash)) }
                pipes += 1
                start = index + 1
                backslash = false
            default:
                break
            }
            index += 1
        }
        guard pipes > 0 else { return nil }
        // And a blank one after the last, the optional trailing pipe's.
        if !isBlank(line, start..<line.count) { cells.append(cell(line, start..<line.count, backslash: backslash)) }
        return cells.isEmpty ? nil : cells
    }

    /// The delimiter row's alignments (`:---`, `:---:`, `---:`), or nil when this is not one.
    /// A cell with any other byte than `:` and `-` is no delimiter (an escape can make neither).
    func alignments(in line: UnsafeBufferPointer<UInt8>) -> [Alignment]? {
        var result: [Alignment] = []
        result.reserveCapacity(cells.count)
        for cell in cells {
            var first = cell.start, last = cell.end
            let left = first < last && line[first] == UInt8(ascii: ":")
            if left { first += 1 }
            let right = last - cell.start > 1 && line[last - 1] == UInt8(ascii: ":")
            if right { last -= 1 }
            guard first < last, UnsafeBufferPointer(rebasing: line[first..<last]).allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .centre : right ? .right : left ? .left : .none)
        }
        return result.isEmpty ? nil : result
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        UnsafeBufferPointer(rebasing: line[range]).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// A segment's cell, trimmed of spaces and tabs (and a CR at its end).
    private static func cell(_ line: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>, backslash: Bool) -> Cell {
        var start = segment.lowerBound, end = segment.upperBound
        while start < end, line[start] == 32 || line[start] == 9 { start += 1 }
        while end > start, line[end - 1] == 32 || line[end - 1] == 9 || line[end - 1] == 13 { end -= 1 }
        return Cell(start: start, end: end, offset: start, unescapesPipes: backslash)
    }
}
