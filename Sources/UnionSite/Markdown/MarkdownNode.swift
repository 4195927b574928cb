import Ccmark

/// A thin view of a `cmark_node*`, with the accessors the passes need.
struct MarkdownNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    func setURL(_ url: String) { cmark_node_set_url(pointer, url) }
    func setLiteral(_ text: String) { cmark_node_set_literal(pointer, text) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }

    /// The plain text inside a node: text, code and line breaks, as the heading-id rule reads it.
    var plainText: String { plainText(limit: .max) }

    /// At most about `limit` characters of the plain text: enough for link-text checks and
    /// positions, and linear even for links nested thousands deep.
    func plainText(limit: Int) -> String {
        var text = ""
        collectText(into: &text, limit: limit)
        return text
    }

    private func collectText(into text: inout String, limit: Int) {
        guard text.utf8.count < limit else { return }
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
        default:
            var child = firstChild
            while let current = child, text.utf8.count < limit {
                current.collectText(into: &text, limit: limit)
                child = current.next
            }
        }
    }

    static func make(_ type: cmark_node_type) -> MarkdownNode { MarkdownNode(cmark_node_new(type)) }

    static func text(_ literal: String) -> MarkdownNode {
        let node = make(CMARK_NODE_TEXT)
        node.setLiteral(literal)
        return node
    }

    /// Markup written out as it is, even in safe mode (`CUSTOM_INLINE` / `CUSTOM_BLOCK`).
    static func custom(_ type: cmark_node_type, enter: String, exit: String) -> MarkdownNode {
        let node = make(type)
        cmark_node_set_on_enter(node.pointer, enter)
        cmark_node_set_on_exit(node.pointer, exit)
        return node
    }
}
