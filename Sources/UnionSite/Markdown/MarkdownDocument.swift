import Ccmark
import Foundation

/// A parsed cmark document that owns its node tree, with the guidance syntax (tables, alerts,
/// footnotes, abbreviations, allowlisted inline HTML) already turned into nodes.
///
/// Every stage that reads a body makes it through this one initialiser, so the Link stage
/// (which collects facts and glossary matches by text-node position) and the Render stage
/// (which applies them) always see the same nodes.
///
/// The tree never leaves the stage that parsed it (an `OpaquePointer` is not `Sendable`):
/// each stage parses, walks, and hands on plain values.
final class MarkdownDocument {
    let root: OpaquePointer
    let source: MarkdownSource

    /// Options every parse and render uses: smart punctuation, no raw HTML (the default safe
    /// mode), source positions available to the walkers.
    static let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    /// Problems in the guidance syntax, found while parsing (the Link stage reports them).
    var problems: [Diagnostic] = []
    /// Nodes whose markup carries ids, filled in at render time (`GuidanceMarkup`).
    var anchored = AnchoredNodes()
    /// Nodes whose subtree came from a fragment parse (a table's cells, a footnote), and that
    /// fragment: positions inside them are the fragment's. Each such node holds its index here
    /// (`MarkdownNode.fragmentIndex`): a dictionary keyed by node cost a hash at every adoption
    /// and at every fragment root of every walk.
    private(set) var fragments: [(root: MarkdownNode, document: MarkdownDocument)] = []

    /// Where the parsed text came from: a file's body, or lines of another document.
    private let origin: Origin

    private enum Origin {
        case source
        /// Line N of this text is `lines[N - 1]` of `parent`.
        case fragment(parent: Unowned, lines: [LineOrigin])
    }

    /// A reference that does not keep the parent alive: the parent owns its fragments.
    private struct Unowned {
        unowned let document: MarkdownDocument
    }

    /// The body of a file, parsed with the guidance syntax.
    convenience init(_ source: MarkdownSource) {
        let definitions = Definitions.extract(source.text)
        self.init(bytes: definitions.bytes, source: source, origin: .source)
        if let lineStarts = definitions.lineStarts { self.lineStarts = lineStarts }
        GuidanceSyntax.apply(to: self, definitions: definitions)
    }

    /// Text cut from `parent` (a table's cells, a footnote's lines), parsed on its own.
    /// - Parameter lines: where each line of `text` is in `parent`.
    convenience init(fragment text: String, lines: [LineOrigin], parent: MarkdownDocument) {
        self.init(fragment: text.utf8Bytes, lines: lines, parent: parent)
    }

    /// The same, from UTF-8 already assembled (a table's cells).
    convenience init(fragment bytes: [UInt8], lines: [LineOrigin], parent: MarkdownDocument) {
        self.init(bytes: bytes, source: parent.source, origin: .fragment(parent: Unowned(document: parent), lines: lines))
    }

    /// A footnote's text that `FragmentText.isPlainText` passes: the paragraph of one text node
    /// that cmark makes of it, made without a parse (most of a short note's parse was the
    /// parser's own work). Its nodes carry no source positions; plain text has nothing that
    /// could be reported at one.
    convenience init(plainText text: String, lines: [LineOrigin], parent: MarkdownDocument) {
        self.init(bytes: text.utf8Bytes, source: parent.source, origin: .fragment(parent: Unowned(document: parent), lines: lines), parse: false)
        let paragraph = MarkdownNode.make(CMARK_NODE_PARAGRAPH)
        paragraph.append(MarkdownNode.text(text))
        cmark_node_append_child(root, paragraph.pointer)
    }

    private init(bytes: [UInt8], source: MarkdownSource, origin: Origin, parse: Bool = true) {
        self.source = source
        self.origin = origin
        // Passed as bytes with their count: a NUL inside the text (a YAML `\0` escape) must not
        // cut the body short, as `strlen` would; cmark turns it into U+FFFD.
        self.bytes = bytes
        arena = CmarkArena.current
        arena.retainDocument()
        guard parse else {
            root = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, CmarkArena.mem)
            return
        }
        let parser = cmark_parser_new_with_mem(Self.options, CmarkArena.mem)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        root = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        cmark_consolidate_text_nodes(root)
    }

    /// The tree lives in the thread's arena (`CmarkArena`), which drops it with every other
    /// tree of the thread once none is in use: no node-by-node free.
    deinit {
        assert(arena === CmarkArena.current, "a MarkdownDocument must be released on the thread that parsed it")
        arena.releaseDocument()
    }

    private let arena: CmarkArena

    /// The text as parsed (definitions blanked out), as bytes, kept for column correction
    /// (splitting into `Substring`s cost 5 % of a build), and where each line starts, found on
    /// first use.
    let bytes: [UInt8]
    /// Found once (`MarkdownDocument+Scan`): the markup pass asks it up to twice a body.
    private(set) lazy var mayHoldCodeBlocks = Self.mayHoldCodeBlocks(bytes)
    /// Whether the tree holds a code block, once a walk of all of it has looked (the facts'
    /// walk, `DocumentFacts`); nil before. The markup pass then scans no text for fences.
    var walkedCodeBlocks: Bool?
    private lazy var lineStarts: [Int] = bytes.withUnsafeBufferPointer { buffer in
        var starts = [0]
        var offset = 0
        // memchr: this runs over every body that has a link.
        while offset < buffer.count, let found = memchr(buffer.baseAddress! + offset, 10, buffer.count - offset) {
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!) + 1
            starts.append(offset)
        }
        return starts
    }

    var lineCount: Int { lineStarts.count }

    /// The bytes of a 1-based line, without its line break.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return bytes[start..<end]
    }

    /// Whether the source lines of a block hold a byte (a quick test before reading them).
    func linesContain(_ byte: UInt8, _ node: MarkdownNode) -> Bool {
        // memchr: this runs over every paragraph of more than one line in a body with a pipe.
        withLineBytes(of: node) { lines in memchr(lines.baseAddress!, Int32(byte), lines.count) != nil } ?? false
    }

    /// The bytes of a block's source lines, from the start of its first line to the end of its
    /// last (line breaks included); nil when its positions name no lines of this text.
    func withLineBytes<R>(of node: MarkdownNode, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let range = lineByteRange(of: node) else { return nil }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Where those lines are in `bytes`.
    func lineByteRange(of node: MarkdownNode) -> Range<Int>? {
        let first = node.startLine, last = node.endLine
        guard first <= last else { return nil }
        return lineByteRange(lines: first...last)
    }

    /// Where 1-based lines are in `bytes`; nil when they name none of this text.
    func lineByteRange(lines: ClosedRange<Int>) -> Range<Int>? {
        let first = lines.lowerBound, last = min(lines.upperBound, lineCount)
        guard first >= 1, first <= last else { return nil }
        let start = lineStarts[first - 1], end = last < lineStarts.count ? lineStarts[last] : bytes.count
        return end > start ? start..<end : nil
    }

    /// Every node, in document order, with enter/exit events.
    func walk(_ visit: (MarkdownEvent) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(MarkdownEvent(node: MarkdownNode(node), entering: event == CMARK_EVENT_ENTER))
        }
    }

    /// `walk`, with the document each node's positions belong to (this one, or the fragment a
    /// table cell or footnote was parsed from). Linear: a stack, not a walk up from each node.
    /// The stack holds unretained references (the fragments live as long as `self`), and each
    /// is lent to `visit` without a retain: retaining the document for every node was a third
    /// of the walks over bodies with tables and footnotes.
    func walkWithOrigin(_ visit: (MarkdownEvent, MarkdownDocument) -> Void) {
        guard !fragments.isEmpty else { return walk { visit($0, self) } }
        var stack = [Unmanaged.passUnretained(self)]
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let type = cmark_iter_next(iterator)
            if type == CMARK_EVENT_DONE { break }
            guard let pointer = cmark_iter_get_node(iterator) else { continue }
            let event = MarkdownEvent(node: MarkdownNode(pointer), entering: type == CMARK_EVENT_ENTER)
            let fragment = event.node.fragmentIndex.map { Unmanaged.passUnretained(fragments[$0].document) }
            if event.entering, let fragment { stack.append(fragment) }
            stack[stack.count - 1]._withUnsafeGuaranteedRef { visit(event, $0) }
            if !event.entering, fragment != nil { stack.removeLast() }
        }
    }

    /// The document whose positions `node` carries: the fragment of the nearest fragment root
    /// at or above it, else this one. A walk up, for the rare node a problem is reported at.
    func origin(of node: MarkdownNode) -> MarkdownDocument {
        var at: MarkdownNode? = node
        while let current = at {
            if let index = current.fragmentIndex { return fragments[index].document }
            at = current.parent
        }
        return self
    }

    /// Positions inside `node` (moved here from `fragment`) are the fragment's; its own
    /// fragments come along, their roots renumbered for this document (the fragment is not
    /// walked again once adopted).
    func adopt(_ node: MarkdownNode, from fragment: MarkdownDocument) {
        node.fragmentIndex = fragments.count
        fragments.append((node, fragment))
        for entry in fragment.fragments {
            entry.root.fragmentIndex = fragments.count
            fragments.append(entry)
        }
    }

    func location(of node: MarkdownNode) -> SourceLocation {
        location(line: node.startLine, column: node.startColumn)
    }

    /// A position in this text, as a position in the file.
    func location(line: Int, column: Int) -> SourceLocation {
        switch origin {
        case .source:
            return source.location(line: line, column: column)
        case .fragment(let parent, let lines):
            guard let origin = lines[safe: line - 1] ?? lines.last else { return parent.document.location(line: 1, column: 1) }
            return parent.document.location(line: origin.line, column: max(1, column) + origin.shift)
        }
    }
}

/// Where a line of a fragment sits in the document it was cut from.
struct LineOrigin: Sendable, Equatable {
    /// The 1-based line in the parent document.
    let line: Int
    /// Columns cut from the start of the line (container markers, indentation).
    let shift: Int
}

struct MarkdownEvent {
    let node: MarkdownNode
    let entering: Bool
}
