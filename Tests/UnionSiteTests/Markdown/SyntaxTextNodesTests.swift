import Ccmark
import Testing
@testable import UnionSite

/// The footnote walk lists the body's text nodes as it leaves them, so `BodyReader` need not
/// walk the tree again: the list must be exactly what a fresh walk finds, in the same order.
@Suite("Text nodes listed by the guidance syntax")
struct SyntaxTextNodesTests {
    @Test("references, abbreviations, an author's <abbr> and a note citing a note: the walk's list, in order")
    func notesAndAbbreviations() throws {
        let document = markdown("""
        X MAT[^a] y.

        [^a]: Note with [^b] and <abbr title="t">HR</abbr>.
        [^b]: Second MAT.

        *[MAT]: multi-academy trust

        """)
        let listed = try #require(document.textNodesAfterSyntax)
        #expect(listed == GlossaryLinking.bodyTextNodes(document))
        #expect(listed.map(\.literal) == ["X ", "MAT", " y.", "Note with ", " and ", "HR", ".", "Second ", "MAT", "."])
    }

    @Test("a table in a note and a reference in a cell are listed where a walk finds them")
    func tablesInNotes() throws {
        let document = markdown("| a | b[^t] |\n|---|---|\n| 1 | 2 |\n\n[^t]: Rates:\n\n    | c |\n    |---|\n    | 3 |\n")
        let listed = try #require(document.textNodesAfterSyntax)
        #expect(listed == GlossaryLinking.bodyTextNodes(document))
        #expect(listed.map(\.literal) == ["a", "b", "1", "2", "Rates:", "c", "3"])
    }

    @Test("a body with neither footnotes nor abbreviations lists nothing: BodyReader walks it")
    func plainBody() {
        #expect(markdown("Just *text*.\n").textNodesAfterSyntax == nil)
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
            // The facts' walk gathers the same nodes when nobody listed them.
            #expect(DocumentFacts.collectListingText(document, numberPrinciples: false).textNodes == expected.map(\.0))
        }
    }
}
