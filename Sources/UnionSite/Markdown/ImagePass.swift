import Ccmark

/// Writes `width` and `height` on the images whose size the Link stage knows (files under
/// `content/static/`), so the page keeps their place while they load, and lets the browser
/// load later images lazily.
///
/// The image node becomes a custom inline holding the whole `<img>`: safe mode strips
/// inserted raw HTML but prints custom nodes as they are, and cmark's own `<img>` has no
/// place for more attributes. Images of unknown size (external URLs, unreadable files) are
/// left to cmark, whose URL escaping and safety checks they then keep.
///
/// "The first screen": the body's first image, when it sits in one of its first three
/// blocks, loads at once; every other image gets `loading="lazy" decoding="async"`.
enum ImagePass {
    static let firstScreenBlocks = 3

    /// - Parameters: sizes: by destination as written; resolve: the final src for a destination.
    static func apply(_ document: MarkdownDocument, sizes: [String: PixelSize], resolve: (String) -> String?) {
        guard !sizes.isEmpty else { return }
        var images: [MarkdownNode] = []
        document.walk { event in
            if event.entering && event.node.type == CMARK_NODE_IMAGE { images.append(event.node) }
        }
        for (index, image) in images.enumerated() {
            guard let size = sizes[image.url] else { continue }
            let lazy = index > 0 || !inFirstBlocks(image)
            let tag = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: markup(image, size: size, src: resolve(image.url) ?? image.url, lazy: lazy), exit: "")
            tag.place(before: image)
            image.unlink()
            cmark_node_free(image.pointer)
        }
    }

    static func markup(_ image: MarkdownNode, size: PixelSize, src: String, lazy: Bool) -> String {
        var tag = "<img src=\"\(HTML.attribute(src))\" alt=\"\(HTML.attribute(altText(image)))\""
        if let title = cmark_node_get_title(image.pointer).map({ String(cString: $0) }), !title.isEmpty {
            tag += " title=\"\(HTML.attribute(title))\""
        }
        tag += " width=\"\(size.width)\" height=\"\(size.height)\""
        if lazy { tag += " loading=\"lazy\" decoding=\"async\"" }
        return tag + " />"
    }

    /// The alt text as cmark writes it: the literal text inside, line breaks as spaces.
    static func altText(_ image: MarkdownNode) -> String {
        var text = ""
        let iterator = cmark_iter_new(image.pointer)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator).map(MarkdownNode.init) else { continue }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Whether the node's top-level block is one of the body's first few.
    private static func inFirstBlocks(_ node: MarkdownNode) -> Bool {
        var block = node
        while let parent = block.parent, parent.parent != nil { block = parent }
        var before = 0
        var sibling = block.previous
        while let current = sibling, before < firstScreenBlocks {
            before += 1
            sibling = current.previous
        }
        return before < firstScreenBlocks
    }
}
