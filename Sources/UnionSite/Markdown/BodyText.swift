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
    static func nodes(_ document: MarkdownDocument, skipAbbreviations: Bool = false, _ visit: (MarkdownNode) -> Void) {
        walk(document) { node, inAbbreviation in
            if !(skipAbbreviations && inAbbreviation) { visit(node) }
        }
    }

    /// Every body text node, and whether it is inside an `<abbr>`: one walk for the passes
    /// that read text both ways (footnote references, then abbreviations in the same text).
    ///
    /// Follows first-child, next and parent links instead of cmark's iterator: excluded
    /// subtrees (headings, links, code) are never entered, no event is made for a node's exit,
    /// and deep nesting needs no stack. A node's origin (which fragment its positions are in)
    /// is asked only when a problem is reported (`MarkdownDocument.origin(of:)`).
    /// - Parameter entersBlock: whether to read a paragraph, list, list item or block quote at
    ///   all (nil: every one).
    static func walk(_ document: MarkdownDocument, entersBlock: ((MarkdownNode) -> Bool)? = nil,
                     _ visit: (MarkdownNode, _ inAbbreviation: Bool) -> Void) {
        let root = MarkdownNode(document.root)
        var abbreviationDepth = 0
        var current = root.firstChild
        while let node = current {
            let type = node.type
            if type == CMARK_NODE_TEXT {
                visit(node, abbreviationDepth > 0)
            } else if !excludes(node, type: type), !isBlock(type) || entersBlock?(node) ?? true, let child = node.firstChild {
                if isAbbreviation(node, type: type) { abbreviationDepth += 1 }
                current = child
                continue
            }
            // Done with `node`: on to its next sibling, or the next of the nearest ancestor
            // that has one (leaving each ancestor on the way up).
            var at = node
            while at != root, at.next == nil {
                guard let parent = at.parent else { return }
                at = parent
                if at != root, isAbbreviation(at, type: at.type) { abbreviationDepth -= 1 }
            }
            current = at == root ? nil : at.next
        }
    }

    private static func excludes(_ node: MarkdownNode, type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HEADING, CMARK_NODE_LINK, CMARK_NODE_IMAGE: return true
        case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE: return node.role == nil
        default: return false
        }
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE
            || type == CMARK_NODE_CUSTOM_BLOCK
    }

    private static func isAbbreviation(_ node: MarkdownNode, type: cmark_node_type) -> Bool {
        (type == CMARK_NODE_CUSTOM_INLINE || type == CMARK_NODE_CUSTOM_BLOCK) && node.role == .abbreviation
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

/// `BodyText`'s nodes gathered from a walk that visits every node anyway (the facts' walk),
/// by the same rule: text outside headings, links, images and our own markup.
struct BodyTextGatherer {
    private(set) var nodes: [MarkdownNode] = []
    private var excludedDepth = 0

    mutating func take(_ event: MarkdownEvent, type: cmark_node_type) {
        switch type {
        case CMARK_NODE_TEXT:
            if event.entering, excludedDepth == 0 { nodes.append(event.node) }
        case CMARK_NODE_HEADING, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            excludedDepth += event.entering ? 1 : -1
        case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            if event.node.role == nil { excludedDepth += event.entering ? 1 : -1 }
        default: break
        }
    }
}
