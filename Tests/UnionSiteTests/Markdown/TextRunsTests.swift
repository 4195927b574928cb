import Testing
@testable import UnionSite

/// Body text kept as one string with node ends: read back node by node, it must be each node's
/// text, however it was gathered.
@Suite("Text runs")
struct TextRunsTests {
    @Test("read from cmark's nodes as bytes, the runs equal the nodes' literals, also with £, é and emoji")
    func fromNodes() {
        let document = markdown("Pay £412 — *café* rates.\n\nA [link](x.md) then 👩🏽‍🏫 text.\n\n## Heading\n\nLast `code` word.\n")
        let nodes = GlossaryLinking.bodyTextNodes(document)
        let runs = TextRuns(literalsOf: nodes)
        #expect(runs.map(String.init) == nodes.map(\.literal))
        #expect(runs == TextRuns(nodes.map(\.literal)))
        #expect(runs.text == nodes.map { $0.literal + "\n" }.joined())
    }

    @Test("no nodes, and nodes with empty text, keep their places")
    func empty() {
        #expect(TextRuns(literalsOf: []).isEmpty)
        #expect(TextRuns(literalsOf: []).text == "")
        let runs = TextRuns(["", "a", ""])
        #expect(runs.map(String.init) == ["", "a", ""])
    }
}
