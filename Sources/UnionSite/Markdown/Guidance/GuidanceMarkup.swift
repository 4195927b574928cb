import Ccmark

/// Writes the markup of the guidance nodes that carry ids, for the page a body lands on: the
/// printable guide prefixes every id and nests headings one level deeper. Also makes code
/// blocks keyboard-scrollable (`<pre tabindex="0">`). Labels (alert titles, "Footnotes",
/// "Table 1") are in the page's language (`strings`).
///
/// Runs before `HeadingPass`, while headings are still heading nodes: a table without a
/// caption is named by the nearest heading above it.
enum GuidanceMarkup {
    /// - Parameter headingIDs: the body's heading ids (the Link stage's), in document order.
    static func apply(_ document: MarkdownDocument, idPrefix: String, headingOffset: Int, headingIDs: [String],
                      strings: ThemeStrings = .english) {
        // Most bodies have no table, footnote or code block: no walk for them.
        guard !document.anchored.tables.isEmpty || document.anchored.footnotes != nil || !document.anchored.alerts.isEmpty
                || mayHoldCodeBlocks(document) else { return }
        for (node, kind) in document.anchored.alerts {
            node.setMarkup(enter: kind.enter(HTML.escape(strings.alertTitle(kind))), exit: "</div>")
        }
        var codeBlocks: [MarkdownNode] = []
        // Only a table without a caption (named by the heading above it) or a code block needs
        // a walk; captioned tables are labelled straight from the list.
        if mayHoldCodeBlocks(document) || document.anchored.tables.contains(where: { $0.caption == nil }) {
            codeBlocks = walk(document, idPrefix: idPrefix, headingIDs: headingIDs, strings: strings)
        } else {
            for (index, anchored) in document.anchored.tables.enumerated() {
                table(anchored, number: index + 1, idPrefix: idPrefix, headingLabel: nil, strings: strings)
            }
        }
        codeBlocks.forEach(focusable)
        if let footnotes = document.anchored.footnotes {
            self.footnotes(footnotes, idPrefix: idPrefix, level: min(6, 2 + headingOffset), strings: strings)
        }
    }

    /// Known when the facts' walk has looked (the Link stage's read of a body); else guessed
    /// from the texts, the body's and its notes' (four scans of each).
    private static func mayHoldCodeBlocks(_ document: MarkdownDocument) -> Bool {
        document.walkedCodeBlocks ?? (document.mayHoldCodeBlocks || document.anchored.footnotes?.mayHoldCodeBlocks == true)
    }

    /// Labels each table as the walk reaches it (after the headings above it); returns the code
    /// blocks.
    private static func walk(_ document: MarkdownDocument, idPrefix: String, headingIDs: [String], strings: ThemeStrings) -> [MarkdownNode] {
        let tables = Dictionary(document.anchored.tables.enumerated().map { ($1.region.pointer, $0) }, uniquingKeysWith: { first, _ in first })
        var headings = 0
        var codeBlocks: [MarkdownNode] = []
        document.walk { event in
            guard event.entering else { return }
            switch event.node.type {
            case CMARK_NODE_HEADING: headings += 1
            case CMARK_NODE_CODE_BLOCK: codeBlocks.append(event.node)
            case CMARK_NODE_CUSTOM_BLOCK:
                guard let index = tables[event.node.pointer] else { return }
                let label = headings > 0 ? headingIDs[safe: headings - 1].map { idPrefix + $0 } : nil
                table(document.anchored.tables[index], number: index + 1, idPrefix: idPrefix, headingLabel: label, strings: strings)
            default: break
            }
        }
        return codeBlocks
    }

    /// A scroll container that keyboard users can reach and screen readers can name.
    private static func table(_ table: AnchoredNodes.Table, number: Int, idPrefix: String, headingLabel: String?, strings: ThemeStrings) {
        let name: String
        if let caption = table.caption {
            let id = idPrefix + AnchoredNodes.tableID(number)
            caption.setMarkup(enter: "<caption id=\"\(HTML.attribute(id))\">", exit: "</caption>")
            name = "aria-labelledby=\"\(HTML.attribute(id))\""
        } else if let headingLabel {
            name = "aria-labelledby=\"\(HTML.attribute(headingLabel))\""
        } else {
            name = "aria-label=\"\(HTML.attribute(strings.table(number)))\""
        }
        table.region.setMarkup(enter: "<div class=\"table-region\" role=\"region\" tabindex=\"0\" \(name)><table>", exit: "</table></div>")
    }

    private static func focusable(_ block: MarkdownNode) {
        let info = cmark_node_get_fence_info(block.pointer).map { String(cString: $0) } ?? ""
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { " class=\"language-\(HTML.attribute(String($0)))\"" } ?? ""
        let markup = MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<pre tabindex=\"0\"><code\(language)>\(HTML.escape(block.literal))</code></pre>", exit: "")
        markup.place(before: block)
        block.unlink()
    }

    private static func footnotes(_ footnotes: AnchoredNodes.Footnotes, idPrefix: String, level: Int, strings: ThemeStrings) {
        var markup = NodeMarkup()
        markup.add("<section class=\"footnotes\" aria-labelledby=\"")
        markup.addEscaped(idPrefix)
        markup.addEscaped(AnchoredNodes.footnotesID)
        markup.add("\">\n<h")
        markup.add(level)
        markup.add(" id=\"")
        markup.addEscaped(idPrefix)
        markup.addEscaped(AnchoredNodes.footnotesID)
        markup.add("\">")
        markup.addEscaped(strings.footnotes)
        markup.add("</h")
        markup.add(level)
        markup.add(">\n<ol>")
        markup.setEnter(of: footnotes.section)
        markup.add("</ol>\n</section>")
        markup.setExit(of: footnotes.section)
        for reference in footnotes.references {
            let slug = footnotes.notes[reference.note].slug
            markup.add("<sup class=\"footnote-ref\"><a href=\"#")
            markup.addEscaped(idPrefix)
            markup.addEscaped(AnchoredNodes.noteID(slug))
            markup.add("\" id=\"")
            markup.addEscaped(idPrefix)
            markup.addEscaped(AnchoredNodes.referenceID(slug, occurrence: reference.occurrence))
            markup.add("\">")
            markup.addEscaped(strings.footnoteReference(reference.note + 1))
            markup.add("</a></sup>")
            markup.setEnter(of: reference.node)
        }
        for note in footnotes.notes {
            markup.add("<li id=\"")
            markup.addEscaped(idPrefix)
            markup.addEscaped(AnchoredNodes.noteID(note.slug))
            markup.add("\">")
            markup.setEnter(of: note.item)
            markup.add("</li>")
            markup.setExit(of: note.item)
            let inline = note.backlinks.type == CMARK_NODE_CUSTOM_INLINE
            markup.add(inline ? " " : "<p>")
            for occurrence in 1...max(1, note.references) {
                if occurrence > 1 { markup.add(" ") }
                markup.add("<a href=\"#")
                markup.addEscaped(idPrefix)
                markup.addEscaped(AnchoredNodes.referenceID(note.slug, occurrence: occurrence))
                markup.add("\" class=\"footnote-back\">")
                markup.addEscaped(strings.backToReference(occurrence, of: note.references))
                markup.add("</a>")
            }
            if !inline { markup.add("</p>") }
            markup.setEnter(of: note.backlinks)
        }
    }
}
