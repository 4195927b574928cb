import Ccmark
import Testing
@testable import UnionSite

/// Body text nodes are found two ways: `BodyText.walk` follows node links, and the facts' walk
/// gathers them on its way (with the headings and links the passes rewrite). Both must find
/// exactly what cmark's iterator finds, in order, in the tree the guidance syntax leaves.
@Suite("Body text nodes")
struct BodyTextNodesTests {
    @Test("references, abbreviations, an author's <abbr> and a note citing a note: the facts gather the text they leave, in order")
    func notesAndAbbreviations() {
        let document = markdown("""
        X MAT[^a] y.

        [^a]: Note with [^b] and <abbr title="t">HR</abbr>.
        [^b]: Second MAT.

        *[MAT]: multi-academy trust

        """)
        let gathered = DocumentFacts.collectListingNodes(document, numberPrinciples: false).textNodes
        #expect(gathered == GlossaryLinking.bodyTextNodes(document))
        #expect(gathered.map(\.literal) == ["X ", "MAT", " y.", "Note with ", " and ", "HR", ".", "Second ", "MAT", "."])
    }

    @Test("a table in a note and a reference in a cell are gathered where a walk finds them")
    func tablesInNotes() {
        let document = markdown("| a | b[^t] |\n|---|---|\n| 1 | 2 |\n\n[^t]: Rates:\n\n    | c |\n    |---|\n    | 3 |\n")
        let gathered = DocumentFacts.collectListingNodes(document, numberPrinciples: false).textNodes
        #expect(gathered == GlossaryLinking.bodyTextNodes(document))
        #expect(gathered.map(\.literal) == ["a", "b", "1", "2", "Rates:", "c", "3"])
    }

    /// The walk as first written, with cmark's iterator: every node entered and left, excluded
    /// subtrees and `<abbr>`s counted on the way.
    static func iteratorWalk(_ document: MarkdownDocument) -> [(MarkdownNode, Bool)] {
        var found: [(MarkdownNode, Bool)] = []
        var excluded = 0, abbreviations = 0
        document.walk { event in
            let node = event.node, type = node.type
            let custom = type == CMARK_NODE_CUSTOM_BLOCK || type == CMARK_NODE_CUSTOM_INLINE
            if type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || (custom && node.role == nil) {
                excluded += event.entering ? 1 : -1
            } else if custom, node.role == .abbreviation {
                abbreviations += event.entering ? 1 : -1
            } else if event.entering, type == CMARK_NODE_TEXT, excluded == 0 {
                found.append((node, abbreviations > 0))
            }
        }
        return found
    }

    @Test("the link-following walk and the facts' walk find what cmark's iterator finds, in order, on random guidance and bodies")
    func walkMatchesIterator() async {
        let inputs = FuzzGen.soup(GuidanceFuzzTests.footnoteUnits + GuidanceFuzzTests.tableUnits + GuidanceFuzzTests.tagUnits
                                  + ["## h ", "[a](b) ", "*e* ", "`c` ", "<abbr title=\"x\">", "</abbr>", "- ", "> "], length: 0...200)
        await fuzz(count: 300, input: inputs) { text in
            let document = markdown(text)
            var walked: [(MarkdownNode, Bool)] = []
            BodyText.walk(document) { walked.append(($0, $1)) }
            let expected = Self.iteratorWalk(document)
            #expect(walked.map(\.0) == expected.map(\.0))
            #expect(walked.map(\.1) == expected.map(\.1))
            // The facts' walk gathers the same nodes when nobody listed them, and the headings,
            // links and images in document order, for the passes that rewrite them.
            let listed = DocumentFacts.collectListingNodes(document, numberPrinciples: false)
            #expect(listed.textNodes == expected.map(\.0))
            var headings: [MarkdownNode] = [], links: [MarkdownNode] = []
            document.walk { event in
                guard event.entering else { return }
                switch event.node.type {
                case CMARK_NODE_HEADING: headings.append(event.node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(event.node)
                default: break
                }
            }
            #expect(listed.headingNodes == headings)
            #expect(listed.linkNodes == links)
        }
    }
}

/// The footnote walk passes over blocks whose source cannot give `[^` or an abbreviation: that
/// is only safe if no text node of a skipped block holds one.
@Suite("Reference candidates")
struct ReferenceCandidatesTests {
    static let units = ["MAT", "MA", "T", "AT", "M", "&#77;AT", "M\\AT", "MA<b>T", "MA<x>T", "[&#94;", " ", "s", "[^", "[^n]", "]", "[", "^", "\n", "\n\n", "&#77;", "&amp;", "\\", "\\[", "<b>", "</b>",
                        "<abbr title=\"x\">", "</abbr>", "*", "_", "`", "--", "...", "\"", "'", "é", "[l](x.md)", "> ", "- ", "| a |\n|---|\n",
                        "[^n]: note MAT\n", "*[MAT]: multi-academy trust\n", "## ", "\r", "\r\n", "\r\r\n", "|", "| # ", "\\|", "Table: ",
                        "| MAT | `[^n]` |\n|---:|:---|\n"]

    @Test("no text node of a block the walk passes over holds `[^` or an abbreviation, on random bodies")
    func skippedBlocksHoldNothing() async {
        let matcher = AbbreviationSyntax.Matcher(["MAT": "multi-academy trust"])
        let candidates = ReferenceCandidates(abbreviations: matcher)
        // Custom blocks: a table's region is passed over by its source lines too.
        let blockTypes = [CMARK_NODE_PARAGRAPH, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_CUSTOM_BLOCK]
        await fuzz(count: 1500, input: FuzzGen.soup(Self.units, length: 0...12)) { text in
            let document = markdown(text)
            // With a bare CR the walk reads every block (cmark's line numbers name other bytes).
            guard let enters = candidates.reader(for: document) else {
                #expect(document.hasBareCR)
                return
            }
            var blocks: [MarkdownNode] = []
            document.walk { if $0.entering, blockTypes.contains($0.node.type) { blocks.append($0.node) } }
            for block in blocks where !enters(block) {
                var texts: [String] = []
                BodyText.walk(document) { node, _ in
                    var parent = node.parent
                    while let at = parent, at != block { parent = at.parent }
                    if parent == block { texts.append(node.literal) }
                }
                #expect(!texts.contains { $0.contains("[^") || $0.contains("MAT") }, "\(texts)")
            }
        }
    }

    @Test("a block with `[^`, an abbreviation, an escape, an entity or a tag is read; one with none is not")
    func decisions() {
        let matcher = AbbreviationSyntax.Matcher(["MAT": "multi-academy trust"])
        let candidates = ReferenceCandidates(abbreviations: matcher)
        for (body, reads) in [("Plain words.\n", false), ("A MAT here.\n", true), ("See [^n].\n", true), ("&#77;AT\n", true),
                              ("M\\AT\n", true), ("M<b>AT\n", true), ("Plain\nwords.\n", false),
                              ("- one\n- two\n", false), ("- one\n- a MAT\n", true), ("> quoted\n> words\n", false), ("> see [^n]\n", true)] {
            let document = markdown(body)
            let block = MarkdownNode(document.root).firstChild!
            #expect(candidates.reader(for: document)?(block) == reads, "\(body)")
        }
        // Text after a block does not make the block a candidate.
        let document = markdown("- one\n- two\n\nA MAT.\n")
        let list = MarkdownNode(document.root).firstChild!
        #expect(candidates.reader(for: document)?(list) == false)
        #expect(candidates.reader(for: document)?(list.next!) == true)
        // A table is read by its source lines (and its caption's), like a paragraph.
        for (body, reads) in [("| a | b |\n|---|---|\n| c | d |\n", false), ("| a | b |\n|---|---|\n| c | a MAT |\n", true),
                              ("Table: The MAT\n| a |\n|---|\n| c |\n", true), ("Table: Pay\n\n| a |\n|---|\n| c &amp; d |\n", true)] {
            let document = markdown(body)
            let region = document.anchored.tables.first?.region
            #expect(region != nil, "\(body)")
            #expect(region.flatMap { candidates.reader(for: document)?($0) } == reads, "\(body)")
        }
        let curly = ReferenceCandidates(abbreviations: AbbreviationSyntax.Matcher(["O’C": "x"]))
        #expect(curly.reader(for: markdown("Plain.\n")) == nil)
    }

    @Test("with bare CRs (CR CR LF line ends too), references and abbreviations are still found")
    func bareCarriageReturns() {
        for body in ["Para one.\r\r\n\r\r\nSee note [^a] here, with the MAT.\r\r\n\r\r\n[^a]: The note.\r\r\n*[MAT]: multi-academy trust\r\r\n",
                     "Para one.\r\rSee note [^a] here, with the MAT.\n\n[^a]: The note.\n*[MAT]: multi-academy trust\n"] {
            let document = markdown(body)
            #expect(document.hasBareCR)
            let facts = DocumentFacts.collect(document, numberPrinciples: false)
            GuidanceMarkup.apply(document, idPrefix: "", headingOffset: 0, headingIDs: facts.headings.map(\.id))
            let html = document.html()
            #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-a\""), "\(html)")
            #expect(html.contains("<abbr title=\"multi-academy trust\">MAT</abbr>"), "\(html)")
            #expect(!facts.problems.contains { $0.code == "footnote-unused" })
        }
    }
}
