import Testing
@testable import UnionSite

/// `GuidanceMarkup` labels captioned tables without walking the body; a walk is still made
/// for an uncaptioned table (named by the heading above it) and for code blocks, also those
/// that only a footnote's text holds.
@Suite("Guidance markup: which bodies are walked")
struct GuidanceMarkupTests {
    func html(_ text: String) -> String {
        GuidanceMarkdownTests().html(text, idPrefix: "p--")
    }

    @Test("captioned tables are labelled by their captions, numbered in order")
    func captioned() {
        let out = html("Table: One\n| a |\n|---|\n| 1 |\n\nText.[^n]\n\nTable: Two\n| b |\n|---|\n| 2 |\n\n[^n]: A note.\n")
        #expect(out.contains("<div class=\"table-region\" role=\"region\" tabindex=\"0\" aria-labelledby=\"p--table-1\"><table>\n<caption id=\"p--table-1\">One</caption>"))
        #expect(out.contains("aria-labelledby=\"p--table-2\"><table>\n<caption id=\"p--table-2\">Two</caption>"))
    }

    @Test("a code block only a footnote holds is still made focusable beside a captioned table")
    func codeInNote() {
        let out = html("Table: Rates\n| a |\n|---|\n| 1 |\n\nSee.[^c]\n\n[^c]: Run:\n\n        make pay\n")
        #expect(out.contains("<pre tabindex=\"0\"><code>make pay\n</code></pre>"))
        #expect(out.contains("aria-labelledby=\"p--table-1\""))
    }

    @Test("a table without a caption is named by the heading above it")
    func uncaptioned() {
        let out = html("## Pay rates\n\n| a |\n|---|\n| 1 |\n")
        #expect(out.contains("<div class=\"table-region\" role=\"region\" tabindex=\"0\" aria-labelledby=\"p--pay-rates\"><table>"))
    }

    @Test("indented code after a quote or list marker, in a body with a captioned table, an alert or a note, stays focusable",
          arguments: ["Table: Fees\n| a | b |\n|---|---|\n| 1 | 2 |\n\n>     let x = 1\n\n-     let y = 2\n",
                      "> [!NOTE]\n> Some text.\n>\n>     let z = 3\n",
                      "See [^n].\n\n[^n]: Note:\n\n    >     let x = 1\n",
                      "Plain.\r\r    let w = 4\n"])
    func codeAfterMarkers(body: String) {
        let out = html(body)
        #expect(out.contains("<pre tabindex=\"0\"><code>"), "\(out)")
        #expect(!out.contains("<pre><code>"), "\(out)")
    }
}
