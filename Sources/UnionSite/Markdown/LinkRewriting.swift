import Ccmark

/// Rewrites every link and image destination to its final URL, as the Link stage resolved it.
enum LinkRewriting {
    /// - Parameters:
    ///   - nodes: the link and image nodes, in document order, if the caller has them (debug
    ///     builds check them).
    ///   - resolve: the final href for a destination as written; nil leaves it alone.
    static func apply(_ document: MarkdownDocument, nodes given: [MarkdownNode]? = nil, resolve: (String) -> String?) {
        let nodes = given ?? linkNodes(document)
        assert(given == nil || nodes == linkNodes(document), "the link nodes given are not the body's")
        for node in nodes {
            if let href = resolve(node.url) { node.setURL(href) }
        }
    }

    private static func linkNodes(_ document: MarkdownDocument) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        document.walk { event in
            if event.entering, event.node.type == CMARK_NODE_LINK || event.node.type == CMARK_NODE_IMAGE { nodes.append(event.node) }
        }
        return nodes
    }
}
