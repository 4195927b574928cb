import Ccmark

/// Gives every heading its id (and each principle its number and anchor) by replacing the
/// heading with a custom block carrying the tags: safe mode would strip inserted raw HTML,
/// but writes custom nodes as they are.
enum HeadingPass {
    /// - Parameters:
    ///   - headings: the Link stage's headings for this body, in document order.
    ///   - nodes: the heading nodes, if the caller has them (debug builds check them).
    static func apply(_ document: MarkdownDocument, headings: [DocumentFacts.Heading], nodes given: [MarkdownNode]? = nil,
                      levelOffset: Int = 0, idPrefix: String = "") {
        let nodes = given ?? headingNodes(document)
        assert(given == nil || nodes == headingNodes(document), "the heading nodes given are not the body's")
        for (node, heading) in zip(nodes, headings) {
            replace(node, with: heading, levelOffset: levelOffset, idPrefix: idPrefix)
        }
    }

    private static func headingNodes(_ document: MarkdownDocument) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        document.walk { event in
            if event.entering && event.node.type == CMARK_NODE_HEADING { nodes.append(event.node) }
        }
        return nodes
    }

    private static func replace(_ node: MarkdownNode, with heading: DocumentFacts.Heading, levelOffset: Int, idPrefix: String) {
        let level = min(max(heading.level + levelOffset, 1), 6)
        var open = "<h\(level) id=\"\(HTML.attribute(idPrefix + heading.id))\">"
        if let number = heading.principleNumber {
            let anchor = idPrefix + DocumentFacts.principleAnchor(number)
            open += "<span class=\"principle-number\" id=\"\(anchor)\">Principle \(number):</span> "
        }
        let block = MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: open, exit: "</h\(level)>")
        for child in node.children {
            cmark_node_unlink(child.pointer)
            cmark_node_append_child(block.pointer, child.pointer)
        }
        cmark_node_replace(node.pointer, block.pointer)
        cmark_node_free(node.pointer)
    }
}
