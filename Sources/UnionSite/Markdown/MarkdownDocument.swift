import Ccmark
import Foundation

/// A parsed cmark document that owns its node tree.
///
/// The tree never leaves the stage that parsed it (an `OpaquePointer` is not `Sendable`):
/// each stage parses, walks, and hands on plain values.
final class MarkdownDocument {
    let root: OpaquePointer
    let source: MarkdownSource

    /// Options every parse and render uses: smart punctuation, no raw HTML (the default safe
    /// mode), source positions available to the walkers.
    static let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    init(_ source: MarkdownSource) {
        self.source = source
        // Passed as bytes with their count: a NUL inside the text (a YAML `\0` escape) must not
        // cut the body short, as `strlen` would; cmark turns it into U+FFFD.
        bytes = Array(source.text.utf8)
        arena = CmarkArena.current
        arena.retainDocument()
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

    /// The source as bytes, as parsed, kept for column correction (splitting into `Substring`s
    /// cost 5 % of a build), and where each line starts, found on first use.
    private let bytes: [UInt8]
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

    /// HTML for the (possibly rewritten) tree. Safe mode: raw HTML becomes a comment and
    /// `javascript:` links lose their target; custom nodes carry our own markup.
    func html() -> String {
        // The text is in the arena, like the tree: copied out here, dropped with the tree.
        guard let buffer = cmark_render_html(root, Self.options) else { return "" }
        return String(cString: buffer)
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

    func location(of node: MarkdownNode) -> SourceLocation {
        source.location(line: node.startLine, column: node.startColumn)
    }
}

struct MarkdownEvent {
    let node: MarkdownNode
    let entering: Bool
}
