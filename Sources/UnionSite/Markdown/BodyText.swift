import Ccmark

/// The text nodes that are body text: outside headings, links, images and our own markup
/// (custom nodes but the containers the guidance syntax marks), in document order. Code and
/// raw HTML are not text nodes at all.
///
/// The glossary, search, footnote references and abbreviations all read the same nodes, so a
/// construct counts as text for all of them or for none.
enum BodyText {
    /// - Parameter skipAbbreviations: also leave out text inside an `<abbr>` (abbreviations are
    ///   never wrapped twice).
    static func nodes(_ document: MarkdownDocument, skipAbbreviations: Bool = false,
                      _ visit: (MarkdownNode, MarkdownDocument) -> Void) {
        walk(document) { node, origin, inAbbreviation in
            if !(skipAbbreviations && inAbbreviation) { visit(node, origin) }
        }
    }

    /// Every body text node, and whether it is inside an `<abbr>`: one walk for the passes
    /// that read text both ways (footnote references, then abbreviations in the same text).
    static func walk(_ document: MarkdownDocument, _ visit: (MarkdownNode, MarkdownDocument, _ inAbbreviation: Bool) -> Void) {
        // Nesting is tracked on enter/exit instead of walking up from each node, so deep
        // nesting stays linear.
        var excludedDepth = 0
        var abbreviationDepth = 0
        document.walkWithOrigin { event, origin in
            let node = event.node
            let type = node.type
            if excludes(node, type: type, skipAbbreviations: false) {
                excludedDepth += event.entering ? 1 : -1
            } else if type == CMARK_NODE_CUSTOM_INLINE || type == CMARK_NODE_CUSTOM_BLOCK, node.role == .abbreviation {
                abbreviationDepth += event.entering ? 1 : -1
            } else if event.entering, type == CMARK_NODE_TEXT, excludedDepth == 0 {
                visit(node, origin, abbreviationDepth > 0)
            }
        }
    }

    private static func excludes(_ node: MarkdownNode, type: cmark_node_type, skipAbbreviations: Bool) -> Bool {
        switch type {
        case CMARK_NODE_HEADING, CMARK_NODE_LINK, CMARK_NODE_IMAGE: return true
        case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            switch node.role {
            case .container?: return false
            case .abbreviation?: return skipAbbreviations
            case nil: return true
            }
        default: return false
        }
    }

    /// Replaces a text node by pieces in order: plain text, or a node made for a match.
    static func split(_ node: MarkdownNode, into pieces: [Piece]) {
        for piece in pieces {
            switch piece {
            case .text(let text) where text.isEmpty: continue
            case .text(let text): MarkdownNode.text(text).place(before: node)
            case .node(let made): made.place(before: node)
            }
        }
        node.unlink()
    }

    enum Piece {
        case text(String)
        case node(MarkdownNode)
    }
}
