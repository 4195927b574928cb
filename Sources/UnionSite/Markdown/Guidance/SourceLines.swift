import Foundation

/// Reading a body's raw lines, for the syntax cmark does not know: by the time cmark hands over
/// a paragraph, smart punctuation and escapes have changed its text (`|---|` is dashes, `\|` has
/// lost its backslash), so tables and definitions are recognised from the source.
enum SourceLines {
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, needle) }
    }

    static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// Whether `bytes` holds `byte`, with memchr: the byte-by-byte `contains` ran over every
    /// body several times a build.
    static func contains(_ bytes: [UInt8], byte: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { ByteSearch.contains(byte, in: $0) }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        ByteSearch.contains(Array(needle.utf8), in: bytes)
    }

    /// The lines of a text, without their line feeds (a CR before one is kept), found once as
    /// ranges: a line is made a slice only when it is read (an array of every line as a slice
    /// retained the text once per line).
    struct Lines {
        let bytes: [UInt8]
        private(set) var ranges: [Range<Int>] = []

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            ranges.reserveCapacity(bytes.count / 40 + 1)
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                while start <= buffer.count {
                    let rest = buffer.count - start
                    let end = rest > 0 ? memchr(buffer.baseAddress! + start, 10, rest).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer.baseAddress!) } : nil
                    ranges.append(start..<(end ?? buffer.count))
                    guard let end else { break }
                    start = end + 1
                }
            }
        }

        var count: Int { ranges.count }

        /// The index of the line holding byte `offset` (a binary search of the ranges).
        func index(containing offset: Int) -> Int {
            max(0, ranges.partitionPoint { $0.lowerBound <= offset } - 1)
        }

        subscript(index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

        /// The line's first byte that passes `test`, without making a slice.
        func firstByte(_ index: Int, where test: (UInt8) -> Bool) -> UInt8? {
            bytes.withUnsafeBufferPointer { buffer in
                UnsafeBufferPointer(rebasing: buffer[ranges[index]]).first(where: test)
            }
        }
    }

    /// Takes the content of the lines in `blanked` (ascending indices into `ranges`, the
    /// lines of `bytes`) out of `bytes`, keeping their line feeds so every line keeps its
    /// number; returns where each line starts afterwards.
    ///
    /// Moves the runs between blanked lines down in place: a copy of the body (joined line by
    /// line at first, then run by run) was 3 % and then 1 % of a build of footnoted bodies.
    static func blank(_ blanked: [Int], of ranges: [Range<Int>], in bytes: inout [UInt8]) -> [Int] {
        var starts = ranges.map(\.lowerBound)
        guard !blanked.isEmpty else { return starts }
        var removed = 0
        var next = 0
        for line in ranges.indices {
            starts[line] -= removed
            if next < blanked.count, blanked[next] == line {
                removed += ranges[line].count
                next += 1
            }
        }
        bytes.withUnsafeMutableBufferPointer { buffer in
            // A blanked line is a line of these bytes, so there are some.
            guard let base = buffer.baseAddress else { return }
            var write = ranges[blanked[0]].lowerBound
            for (position, line) in blanked.enumerated() {
                let read = ranges[line].upperBound
                let end = position + 1 < blanked.count ? ranges[blanked[position + 1]].lowerBound : buffer.count
                memmove(base + write, base + read, end - read)
                write += end - read
            }
        }
        bytes.removeLast(removed)
        return starts
    }

    /// Without ASCII spaces, tabs and line breaks at either end.
    static func trimmingASCIISpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
        var result = bytes.drop(while: isSpace)
        while let last = result.last, isSpace(last) { result = result.dropLast() }
        return result
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// The line without `columns` of indentation (a tab counts as a full stop), or nil when it
    /// is indented less.
    static func dropIndent(_ line: ArraySlice<UInt8>, columns: Int) -> ArraySlice<UInt8>? {
        var width = 0
        var index = line.startIndex
        while width < columns, index < line.endIndex {
            switch line[index] {
            case 32: width += 1
            case 9: width = columns
            default: return nil
            }
            index += 1
        }
        return width >= columns ? line[index...] : nil
    }

    /// Whether a line (indented at most three spaces) would start a block of its own: a
    /// heading, quote, list item, fence, rule, HTML or another definition. Such a line ends a
    /// footnote's lazy continuation.
    static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        let rest = line.drop { $0 == 32 }
        guard line.count - rest.count <= 3, let first = rest.first else { return false }
        let second = rest.dropFirst().first
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "~"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "="):
            return second == nil || second == 32 || second == 9 || second == first || second == UInt8(ascii: "[")
        case UInt8(ascii: "["):
            return second == UInt8(ascii: "^")
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            let afterDigits = rest.drop { (48...57).contains($0) }
            return afterDigits.first == UInt8(ascii: ".") || afterDigits.first == UInt8(ascii: ")")
        default:
            return false
        }
    }
}

/// Follows fenced code blocks line by line (``` or ~~~, also inside quotes and list items), so
/// that syntax inside code is left alone.
struct FenceTracker {
    private var open: (byte: UInt8, length: Int)?

    var isOpen: Bool { open != nil }

    /// Whether the line opens, is inside, or closes a fence.
    mutating func consume(_ line: ArraySlice<UInt8>) -> Bool {
        let content = line.drop { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }
        let byte = content.first ?? 0
        let run = content.prefix { $0 == byte }.count
        if let fence = open {
            if byte == fence.byte, run >= fence.length, content.dropFirst(run).allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                open = nil
            }
            return true
        }
        guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~"), run >= 3 else { return false }
        // A backtick fence's info string has no backtick (else the line is inline code).
        if byte == UInt8(ascii: "`"), content.dropFirst(run).contains(byte) { return false }
        open = (byte, run)
        return true
    }
}
