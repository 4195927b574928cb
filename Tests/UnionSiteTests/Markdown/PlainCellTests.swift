import Ccmark
import Testing
@testable import UnionSite

/// `FragmentText.isPlainText`: a table cell it passes becomes a text node without a parse, so
/// it must be exactly what cmark makes of the cell.
@Suite("Plain table cells")
struct PlainCellTests {
    /// What cmark makes of `text` as a paragraph: its one text node's literal, or nil.
    func parsedAsOneTextNode(_ text: String) -> String? {
        let document = markdown(text)
        guard let paragraph = MarkdownNode(document.root).firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
              paragraph.next == nil, let node = paragraph.firstChild, node.type == CMARK_NODE_TEXT, node.next == nil else { return nil }
        return node.literal
    }

    @Test("the cells of a pay table are plain; Markdown, smart punctuation and block starts are not")
    func examples() {
        for plain in ["Grade 1", "412.50", "£412.50", "after a year", "2025", "(see below)", "Band 3: 10:30", "a-b", "é"] {
            #expect(FragmentText.isPlainText(plain), "\(plain)")
        }
        for marked in ["", "*entry*", "`LA` scale", "see the [guide](x.md)", "1. first", "3) third", "# heading", "a...b", "a--b",
                       "don't", "\"quoted\"", "a & b", "a\\|b", "x<br>", "- item", "  padded", "trailing ", "a_b", "wow!"] {
            #expect(!FragmentText.isPlainText(marked), "\(marked)")
        }
    }

    @Test("every text it calls plain parses to one text node holding that text, on random cells")
    func agreesWithCmark() {
        let alphabet: [String] = ["a", "Z", "1", "9", " ", ".", "-", "(", ")", "£", "'", "\"", "*", "_", "&", "<", ">", "!", "[", "]",
                                  "`", "\\", "#", "+", ":", "~", "|", "=", "\t", "é", "\u{00A0}", "x", "4"]
        var generator = SystemRandomNumberGenerator()
        var plain = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            guard FragmentText.isPlainText(text) else { continue }
            plain += 1
            #expect(parsedAsOneTextNode(text) == text, "\(text.debugDescription)")
        }
        #expect(plain > 500)
    }

    @Test("a plain footnote made without a parse is the tree and the HTML its parse gives, on random notes")
    func plainNotesMatchTheirParse() {
        let alphabet: [String] = ["a", "Z", "1", " ", ".", "-", "(", ")", "£", "|", ":", "é", "\u{00A0}", "x", "MAT", "4"]
        var generator = SystemRandomNumberGenerator()
        let body = markdown("Body.")
        var plain = 0
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            guard FragmentText.isPlainText(text) else { continue }
            plain += 1
            let lines = [LineOrigin(line: 3, shift: 7)]
            let made = MarkdownDocument(plainText: text, lines: lines, parent: body)
            let parsed = MarkdownDocument(fragment: text, lines: lines, parent: body)
            #expect(made.html() == parsed.html(), "\(text.debugDescription)")
            #expect(MarkdownNode(made.root).children.map(\.type) == MarkdownNode(parsed.root).children.map(\.type))
            #expect(MarkdownNode(made.root).firstChild?.children.map(\.literal) == MarkdownNode(parsed.root).firstChild?.children.map(\.literal))
        }
        #expect(plain > 500)
    }
}
