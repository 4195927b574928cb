import Foundation
import PropertyBased
import Testing
@testable import UnionSite

/// Hostile guidance syntax: tables (10,000-column rows, pipes and backslashes everywhere),
/// alerts, footnotes and inline tags, through every pass a body goes through. None may crash
/// or hang, and no author text may come out as markup.
@Suite("Fuzz: guidance Markdown")
struct GuidanceFuzzTests {
    static let tableUnits = ["|", "\\|", "\\", "`", "| --- |", ":---", "---:", ":-:", "\n", " ", "a", "# ", "[x](a.md)", "*e*",
                             "Table: t\n", "[^n]", "<abbr title=\"x\">", "</abbr>", "> ", "- ", "1. ", "```"]
    static let tables = FuzzGen.soup(tableUnits + FuzzGen.oddCharacters, length: 0...150).map { "| a | b |\n|---|---|\n" + $0 }

    static let alertUnits = ["> ", "> > ", "[!NOTE]", "[!WARNING]", "[!DANGER]", "[!", "]", "\n", "\n\n", "- ", "  ", "text ",
                             "[x](a.md)", "| a |\n|---|\n", "[^n]"]
    static let alerts = FuzzGen.soup(alertUnits + FuzzGen.oddCharacters, length: 0...120)

    static let footnoteUnits = ["[^", "]", "[^n]", "[^n]: ", "[^m]: note\n", "\n", "\n\n", "    ", "\t", "text ", "[x](a.md)",
                                "https://x", "*[MAT]: trust\n", "MAT ", "```\n", "> ", "[^n]:\n"]
    static let footnotes = FuzzGen.soup(footnoteUnits + FuzzGen.oddCharacters, length: 0...150)

    static let tagUnits = ["<", ">", "</", "/>", "abbr", "span", "script", "sub", " title=", "\"", "'", "onclick=", "javascript:",
                           "&#106;", "&amp;", "cite=", "lang=", "dir=", "<scr<script>ipt>", "text", "\n", "=", "x"]
    static let tags = FuzzGen.soup(tagUnits + FuzzGen.oddCharacters, length: 0...120)

    @Test("random tables: every pass runs")
    func randomTables() async {
        await fuzz(count: 200, input: Self.tables) { MarkdownBodyFuzzTests.runPasses($0) }
    }

    @Test("random alerts: every pass runs")
    func randomAlerts() async {
        await fuzz(count: 200, input: Self.alerts) { MarkdownBodyFuzzTests.runPasses($0) }
    }

    @Test("random footnotes and abbreviations: every pass runs")
    func randomFootnotes() async {
        await fuzz(count: 200, input: Self.footnotes) { MarkdownBodyFuzzTests.runPasses($0) }
    }

    @Test("random inline tags: every pass runs and nothing unsafe comes out")
    func randomTags() async {
        await fuzz(count: 200, input: Self.tags) { text in
            MarkdownBodyFuzzTests.runPasses(text)
            HostileHTML.expectSafe(GuidanceFuzzTests.rendered(text), from: text)
        }
    }

    @Test("a 10,000-column row, 10,000 footnotes and 10,000 nested quotes finish")
    func huge() {
        let columns = String(repeating: "| a ", count: 10_000) + "|\n" + String(repeating: "|---", count: 10_000) + "|\n"
            + String(repeating: "| \\| `x` ", count: 10_000) + "|\n"
        let out = Self.rendered(columns)
        #expect(out.components(separatedBy: "<td>").count == 10_001)
        let notes = (0..<10_000).map { "x[^\($0)]" }.joined(separator: " ") + "\n\n" + (0..<10_000).map { "[^\($0)]: n\n" }.joined()
        #expect(Self.rendered(notes).components(separatedBy: "<li id=").count == 10_001)
        MarkdownBodyFuzzTests.runPasses(String(repeating: "> ", count: 10_000) + "[!NOTE]\n")
        MarkdownBodyFuzzTests.runPasses(String(repeating: "<span>", count: 10_000) + "x" + String(repeating: "</span>", count: 10_000) + "\n")
    }

    static func rendered(_ text: String) -> String {
        let document = markdown(text)
        let facts = DocumentFacts.collect(document, numberPrinciples: false)
        GuidanceMarkup.apply(document, idPrefix: "", headingOffset: 0, headingIDs: facts.headings.map(\.id))
        return document.html()
    }
}

/// The output read back as HTML, by a scanner independent of the one that wrote it: every tag
/// is one the site writes, no attribute is an event handler or style, no URL a script.
enum HostileHTML {
    static let siteTags: Set<String> = ["p", "em", "strong", "code", "pre", "a", "br", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4",
                                        "h5", "h6", "hr", "img", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "section",
                                        "sup", "span", "abbr"]

    static func expectSafe(_ html: String, from input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let allowed = siteTags.union(InlineHTMLPolicy.allowed.keys)
        let pattern = try! NSRegularExpression(pattern: "<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
        let range = NSRange(html.startIndex..., in: html)
        for match in pattern.matches(in: html, range: range) {
            let name = String(html[Range(match.range(at: 2), in: html)!]).lowercased()
            let attributes = String(html[Range(match.range(at: 3), in: html)!]).lowercased()
            #expect(allowed.contains(name), "tag <\(name)> in output of \(Fuzz.describe(input))", sourceLocation: sourceLocation)
            #expect(attributes.range(of: #"(^|\s)(on[a-z]+|style|srcdoc|formaction)\s*="#, options: .regularExpression) == nil,
                    "unsafe attribute in <\(name)\(attributes)> from \(Fuzz.describe(input))", sourceLocation: sourceLocation)
            // Titles may say anything (escaped); URLs may not run script.
            #expect(attributes.range(of: #"(href|src|cite)\s*=\s*"\s*(javascript|vbscript|data):"#, options: .regularExpression) == nil,
                    "script URL in <\(name)\(attributes)> from \(Fuzz.describe(input))", sourceLocation: sourceLocation)
        }
        #expect(!html.lowercased().contains("<script"), "a script tag from \(Fuzz.describe(input))", sourceLocation: sourceLocation)
    }
}

@Suite("Hostile inline HTML")
struct HostileInlineHTMLTests {
    static let corpus = [
        "<span onclick=\"alert(1)\" onmouseover=alert(2)>x</span>",
        "<q cite=\"javascript:alert(1)\">q</q>",
        "<q cite=\"&#106;avascript:alert(1)\">q</q>",
        "<q cite=\"&#x6A;avascript&colon;alert(1)\">q</q>",
        "<q cite=\" java\tscript:alert(1)\">q</q>",
        "<q cite=\"//evil.example/\">q</q>",
        "<q cite=\"/\\evil.example/\">q</q>",
        "<scr<script>ipt>alert(1)</script>",
        "<abbr title=\"x\" onfocus=alert(1) autofocus tabindex=0>MAT</abbr>",
        "<abbr title='unclosed>MAT</abbr>",
        "<abbr title=\"a\"b\">MAT</abbr>",
        "<span style=\"background:url(javascript:alert(1))\">x</span>",
        "<a href=\"javascript:alert(1)\">link</a>",
        "<img src=x onerror=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<span data-x=\"1\" role=\"button\" aria-hidden=\"true\" id=\"main\" class=\"c\">x</span>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<time datetime=\"\\\" onload=\\\"x\">t</time>",
        "<bdo dir=\"evil\">x</bdo>",
        "<!-- <script>alert(1)</script> -->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<span lang=\"en\" lang=\"x\\\" onclick=y\">x</span>",
        "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))",
        "| <span onclick=x>a</span> |\n|---|\n| <script>x</script> |",
        "> [!NOTE]\n> <abbr title=\"&quot;><script>alert(1)</script>\">A</abbr>",
        "X[^a]\n\n[^a]: <span onclick=x>note</span>",
        "A <abbr title=\"t\">MAT</abbr>\n\n*[MAT]: \"><script>alert(1)</script>",
    ]

    @Test("no hostile input comes out as markup", arguments: corpus)
    func hostile(input: String) {
        let html = GuidanceFuzzTests.rendered(input + "\n")
        HostileHTML.expectSafe(html, from: input)
        #expect(!html.contains("onclick") || html.contains("&quot;") || !html.contains("onclick="))
    }

    @Test("entities in attributes are decoded then escaped again")
    func entities() {
        #expect(GuidanceFuzzTests.rendered("<abbr title=\"Tom &amp; Jerry &lt;3\">TJ</abbr>\n")
            == "<p><abbr title=\"Tom &amp; Jerry &lt;3\">TJ</abbr></p>\n")
        #expect(GuidanceFuzzTests.rendered("<q cite=\"&#106;avascript:alert(1)\">q</q>\n") == "<p><q>q</q></p>\n")
    }
}
