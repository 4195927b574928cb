import Ccmark

/// Rewrites every link and image destination to its final URL, as the Link stage resolved it.
enum LinkRewriting {
    /// - Parameter resolve: the final href for a destination as written; nil leaves it alone.
    static func apply(_ document: MarkdownDocument, resolve: (String) -> String?) {
        document.walk { event in
            let node = event.node
            guard event.entering, node.type == CMARK_NODE_LINK || node.type == CMARK_NODE_IMAGE else { return }
            if let href = resolve(node.url) { node.setURL(href) }
        }
    }
}
