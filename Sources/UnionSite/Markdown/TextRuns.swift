import Ccmark

/// A body's text nodes (`BodyText`: outside headings, links and code), in order, kept as one
/// string and where each node ends.
///
/// The glossary matches them by node, and the search index reads them for the whole build.
/// A body has about a hundred text nodes: as a `String` each, their headers and allocations
/// took more memory than their text (about a million strings at 10,000 articles, issue 21).
/// Nodes are joined with a line feed, which no search word spans, so the search index can
/// read the whole string at once. Two nodes with only a soft line break between them (one
/// sentence wrapped in the source) are joined with a space instead: a glossary term may be
/// wrapped too ("Section 188" at a line's end, "notice" on the next), and the glossary scan of
/// the joined text then finds it (`GlossaryLinking.chosen`).
struct TextRuns: Sendable, Hashable, RandomAccessCollection {
    /// Every node's text, each followed by a line feed (or a space, above).
    let text: String
    /// Where each node's text ends (UTF-8 offsets into `text`, before its line feed).
    private let ends: [Int32]

    init<Texts: Collection>(_ texts: Texts) where Texts.Element: StringProtocol {
        var text = ""
        // Exactly the room needed: growing by doubling left a third of the memory unused.
        text.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 1 })
        var ends: [Int32] = []
        ends.reserveCapacity(texts.count)
        for part in texts {
            text += part
            ends.append(Int32(text.utf8.count))
            text += "\n"
        }
        self.init(text: text, ends: ends)
    }

    /// The texts of body text nodes, read as bytes from cmark: no `String` per node, and
    /// written straight into the one string's storage (an array of the bytes first, then a
    /// string made from it, was an allocation and a copy per body).
    init(literalsOf nodes: [MarkdownNode]) {
        // Each literal is found once (cmark hands over a C string: its length is a strlen).
        let literals = nodes.map(\.literalBytes)
        let joiners: [UInt8] = nodes.indices.map { index in
            index + 1 < nodes.count && Self.onlySoftBreakBetween(nodes[index], nodes[index + 1]) ? 0x20 : 0x0A
        }
        let total = literals.reduce(0) { $0 + $1.count + 1 }
        var ends: [Int32] = []
        ends.reserveCapacity(nodes.count)
        let text = String(unsafeUninitializedCapacity: total) { buffer in
            var offset = 0
            for (literal, joiner) in zip(literals, joiners) {
                if let from = literal.baseAddress, let to = buffer.baseAddress {
                    (to + offset).initialize(from: from, count: literal.count)
                    offset += literal.count
                }
                ends.append(Int32(offset))
                buffer[offset] = joiner
                offset += 1
            }
            return offset
        }
        // cmark hands over valid UTF-8; were a byte ever repaired, the offsets would be wrong.
        guard text.utf8.count == total else {
            self.init(nodes.map(\.literal))
            return
        }
        self.init(text: text, ends: ends)
    }

    private init(text: String, ends: [Int32]) {
        self.text = text
        self.ends = ends
    }

    /// Whether `second` follows `first` with one soft line break between them, as siblings.
    private static func onlySoftBreakBetween(_ first: MarkdownNode, _ second: MarkdownNode) -> Bool {
        guard let between = first.next, between.type == CMARK_NODE_SOFTBREAK else { return false }
        return between.next == second
    }

    /// Where run `index` starts and ends (before its joiner), as UTF-8 offsets into `text`.
    func bounds(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]) + 1)..<Int(ends[index])
    }

    /// Each run's UTF-8 with its index, in order, read in place from the one string.
    func forEachRun(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { all in
            var start = 0
            for (index, end) in ends.enumerated() {
                body(index, UnsafeBufferPointer(rebasing: all[start..<Int(end)]))
                start = Int(end) + 1
            }
        }
    }

    /// For ascending UTF-8 offsets into `text`, each one's run and where that run starts.
    func runs(of offsets: some Sequence<Int>) -> [(index: Int, start: Int)] {
        var found: [(index: Int, start: Int)] = []
        var run = 0
        var start = 0
        for offset in offsets {
            while run < ends.count, offset > Int(ends[run]) {
                start = Int(ends[run]) + 1
                run += 1
            }
            found.append((run, start))
        }
        return found
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(position: Int) -> Substring {
        let utf8 = text.utf8
        let start = position == 0 ? 0 : Int(ends[position - 1]) + 1
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        return text[from..<utf8.index(from, offsetBy: Int(ends[position]) - start)]
    }
}
