import Ccmark
import Foundation

/// The tree written as HTML by cmark.
extension MarkdownDocument {
    /// HTML for the (possibly rewritten) tree. Safe mode: raw HTML becomes a comment and
    /// `javascript:` links lose their target; custom nodes carry our own markup.
    func html() -> String {
        withHTML { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML's bytes, lent to `body`. The text is in the arena, like the tree, and dropped
    /// with it: a caller that keeps only part of it (`SlottedHTML`) copies that part alone.
    func withHTML<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let buffer = cmark_render_html(root, Self.options) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let count = strlen(buffer)
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) { body(UnsafeBufferPointer(start: $0, count: count)) }
    }
}
