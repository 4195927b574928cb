import Ccmark
import Foundation
import Testing
@testable import UnionSite

/// Documents parsed into the per-thread arena must render exactly as cmark does with its own
/// allocator, however large they are, however many are open at once, on every core.
@Suite struct CmarkArenaTests {
    /// cmark's own Markdown-to-HTML, with `malloc`: the reference.
    private static func reference(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let html = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_markdown_to_html($0.baseAddress, $0.count, MarkdownDocument.options) }
        }!
        defer { free(html) }
        return String(cString: html)
    }

    private static let samples: [String] = [
        "",
        "# Title\n\nA *short* body with a [link](a.md) and `code`.",
        "> quote\n\n- one\n- two\n\n1. first\n2. second\n\n```swift\nlet x = 1\n```\n",
        // Larger than one arena block (512 KiB): the tree and the HTML buffer need more blocks.
        String(repeating: "## Heading with “smart” quotes\n\nA paragraph -- with dashes... and **strong** text. ", count: 12_000),
        // One text node larger than a block: a single allocation bigger than the block size.
        String(repeating: "x", count: 1_200_000),
        String(repeating: "- [ ] nested\n  - deeper [l](b.md)\n", count: 5_000),
    ]

    @Test(arguments: samples.indices)
    func aDocumentRendersAsCmarkDoes(_ index: Int) {
        #expect(markdown(Self.samples[index]).html() == Self.reference(Self.samples[index]))
    }

    @Test func documentsOpenAtOnceOnOneThreadKeepTheirTrees() {
        let first = markdown(Self.samples[3])
        do {
            let second = markdown(Self.samples[4])
            #expect(second.html() == Self.reference(Self.samples[4]))
        }
        // The second is gone but the first is open, so nothing was dropped under it.
        let third = markdown(Self.samples[5])
        #expect(first.html() == Self.reference(Self.samples[3]))
        #expect(third.html() == Self.reference(Self.samples[5]))
    }

    @Test func nodesAddedByPassesLiveInTheArenaToo() {
        let document = markdown("Text.")
        let paragraph = cmark_node_first_child(document.root)
        for index in 0..<20_000 { cmark_node_append_child(paragraph, MarkdownNode.text(" \(index)").pointer) }
        #expect(document.html().hasSuffix(" 19999</p>\n"))
    }

    @Test func everyCoreRendersTheSame() {
        let medium = String(repeating: "Some *text* and [a link](x.md).\n\n", count: 2_000)
        let texts = (0..<400).map { [Self.samples[1], Self.samples[2], medium][$0 % 3] + " \($0)" }
        let html = Parallel.map(texts) { markdown($0).html() }
        #expect(html == texts.map(Self.reference))
    }
}
