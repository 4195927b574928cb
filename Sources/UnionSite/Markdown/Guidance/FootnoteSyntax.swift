import Ccmark
import Foundation

/// GFM footnotes: `text[^survey]` and a definition `[^survey]: …` (further paragraphs
/// indented). Notes are numbered in order of first reference and listed at the end of the body
/// under "Footnotes"; each reference says what it is (`[footnote 1]`) and has its own id, and
/// each note links back to every reference to it.
enum FootnoteSyntax {
    struct Note {
        let definition: Definitions.Footnote
        let fragment: MarkdownDocument
    }

    /// Each definition parsed on its own (tables inside work); the first of two with the same
    /// label wins.
    static func parse(_ definitions: [Definitions.Footnote], in document: MarkdownDocument) -> [Note] {
        var seen: [String: Definitions.Footnote] = [:]
        var notes: [Note] = []
        for definition in definitions {
            if let first = seen[definition.key] {
                document.problems.append(.warning("footnote `[^\(definition.label)]` is defined again: the definition at line \(document.location(line: first.line, column: 1).line) is used",
                                                  at: document.location(line: definition.line, column: definition.column), code: "footnote-duplicate"))
                continue
            }
            seen[definition.key] = definition
            // A note of plain text (one line, no Markdown in it) is one paragraph: no parse, and
            // no table or alert to look for.
            guard !FragmentText.isPlainText(definition.text) else {
                notes.append(Note(definition: definition, fragment: MarkdownDocument(plainText: definition.text, lines: definition.lines, parent: document)))
                continue
            }
            let fragment = MarkdownDocument(fragment: definition.text, lines: definition.lines, parent: document)
            GuidanceSyntax.applyBlocks(to: fragment, alertsAllowed: false)
            notes.append(Note(definition: definition, fragment: fragment))
        }
        return notes
    }

    /// Turns references into links (in the body, then in the notes they reach), and lists the
    /// referenced notes at the end of the body.
    /// - Parameter abbreviations: wrapped in the same walk, in the text the references leave
    ///   (one walk of the body's text instead of two).
    static func link(_ notes: [Note], in document: MarkdownDocument, abbreviations: AbbreviationSyntax.Matcher? = nil) {
        guard !notes.isEmpty || SourceLines.contains(document.bytes, "[^") else {
            if let abbreviations { AbbreviationSyntax.apply(abbreviations, to: document) }
            return
        }
        let index = Dictionary(notes.enumerated().map { ($1.definition.key, $0) }, uniquingKeysWith: { first, _ in first })
        var numbering = Numbering(notes: notes.count)
        // Made once for the body and every note it reaches.
        let candidates = ReferenceCandidates(abbreviations: abbreviations)
        var references = self.references(in: document, notes: notes, index: index, numbering: &numbering, abbreviations: abbreviations,
                                         candidates: candidates)
        var done = 0
        while done < numbering.order.count {
            let note = notes[numbering.order[done]]
            references += self.references(in: note.fragment, notes: notes, index: index, numbering: &numbering, abbreviations: abbreviations,
                                          candidates: candidates)
            done += 1
        }
        for (position, note) in notes.enumerated() where numbering.number[position] == nil {
            document.problems.append(.warning("footnote `[^\(note.definition.label)]` is never referenced: it is left out",
                                              at: document.location(line: note.definition.line, column: note.definition.column),
                                              code: "footnote-unused"))
        }
        guard !numbering.order.isEmpty else { return }
        document.anchored.footnotes = section(notes, numbering: numbering, references: references, in: document)
    }

    /// Notes by position in `notes`: an array, not a dictionary (a body has a few notes, each
    /// looked up once per reference).
    private struct Numbering {
        var order: [Int] = []
        var number: [Int?]

        init(notes: Int) { number = Array(repeating: nil, count: notes) }

        mutating func assign(_ note: Int) {
            guard number[note] == nil else { return }
            order.append(note)
            number[note] = order.count
        }
    }

    /// Every `[^label]` in a document's body text, replaced by a reference node; abbreviations
    /// wrapped in the text around them (not inside an author's `<abbr>`).
    private static func references(in document: MarkdownDocument, notes: [Note], index: [String: Int], numbering: inout Numbering,
                                   abbreviations: AbbreviationSyntax.Matcher?, candidates: ReferenceCandidates) -> [(node: MarkdownNode, note: Int)] {
        guard abbreviations != nil || SourceLines.contains(document.bytes, "[^") else { return [] }
        var found: [(node: MarkdownNode, labels: [Label], wrap: AbbreviationSyntax.Matcher?)] = []
        BodyText.walk(document, entersBlock: candidates.reader(for: document)) { node, inAbbreviation in
            let wrap = inAbbreviation ? nil : abbreviations
            let (labels, abbreviated) = node.withLiteralBytes { bytes in
                (Label.all(in: bytes), wrap.map { !$0.matches(in: bytes).isEmpty } ?? false)
            }
            if !labels.isEmpty || abbreviated { found.append((node, labels, wrap)) }
        }
        var references: [(node: MarkdownNode, note: Int)] = []
        for entry in found {
            let text = entry.node.withLiteralBytes { Array($0) }
            var pieces = Pieces(text: text, wrap: entry.wrap)
            for label in entry.labels {
                guard let note = index[label.text.lowercased()] else {
                    document.problems.append(.error("footnote `[^\(label.text)]` has no definition: add a line `[^\(label.text)]: …`",
                                                    at: document.origin(of: entry.node).location(of: Array("[^\(label.text)]".utf8), near: entry.node),
                                                    code: "footnote-missing"))
                    continue
                }
                numbering.assign(note)
                let reference = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: "", exit: "")
                pieces.add(upTo: label.range, node: reference)
                references.append((reference, note))
            }
            // No reference made: the node is split only for its abbreviations (if any).
            if let split = pieces.finish() { BodyText.split(entry.node, into: split) }
        }
        return references
    }

    /// A text node's replacement: text between references, with abbreviations wrapped in it.
    private struct Pieces {
        let text: [UInt8]
        let wrap: AbbreviationSyntax.Matcher?
        private var pieces: [BodyText.Piece] = []
        private var cursor = 0
        private var references = 0

        init(text: [UInt8], wrap: AbbreviationSyntax.Matcher?) {
            self.text = text
            self.wrap = wrap
        }

        /// The text before `range`, then `node` in place of the range.
        mutating func add(upTo range: Range<Int>, node: MarkdownNode) {
            addText(cursor..<range.lowerBound)
            pieces.append(.node(node))
            cursor = range.upperBound
            references += 1
        }

        /// All pieces, or nil when nothing in the text changes.
        mutating func finish() -> [BodyText.Piece]? {
            addText(cursor..<text.count)
            return references > 0 || pieces.contains(where: { if case .node = $0 { true } else { false } }) ? pieces : nil
        }

        private mutating func addText(_ range: Range<Int>) {
            let wrapped = wrap.map { wrap in
                text.withUnsafeBufferPointer { AbbreviationSyntax.appendPieces(of: UnsafeBufferPointer(rebasing: $0[range]), matcher: wrap, to: &pieces) }
            }
            if wrapped != true { pieces.append(.text(String(decoding: text[range], as: UTF8.self))) }
        }
    }

    /// The "Footnotes" list at the end of the body, each note's blocks moved into its item.
    private static func section(_ notes: [Note], numbering: Numbering, references: [(node: MarkdownNode, note: Int)],
                                in document: MarkdownDocument) -> AnchoredNodes.Footnotes {
        let section = MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "", exit: "", role: .container)
        cmark_node_append_child(document.root, section.pointer)
        var slugs = HeadingID.Allocator()
        var anchored = AnchoredNodes.Footnotes(section: section)
        var position = [Int?](repeating: nil, count: notes.count)
        for note in numbering.order {
            let item = MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "", exit: "", role: .container)
            let fragment = notes[note].fragment
            anchored.noteDocuments.append(fragment)
            item.adoptChildren(of: MarkdownNode(fragment.root))
            let backlinks: MarkdownNode
            if let last = item.lastChild, last.type == CMARK_NODE_PARAGRAPH {
                backlinks = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: "", exit: "")
                last.append(backlinks)
            } else {
                backlinks = MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "", exit: "")
                item.append(backlinks)
            }
            section.append(item)
            document.adopt(item, from: fragment)
            // A note's tables are the body's now: numbered after its own, labelled at render.
            document.anchored.tables += fragment.anchored.tables
            position[note] = anchored.notes.count
            anchored.notes.append(.init(item: item, backlinks: backlinks, slug: slugs.id(for: notes[note].definition.label)))
        }
        for reference in references {
            // Every referenced note was numbered, so it has a position.
            guard let note = position[reference.note] else {
                assertionFailure("a reference to a note that was not numbered")
                continue
            }
            anchored.notes[note].references += 1
            anchored.references.append(.init(node: reference.node, note: note, occurrence: anchored.notes[note].references))
        }
        return anchored
    }

    /// `[^label]` in a text node: the label and the byte range of the whole reference.
    struct Label {
        let text: String
        let range: Range<Int>

        static func all(in bytes: UnsafeBufferPointer<UInt8>) -> [Label] {
            // Most text has no `[` at all.
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "[")), bytes.count) != nil else { return [] }
            var labels: [Label] = []
            var index = 0
            while index + 3 < bytes.count {
                guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                    index += 1
                    continue
                }
                var end = index + 2
                while end < bytes.count, end - index < 200, ![UInt8(ascii: "]"), UInt8(ascii: "["), 32, 9, 10, 13].contains(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "]"), end > index + 2 {
                    labels.append(Label(text: String(decoding: bytes[(index + 2)..<end], as: UTF8.self), range: index..<(end + 1)))
                    index = end + 1
                } else {
                    index += 2
                }
            }
            return labels
        }
    }
}
