import Testing
@testable import UnionSite

@Suite("DocumentFacts")
struct DocumentFactsTests {
    let principles = """
    Intro text.

    ## Independence is crucial

    Body.

    ### A sub-point

    ## Fair pay

    ## Independence is crucial

    """

    @Test("each ## heading of a principle document is numbered 1, 2, 3 in order")
    func numbering() {
        let facts = DocumentFacts.collect(markdown(principles), numberPrinciples: true)
        let numbered = facts.headings.filter { $0.principleNumber != nil }
        #expect(numbered.map(\.principleNumber) == [1, 2, 3])
        #expect(numbered.map(\.text) == ["Independence is crucial", "Fair pay", "Independence is crucial"])
        #expect(numbered.map(\.id) == ["independence-is-crucial", "fair-pay", "independence-is-crucial-1"])
        #expect(facts.headings.first { $0.level == 3 }?.principleNumber == nil)
    }

    @Test("principle anchors are among the page's anchors")
    func principleAnchors() {
        let facts = DocumentFacts.collect(markdown(principles), numberPrinciples: true)
        #expect(facts.anchors.isSuperset(of: ["principle-1", "principle-2", "principle-3", "a-sub-point", "fair-pay"]))
        #expect(!facts.anchors.contains("principle-4"))
    }

    @Test("a heading cannot take a principle anchor's id (no duplicate ids on the page)")
    func principleAnchorsReserved() {
        let facts = DocumentFacts.collect(markdown("## Principle 2\n\n## Principle 1\n"), numberPrinciples: true)
        let ids = facts.headings.map(\.id) + facts.headings.compactMap { $0.principleNumber.map(DocumentFacts.principleAnchor) }
        #expect(Set(ids).count == ids.count, "\(ids)")
    }

    @Test("other documents have no principle numbers")
    func noNumbering() {
        let facts = DocumentFacts.collect(markdown(principles), numberPrinciples: false)
        #expect(facts.headings.allSatisfy { $0.principleNumber == nil })
        #expect(!facts.anchors.contains("principle-1"))
    }

    @Test("heading lines are file lines (body offset added)")
    func headingLines() {
        let facts = DocumentFacts.collect(markdown(principles, firstLine: 6), numberPrinciples: true)
        #expect(facts.headings.map(\.line) == [8, 12, 14, 16])
    }

    @Test("heading ids use the plain text, including inline code and emphasis")
    func headingText() {
        let facts = DocumentFacts.collect(markdown("# The `slug:` *key*\n"), numberPrinciples: false)
        #expect(facts.headings.first?.id == "the-slug-key")
    }

    @Test("links and images are collected with file line and column")
    func links() {
        let text = "Intro\n\nSee [pay](../articles/pay.md) and ![logo](/files/logo.png).\n\n- item\n  - [deep](x.md#frag)\n"
        let facts = DocumentFacts.collect(markdown(text, path: "content/guide/a.md", firstLine: 5), numberPrinciples: false)
        #expect(facts.links.map(\.destination) == ["../articles/pay.md", "/files/logo.png", "x.md#frag"])
        #expect(facts.links.map(\.isImage) == [false, true, false])
        #expect(facts.links.map(\.location) == [
            UnionSite.SourceLocation(path: "content/guide/a.md", line: 7, column: 5),
            UnionSite.SourceLocation(path: "content/guide/a.md", line: 7, column: 35),
            UnionSite.SourceLocation(path: "content/guide/a.md", line: 10, column: 5),
        ])
        #expect(facts.links.first?.text == "pay")
    }

    @Test("a link after a soft line break gets its real column")
    func columnAfterSoftBreak() {
        let facts = DocumentFacts.collect(markdown("First line of text\nthen [a link](x.md) here\n"), numberPrinciples: false)
        #expect(facts.links.first?.location.line == 2)
        #expect(facts.links.first?.location.column == 6)
    }

    @Test("a link after a soft line break in a CRLF file gets its real column")
    func columnAfterSoftBreakCRLF() {
        let facts = DocumentFacts.collect(markdown("First line of text\r\nthen [a link](x.md) here\r\n"), numberPrinciples: false)
        #expect(facts.links.first?.location.line == 2)
        #expect(facts.links.first?.location.column == 6)
    }

    @Test("body texts skip headings, links and code")
    func texts() {
        let facts = DocumentFacts.collect(markdown("# Heading\n\nPlain *emph* [link text](x.md) `code`\n\n    indented code\n"), numberPrinciples: false)
        let joined = facts.texts.joined(separator: "|")
        #expect(joined.contains("Plain"))
        #expect(joined.contains("emph"))
        #expect(!joined.contains("Heading"))
        #expect(!joined.contains("link text"))
        #expect(!joined.contains("code"))
    }
}
