import Testing
@testable import UnionSite

/// The guidance syntax, body by body: exact HTML for each construct and the exact
/// diagnostic, line and column for each mistake.
@Suite("Guidance Markdown")
struct GuidanceMarkdownTests {
    /// A body as the Render stage writes it (no heading ids needed unless given).
    func html(_ text: String, idPrefix: String = "", headingIDs: [String] = []) -> String {
        let document = markdown(text)
        let facts = DocumentFacts.collect(document, numberPrinciples: false)
        GuidanceMarkup.apply(document, idPrefix: idPrefix, headingOffset: 0, headingIDs: headingIDs.isEmpty ? facts.headings.map(\.id) : headingIDs)
        return document.html()
    }

    func problems(_ text: String) -> [String] {
        DocumentFacts.collect(markdown(text), numberPrinciples: false).problems.map(\.description)
    }

    // MARK: Tables

    @Test("a pipe table with a caption, alignments and a row header")
    func table() {
        let body = "Table: Weekly pay by grade\n| Grade | Pay | Band |\n|:---|---:|:---:|\n| # Grade 1 | £100 | *A* |\n"
        #expect(html(body) == """
        <div class="table-region" role="region" tabindex="0" aria-labelledby="table-1"><table>
        <caption id="table-1">Weekly pay by grade</caption>
        <thead>
        <tr>
        <th scope="col">Grade</th><th scope="col" class="numeric">Pay</th><th scope="col" class="centre">Band</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <th scope="row">Grade 1</th><td class="numeric">£100</td><td class="centre"><em>A</em></td>
        </tr>
        </tbody>
        </table></div>

        """)
    }

    @Test("a caption as its own paragraph above the table is used and not printed again")
    func captionParagraph() {
        let out = html("Table: Allowances\n\n| a |\n|---|\n| 1 |\n")
        #expect(out.contains("<caption id=\"table-1\">Allowances</caption>"))
        #expect(!out.contains("<p>Table:"))
    }

    @Test("escaped pipes stay in the cell, also inside code; short rows are padded")
    func escapedPipes() {
        let out = html("| a | b |\n|---|---|\n| x \\| y | `p\\|q` |\n| only |\n")
        #expect(out.contains("<td>x | y</td><td><code>p|q</code></td>"))
        #expect(out.contains("<td>only</td><td></td>"))
    }

    @Test("without a caption the table is named by the nearest heading above, else by its number")
    func tableNames() {
        #expect(html("## Pay\n\n| a |\n|---|\n| 1 |\n").contains("aria-labelledby=\"pay\""))
        #expect(html("| a |\n|---|\n| 1 |\n").contains("aria-label=\"Table 1\""))
        #expect(html("## Pay\n\n| a |\n|---|\n", idPrefix: "ch--").contains("aria-labelledby=\"ch--pay\""))
    }

    @Test("pipes without a delimiter row stay a paragraph; a table in fenced code stays code")
    func notTables() {
        #expect(html("a | b\nc | d\n") == "<p>a | b\nc | d</p>\n")
        #expect(html("```\n| a |\n|---|\n```\n").contains("<pre tabindex=\"0\"><code>| a |\n|---|\n</code></pre>"))
    }

    @Test("lines above the table in the same paragraph stay a paragraph")
    func preLines() {
        let out = html("Pay rises from April.\n| a |\n|---|\n| 1 |\n")
        #expect(out.hasPrefix("<p>Pay rises from April.</p>\n<div class=\"table-region\""))
    }

    @Test("cells that look like blocks stay text")
    func blockLikeCells() {
        let out = html("| a | b | c |\n|---|---|---|\n| > x | 1. y | - z |\n")
        #expect(out.contains("<td>&gt; x</td><td>1. y</td><td>- z</td>"))
    }

    @Test("a table inside a quotation and a list item")
    func nestedTables() {
        #expect(html("> | a |\n> |---|\n> | 1 |\n").contains("<blockquote>\n<div class=\"table-region\""))
        #expect(html("- item\n\n  | a |\n  |---|\n  | 1 |\n").contains("<td>1</td>"))
    }

    @Test("a row with more cells than the header is a warning at its first extra cell")
    func extraCells() {
        #expect(problems("| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n") == [
            "content/guide/test.md:3:11: warning: this table row has 4 cells but the header has 2: the last 2 cells are dropped (GFM drops them without a word)",
        ])
    }

    @Test("links in cells are facts at their own line and column")
    func linksInCells() {
        let facts = DocumentFacts.collect(markdown("Intro\n\n| a | b |\n|---|---|\n| x | [pay](pay.md#rates) |\n"), numberPrinciples: false)
        #expect(facts.links.map(\.destination) == ["pay.md#rates"])
        #expect(facts.links.first?.location.description == "content/guide/test.md:5:7")
    }

    // MARK: Alerts

    @Test("notes, tips and important points are insets with a visible title")
    func insets() {
        #expect(html("> [!NOTE]\n> Keep a copy.\n") == "<div class=\"alert alert-note\" role=\"note\">\n<p class=\"alert-title\">Note</p>\n<p>Keep a copy.</p>\n</div>\n")
        #expect(html("> [!tip]\n> Ask a rep.\n").contains("<p class=\"alert-title\">Tip</p>"))
        #expect(html("> [!IMPORTANT]\n> Read this.\n").contains("alert-important"))
    }

    @Test("warnings and cautions say the word, beside an icon hidden from screen readers")
    func warnings() {
        let out = html("> [!WARNING]\n> Do not sign.\n>\n> - not yet\n")
        #expect(out.hasPrefix("<div class=\"alert alert-warning\" role=\"note\">\n<p class=\"alert-title\"><span class=\"alert-icon\" aria-hidden=\"true\">!</span> Warning</p>\n<p>Do not sign.</p>\n<ul>"))
        #expect(html("> [!CAUTION]\n> Careful.\n").contains("</span> Caution</p>"))
    }

    @Test("ordinary quotations, and markers not on the first line, stay quotations")
    func plainQuotes() {
        #expect(html("> Just a quote.\n") == "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n")
        #expect(html("> First line\n> [!NOTE]\n").hasPrefix("<blockquote>"))
    }

    @Test("an unknown type is an error; a nested marker or text beside it a warning")
    func alertProblems() {
        #expect(problems("> [!DANGER]\n> x\n") == [
            "content/guide/test.md:1:3: error: unknown alert type `[!DANGER]`: use NOTE, TIP, IMPORTANT, WARNING or CAUTION",
        ])
        #expect(problems("- item\n\n  > [!NOTE]\n  > x\n") == [
            "content/guide/test.md:3:5: warning: `[!NOTE]` makes an alert only at the top level of a page, not inside a list, quotation or footnote: this stays a quotation",
        ])
        #expect(problems("> > [!NOTE]\n> > x\n").count == 1)
        #expect(problems("> [!NOTE] Text\n").first?.contains("put the alert's text on the line after") == true)
    }

    // MARK: Footnotes

    @Test("references say what they are and notes link back to each reference")
    func footnotes() {
        let out = html("A claim.[^survey] Again.[^survey]\n\n[^survey]: The 2026 survey.\n")
        #expect(out == """
        <p>A claim.<sup class="footnote-ref"><a href="#fn-survey" id="fnref-survey">[footnote 1]</a></sup> Again.<sup class="footnote-ref"><a href="#fn-survey" id="fnref-survey-2">[footnote 1]</a></sup></p>
        <section class="footnotes" aria-labelledby="footnotes">
        <h2 id="footnotes">Footnotes</h2>
        <ol>
        <li id="fn-survey">
        <p>The 2026 survey. <a href="#fnref-survey" class="footnote-back">Back to reference 1</a> <a href="#fnref-survey-2" class="footnote-back">Back to reference 2</a></p>
        </li>
        </ol>
        </section>

        """)
    }

    @Test("notes are numbered by first reference; a definition with a URL is still a note")
    func numbering() {
        let out = html("B[^b] then A[^a].\n\n[^a]: https://example.org/a\n[^b]: Note b.\n")
        #expect(out.contains("href=\"#fn-b\" id=\"fnref-b\">[footnote 1]"))
        #expect(out.contains("href=\"#fn-a\" id=\"fnref-a\">[footnote 2]"))
        #expect(out.range(of: "<li id=\"fn-b\">")!.lowerBound < out.range(of: "<li id=\"fn-a\">")!.lowerBound)
    }

    @Test("a note may have several paragraphs by indentation, and a link checked like any")
    func longNotes() {
        let body = "Claim.[^n]\n\n[^n]: First paragraph with [a link](pay.md).\n\n    Second paragraph.\n\nAfter.\n"
        let out = html(body)
        #expect(out.contains("<p>First paragraph with <a href=\"pay.md\">a link</a>.</p>\n<p>Second paragraph. <a href=\"#fnref-n\""))
        #expect(out.contains("<p>After.</p>\n<section"))
        let facts = DocumentFacts.collect(markdown(body), numberPrinciples: false)
        #expect(facts.links.first?.location.description == "content/guide/test.md:3:28")
    }

    @Test("ids carry the page's prefix on the printable guide, and headings cannot take them")
    func prefixedIDs() {
        let out = html("X[^a]\n\n## Footnotes\n\n[^a]: y\n", idPrefix: "pay--")
        #expect(out.contains("id=\"pay--fnref-a\""))
        #expect(out.contains("<li id=\"pay--fn-a\">"))
        let facts = DocumentFacts.collect(markdown("X[^a]\n\n## Footnotes\n\n[^a]: y\n"), numberPrinciples: false)
        #expect(facts.headings.map(\.id) == ["footnotes-1"])
        #expect(facts.anchors.isSuperset(of: ["fn-a", "fnref-a", "footnotes"]))
    }

    @Test("a missing definition is an error; an unused one and a repeat are warnings")
    func footnoteProblems() {
        #expect(problems("Text [^nope] here.\n") == [
            "content/guide/test.md:1:6: error: footnote `[^nope]` has no definition: add a line `[^nope]: …`",
        ])
        #expect(problems("Text.\n\n[^a]: unused\n") == [
            "content/guide/test.md:3:1: warning: footnote `[^a]` is never referenced: it is left out",
        ])
        #expect(problems("X[^a]\n\n[^a]: one\n[^a]: two\n") == [
            "content/guide/test.md:4:1: warning: footnote `[^a]` is defined again: the definition at line 3 is used",
        ])
    }

    @Test("a table and a code block inside a note get their markup too")
    func tableInNote() {
        let out = html("X[^t]\n\n[^t]: Rates:\n\n    | a |\n    |---|\n    | 1 |\n\n    ```\n    code\n    ```\n")
        #expect(out.contains("<div class=\"table-region\" role=\"region\" tabindex=\"0\" aria-label=\"Table 1\"><table>"))
        #expect(out.contains("<pre tabindex=\"0\"><code>code\n</code></pre>"))
    }

    @Test("references in code stay text, definitions in fenced code stay code")
    func footnotesInCode() {
        let out = html("`x[^a]`\n\n```\n[^a]: not a note\n```\n")
        #expect(out.contains("<code>x[^a]</code>"))
        #expect(out.contains("[^a]: not a note"))
    }

    // MARK: Abbreviations

    @Test("every occurrence on word boundaries, longest first, case-sensitive, definitions not printed")
    func abbreviations() {
        let out = html("The MAT and HRM, HR, MATs and mat.\n\n*[MAT]: multi-academy trust\n*[HR]: human resources\n*[HRM]: human resource management\n")
        #expect(out == "<p>The <abbr title=\"multi-academy trust\">MAT</abbr> and <abbr title=\"human resource management\">HRM</abbr>, <abbr title=\"human resources\">HR</abbr>, MATs and mat.</p>\n")
    }

    @Test("never inside headings, links or code")
    func abbreviationsLeftAlone() {
        let out = html("# MAT\n\n[MAT](x.md) `MAT`\n\n*[MAT]: multi-academy trust\n")
        #expect(!out.contains("<abbr"))
    }

    @Test("an empty expansion is an error")
    func emptyAbbreviation() {
        #expect(problems("MAT\n\n*[MAT]:\n") == [
            "content/guide/test.md:3:1: error: abbreviation `MAT` has no expansion: write `*[MAT]: what it stands for`",
        ])
    }

    // MARK: Inline HTML

    @Test("allowlisted tags are written again with safe attributes only")
    func allowedTags() {
        #expect(html("A <abbr title=\"multi-academy trust\" class=\"x\">MAT</abbr>.\n") == "<p>A <abbr title=\"multi-academy trust\">MAT</abbr>.</p>\n")
        #expect(html("H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <q cite=\"https://example.org/\">q</q>.\n")
            == "<p>H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <q cite=\"https://example.org/\">q</q>.</p>\n")
        #expect(html("Line<br>break and <span lang=\"cy\" dir=\"ltr\" style=\"x\">Cymraeg</span>\n")
            == "<p>Line<br>break and <span lang=\"cy\" dir=\"ltr\">Cymraeg</span></p>\n")
        #expect(html("<time datetime=\"2026-03-04\">4 March</time>\n") == "<p><time datetime=\"2026-03-04\">4 March</time></p>\n")
    }

    @Test("other tags are dropped with a warning at their column, their text kept")
    func droppedTags() {
        #expect(html("Hi <font color=red>there</font>.\n") == "<p>Hi there.</p>\n")
        #expect(problems("Hi <font>there</font>.\n").first
            == "content/guide/test.md:1:4: warning: raw HTML `<font>` is dropped (its text is kept): only the inline tags abbr, bdi, bdo, br, cite, del, dfn, ins, kbd, q, s, small, span, sub, sup, time and wbr are kept")
    }

    @Test("an opening tag without its closing tag in the same paragraph is dropped")
    func unclosed() {
        #expect(html("<sub>one\n\ntwo</sub>\n") == "<p>one</p>\n<p>two</p>\n")
        #expect(problems("a <abbr title=x>b\n").first?.hasSuffix("`<abbr>` is not closed in the same paragraph: the tag is dropped, its text kept") == true)
    }
}
