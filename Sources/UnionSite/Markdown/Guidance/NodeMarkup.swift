import Ccmark

/// A custom node's markup built as UTF-8 in one buffer, reused for every node it marks up, and
/// handed to cmark with a NUL: no `String` per piece. The footnotes' markup (a section, an id
/// for every reference and note, the links back) was built from a dozen interpolated strings
/// a body, a tenth of what footnotes cost.
struct NodeMarkup {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    /// Our own markup.
    mutating func add(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A value, escaped for text and double-quoted attributes (`HTML.escape`).
    mutating func addEscaped(_ text: String) {
        var text = text
        text.withUTF8 { HTML.escape($0, into: &bytes) }
    }

    mutating func add(_ number: Int) {
        bytes += String(number).utf8
    }

    /// Sets what has been added as the node's markup on entering, and empties the buffer.
    mutating func setEnter(of node: MarkdownNode) { set(node, cmark_node_set_on_enter) }

    /// The same, for the markup on leaving.
    mutating func setExit(of node: MarkdownNode) { set(node, cmark_node_set_on_exit) }

    private mutating func set(_ node: MarkdownNode, _ setter: (OpaquePointer?, UnsafePointer<CChar>?) -> Int32) {
        bytes.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = setter(node.pointer, $0.baseAddress) }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
