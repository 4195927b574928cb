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

    @Test("each offset's run and the run's start, for ascending offsets into the joined text")
    func runsOfOffsets() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let parts = (0..<Int.random(in: 0...8, using: &generator)).map { _ in String(repeating: "é", count: Int.random(in: 0...4, using: &generator)) }
            let runs = TextRuns(parts)
            // Every offset that is in a run (not a line feed between runs), with its run by brute force.
            var expected: [(offset: Int, index: Int, start: Int)] = []
            var start = 0
            for (index, part) in parts.enumerated() {
                for offset in start..<(start + part.utf8.count) { expected.append((offset, index, start)) }
                start += part.utf8.count + 1
            }
            let picked = expected.filter { _ in Bool.random(using: &generator) }
            let found = runs.runs(of: picked.map(\.offset))
            #expect(found.map(\.index) == picked.map(\.index))
            #expect(found.map(\.start) == picked.map(\.start))
        }
    }
}
