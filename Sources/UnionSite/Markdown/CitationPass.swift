import Ccmark

/// Ends each principle's section with the list of pages that cite that principle, by
/// inserting a custom block before the next `##` heading (or at the end of the document).
enum CitationPass {
    /// - Parameter html: the markup for principle N's citations, or nil when nothing cites it.
    static func apply(_ document: MarkdownDocument, citations html: (Int) -> String?) {
        var principleStarts: [MarkdownNode] = []
        for node in MarkdownNode(document.root).children where node.type == CMARK_NODE_HEADING && node.headingLevel == 2 {
            principleStarts.append(node)
        }
        for index in principleStarts.indices {
            guard let markup = html(index + 1) else { continue }
            let block = MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: markup, exit: "")
            if index + 1 < principleStarts.count {
                cmark_node_insert_before(principleStarts[index + 1].pointer, block.pointer)
            } else if let footnotes = document.anchored.footnotes?.section {
                // The last principle's citations close its section, before the body's footnotes.
                block.place(before: footnotes)
            } else {
                cmark_node_append_child(document.root, block.pointer)
            }
        }
    }
}
