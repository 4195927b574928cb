import Ccmark

/// Lets allowlisted inline HTML through (`<abbr title="…">MAT</abbr>`, `<sub>`, `<kbd>` …):
/// each tag cmark found is parsed and written again from its parts as a custom node around
/// the nodes between it and its closing tag. A tag that is not allowed, or an opening tag
/// without its closing tag among the same siblings (the same paragraph or span), is dropped
/// with a warning and its text kept. Raw HTML blocks are left to safe mode (dropped).
enum InlineHTMLSyntax {
    /// - Returns: whether any tag was taken out (then text nodes may need consolidating).
    @discardableResult
    static func apply(to document: MarkdownDocument) -> Bool {
        // No `<`, no tag (a table's cells are cut from the same text).
        guard SourceLines.contains(document.bytes, byte: UInt8(ascii: "<")) else { return false }
        var groups: [OpaquePointer: [(MarkdownNode, MarkdownDocument)]] = [:]
        var parents: [OpaquePointer] = []
        document.walkWithOrigin { event, origin in
            guard event.entering, event.node.type == CMARK_NODE_HTML_INLINE, let parent = event.node.parent else { return }
            if groups[parent.pointer] == nil { parents.append(parent.pointer) }
            groups[parent.pointer, default: []].append((event.node, origin))
        }
        for parent in parents {
            var siblings = Siblings(document: document)
            for (node, origin) in groups[parent]! { siblings.take(node, origin: origin) }
            siblings.finish()
        }
        return !parents.isEmpty
    }

    /// The tags of one parent's children, matched like brackets.
    private struct Siblings {
        let document: MarkdownDocument
        private var open: [(node: MarkdownNode, origin: MarkdownDocument, safe: InlineHTMLPolicy.Safe)] = []

        init(document: MarkdownDocument) { self.document = document }

        mutating func take(_ node: MarkdownNode, origin: MarkdownDocument) {
            let literal = node.literal
            let tag = InlineTag.parse(literal)
            switch tag.kind {
            case .other:
                drop(node, origin, "raw HTML `\(excerpt(literal))` is dropped: only the inline tags \(InlineHTMLPolicy.allowedList) are kept")
            case .close:
                close(node, origin: origin, name: tag.name)
            case .open, .selfClosing:
                guard let safe = InlineHTMLPolicy.sanitize(tag) else {
                    return drop(node, origin, "raw HTML `<\(tag.name)>` is dropped (its text is kept): only the inline tags \(InlineHTMLPolicy.allowedList) are kept")
                }
                if !safe.dropped.isEmpty {
                    report(node, origin, "\(safe.dropped.count == 1 ? "attribute" : "attributes") \(safe.dropped.map { "`\($0)`" }.joined(separator: ", ")) of `<\(tag.name)>` \(safe.dropped.count == 1 ? "is" : "are") dropped: allowed here \(allowedAttributes(tag.name))")
                }
                for invalid in safe.invalid {
                    report(node, origin, "attribute `\(invalid.name)` of `<\(tag.name)>` is dropped: \(invalid.why)")
                }
                if InlineHTMLPolicy.void.contains(tag.name) {
                    let element = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: safe.markup, exit: "")
                    element.place(before: node)
                    node.unlink()
                } else if tag.kind == .selfClosing {
                    drop(node, origin, "`<\(tag.name)/>` is not a tag HTML can close by itself: it is dropped")
                } else {
                    open.append((node, origin, safe))
                }
            }
        }

        /// Tags still open at the end of their paragraph are dropped.
        mutating func finish() {
            for unclosed in open.reversed() {
                drop(unclosed.node, unclosed.origin, "`<\(unclosed.safe.name)>` is not closed in the same paragraph: the tag is dropped, its text kept")
            }
            open = []
        }

        private mutating func close(_ node: MarkdownNode, origin: MarkdownDocument, name: String) {
            guard let index = open.lastIndex(where: { $0.safe.name == name }) else {
                let known = InlineHTMLPolicy.allowed[name] != nil
                return drop(node, origin, known ? "`</\(name)>` closes no open `<\(name)>` in this paragraph: it is dropped"
                                                : "raw HTML `</\(name)>` is dropped: only the inline tags \(InlineHTMLPolicy.allowedList) are kept")
            }
            for unclosed in open[(index + 1)...].reversed() {
                drop(unclosed.node, unclosed.origin, "`<\(unclosed.safe.name)>` is not closed before `</\(name)>`: the tag is dropped, its text kept")
            }
            let opening = open[index]
            open.removeSubrange(index...)
            wrap(from: opening.node, to: node, safe: opening.safe)
        }

        /// The nodes between the two tags move into one custom node, written from the parsed tag.
        private func wrap(from opening: MarkdownNode, to closing: MarkdownNode, safe: InlineHTMLPolicy.Safe) {
            let role: MarkdownNode.Role? = safe.name == "kbd" ? nil : safe.name == "abbr" ? .abbreviation : .container
            let element = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: safe.markup, exit: "</\(safe.name)>", role: role)
            element.place(before: opening)
            var node = opening.next
            while let current = node, current != closing {
                node = current.next
                current.unlink()
                element.append(current)
            }
            opening.unlink()
            closing.unlink()
        }

        private func drop(_ node: MarkdownNode, _ origin: MarkdownDocument, _ message: String) {
            report(node, origin, message)
            node.unlink()
        }

        private func report(_ node: MarkdownNode, _ origin: MarkdownDocument, _ message: String) {
            let firstLine = node.literal.utf8.prefix { $0 != 10 && $0 != 13 }
            document.problems.append(.warning(message, at: origin.location(of: Array(firstLine), near: node), code: "raw-html"))
        }

        private func excerpt(_ literal: String) -> String {
            let line = literal.prefix { $0 != "\n" && $0 != "\r" }
            return line.count > 40 ? line.prefix(40) + "…" : String(line)
        }

        private func allowedAttributes(_ tag: String) -> String {
            let names = (InlineHTMLPolicy.allowed[tag] ?? []).union(InlineHTMLPolicy.global).sorted()
            return names.count == 1 ? "is only \(names[0])" : "are only " + names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}
