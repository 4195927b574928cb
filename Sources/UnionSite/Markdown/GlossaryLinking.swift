import Ccmark

/// Links the first occurrence on a page of each glossary term to its glossary entry.
///
/// Only body text is touched: never inside headings, links or images (code and raw HTML are
/// not text nodes at all). Text nodes are consolidated after parsing, so a term inside
/// `*emphasis*` is one text node and still links.
enum GlossaryLinking {
    /// Chooses which matches link: the first of each entry, skipping excluded entries.
    /// Shared by the Link stage (which terms a page uses) and the render pass (where to link),
    /// so both agree.
    struct FirstOccurrence {
        private var linked: Set<GlossaryEntryID> = []
        let excluded: Set<GlossaryEntryID>

        init(excluded: Set<GlossaryEntryID>) { self.excluded = excluded }

        mutating func filter(_ matches: [GlossaryMatcher.Match]) -> [GlossaryMatcher.Match] {
            matches.filter { !excluded.contains($0.entry) && linked.insert($0.entry).inserted }
        }

    }

    /// Links the matches the Link stage chose (`chosen(in:)`), by body text node index, so the
    /// text is scanned once per build, not once per stage.
    /// - Parameter href: the glossary entry's URL.
    static func apply(_ document: MarkdownDocument, matches: [Int: [GlossaryMatcher.Match]], href: (GlossaryEntryID) -> String) {
        let entries = Set(matches.values.joined().map(\.entry))
        let tags = Dictionary(uniqueKeysWithValues: entries.map { ($0, openingTag(href: href($0))) })
        link(document, matches: matches) { tags[$0]! }
    }

    /// The same with each entry's opening tag made beforehand (`openingTags`, in glossary order).
    /// - Parameter texts: the texts the matches were found in (`DocumentFacts.texts`): debug
    ///   builds check that each matched node still holds its text, so a construct that changed
    ///   which text nodes exist cannot shift every later link without an error.
    /// - Parameter textNodes: the body's text nodes if the caller has them (debug builds check
    ///   they are still what a walk finds).
    static func apply(_ document: MarkdownDocument, matches: [Int: [GlossaryMatcher.Match]], openingTags: [String], texts: TextRuns? = nil,
                      textNodes: [MarkdownNode]? = nil) {
        link(document, matches: matches, texts: texts, textNodes: textNodes) { openingTags[entry: $0] }
    }

    /// Each entry's opening tag, in glossary order (read with `[entry:]`), made once per build rather than once per use.
    static func openingTags(_ glossary: [GlossaryTerm], settings: SiteSettings) -> [String] {
        glossary.map { term in
            let entry = Routes.site.glossaryEntry(anchor: term.anchor)
            return openingTag(href: settings.href(entry.path) + "#" + entry.fragment)
        }
    }

    /// A glossary link's opening tag: the link is a custom node, which safe mode writes as it is.
    static func openingTag(href: String) -> String {
        "<a class=\"glossary-term\" href=\"\(HTML.attribute(href))\">"
    }

    private static func link(_ document: MarkdownDocument, matches: [Int: [GlossaryMatcher.Match]], texts: TextRuns? = nil,
                             textNodes given: [MarkdownNode]? = nil,
                             tag: (GlossaryEntryID) -> String) {
        guard !matches.isEmpty else { return }
        let textNodes = given ?? bodyTextNodes(document)
        assert(given == nil || given == bodyTextNodes(document), "the text nodes handed to the glossary pass are no longer the body's")
        assert(texts.map { texts in texts.count == textNodes.count && matches.keys.allSatisfy { textNodes[$0].literal[...] == texts[$0] } } ?? true,
               "glossary matches no longer line up with the body's text nodes")
        for (index, chosen) in matches.sorted(by: { $0.key < $1.key }) where index < textNodes.count {
            split(textNodes[index], at: chosen, tag: tag)
        }
    }

    /// The matches to link in a body's texts (by text index): the first of each entry.
    static func chosen(in texts: TextRuns, matcher: GlossaryMatcher, excluded: Set<GlossaryEntryID>) -> [Int: [GlossaryMatcher.Match]] {
        guard !matcher.isEmpty else { return [:] }
        var chooser = FirstOccurrence(excluded: excluded)
        var result: [Int: [GlossaryMatcher.Match]] = [:]
        // The whole text in one scan when it can be read as bytes (nearly always): per run,
        // setting up the scan and its result cost as much as matching in a body's short runs.
        // A run's line feed ends any match, as the run's end does (`matchesAcrossRuns`).
        if let found = matcher.matchesAcrossRuns(texts) {
            let chosen = chooser.filter(found)
            // A match may run on past its run's end, across soft line breaks (`TextRuns`): its
            // range then ends beyond the run's text, and `split` takes the rest from the nodes
            // after it. The runs it reaches into lose their first bytes to it, so later
            // matches there count from what is left (`taken`).
            var taken: [Int: Int] = [:]
            for (match, run) in zip(chosen, texts.runs(of: chosen.map(\.range.lowerBound))) {
                let start = run.start + (taken[run.index] ?? 0)
                let local = GlossaryMatcher.Match(range: match.range.lowerBound - start..<match.range.upperBound - start, entry: match.entry)
                result[run.index, default: []].append(local)
                var reached = run.index
                while match.range.upperBound > texts.bounds(of: reached).upperBound, reached + 1 < texts.count {
                    reached += 1
                    taken[reached] = max(0, match.range.upperBound - texts.bounds(of: reached).lowerBound)
                }
            }
            return result
        }
        // Else each run's bytes where they are: a `Substring` made for every run cost as much
        // as matching the glossary in it.
        texts.forEachRun { index, bytes in
            let chosen = chooser.filter(matcher.matches(inUTF8: bytes))
            if !chosen.isEmpty { result[index] = chosen }
        }
        return result
    }

    /// Replaces a text node by text, link, text, … around the chosen matches. The last match
    /// may end past the node's text (`chosen`): the link then also takes the soft line break
    /// after it and the start of the text node after that (`extend`).
    private static func split(_ node: MarkdownNode, at matches: [GlossaryMatcher.Match], tag: (GlossaryEntryID) -> String) {
        var text = node.literal
        let length = text.utf8.count
        var matches = matches
        var overrun = 0
        if let last = matches.last, last.range.upperBound > length {
            overrun = last.range.upperBound - length
            matches[matches.count - 1] = GlossaryMatcher.Match(range: last.range.lowerBound..<length, entry: last.entry)
        }
        // Match ranges are UTF-8 byte offsets (`GlossaryMatcher.matches(in: String)`), always
        // on character boundaries: the pieces are cut from the bytes.
        let pieces: [String] = text.withUTF8 { bytes in
            func piece(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            let count = bytes.count
            var pieces: [String] = []
            var cursor = 0
            for match in matches {
                pieces.append(piece(cursor..<match.range.lowerBound))
                pieces.append(piece(match.range))
                cursor = match.range.upperBound
            }
            pieces.append(piece(cursor..<count))
            return pieces
        }
        // pieces: text, term, text, term, …, text (any text may be empty).
        for (index, match) in matches.enumerated() {
            if !pieces[2 * index].isEmpty { cmark_node_insert_before(node.pointer, MarkdownNode.text(pieces[2 * index]).pointer) }
            let link = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: tag(match.entry), exit: "</a>")
            cmark_node_append_child(link.pointer, MarkdownNode.text(pieces[2 * index + 1]).pointer)
            cmark_node_insert_before(node.pointer, link.pointer)
            if index == matches.count - 1, overrun > 0 { extend(link, after: node, by: overrun) }
        }
        if let rest = pieces.last, !rest.isEmpty {
            node.setLiteral(rest)
        } else {
            cmark_node_unlink(node.pointer)
            cmark_node_free(node.pointer)
        }
    }

    /// Moves into `link` what follows `node` up to `overrun` bytes of the joined text: each soft
    /// line break (one joining byte) and then text, a whole node or its start.
    private static func extend(_ link: MarkdownNode, after node: MarkdownNode, by overrun: Int) {
        var left = overrun
        while left > 0, let softBreak = node.next, softBreak.type == CMARK_NODE_SOFTBREAK,
              let following = softBreak.next, following.type == CMARK_NODE_TEXT {
            softBreak.unlink()
            cmark_node_append_child(link.pointer, softBreak.pointer)
            left -= 1
            let literal = Array(following.literalBytes)
            if left >= literal.count {
                following.unlink()
                cmark_node_append_child(link.pointer, following.pointer)
                left -= literal.count
            } else {
                cmark_node_append_child(link.pointer, MarkdownNode.text(String(decoding: literal[..<left], as: UTF8.self)).pointer)
                following.setLiteral(String(decoding: literal[left...], as: UTF8.self))
                left = 0
            }
        }
    }

    /// Body text nodes in document order (`BodyText`): what the Link stage matched, by index.
    static func bodyTextNodes(_ document: MarkdownDocument) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        BodyText.nodes(document) { nodes.append($0) }
        return nodes
    }
}
