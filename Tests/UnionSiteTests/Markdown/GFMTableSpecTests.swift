import Foundation
import Testing
@testable import UnionSite

/// The GFM spec's table examples (198–205) and the footnote cases cmark-gfm's tests cover,
/// checked on the structure unionsite writes: which cells, in which rows, with which content.
@Suite("GFM spec examples")
struct GFMTableSpecTests {
    func html(_ text: String) -> String { GuidanceFuzzTests.rendered(text) }

    /// Rows of cell contents, header row first, read from the output.
    func rows(_ html: String) -> [[String]] {
        let rowPattern = try! NSRegularExpression(pattern: "<tr>\\n(.*?)\\n</tr>", options: [.dotMatchesLineSeparators])
        let cellPattern = try! NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>", options: [.dotMatchesLineSeparators])
        return rowPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { row in
            let text = String(html[Range(row.range(at: 1), in: html)!])
            return cellPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
        }
    }

    @Test("198: a simple table")
    func example198() {
        #expect(rows(html("| foo | bar |\n| --- | --- |\n| baz | bim |\n")) == [["foo", "bar"], ["baz", "bim"]])
    }

    @Test("199: alignment and cells without outer pipes")
    func example199() {
        let out = html("| abc | defghi |\n:-: | -----------:\nbar | baz\n")
        #expect(rows(out) == [["abc", "defghi"], ["bar", "baz"]])
        #expect(out.contains("<th scope=\"col\" class=\"centre\">abc</th><th scope=\"col\" class=\"numeric\">defghi</th>"))
    }

    @Test("200: escaped pipes inside code and strong")
    func example200() {
        #expect(rows(html("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n"))
            == [["f|oo"], ["b <code>|</code> az"], ["b <strong>|</strong> im"]])
    }

    @Test("201: a block quote ends the table")
    func example201() {
        let out = html("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n")
        #expect(rows(out) == [["abc", "def"], ["bar", "baz"]])
        #expect(out.hasSuffix("</table></div>\n<blockquote>\n<p>bar</p>\n</blockquote>\n"))
    }

    @Test("202: a line without pipes is a row; a blank line ends the table")
    func example202() {
        let out = html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n")
        #expect(rows(out) == [["abc", "def"], ["bar", "baz"], ["bar", ""]])
        #expect(out.hasSuffix("</table></div>\n<p>bar</p>\n"))
    }

    @Test("203: a delimiter row with fewer cells than the header is no table")
    func example203() {
        // (Smart punctuation makes the dashes an em dash, as in any paragraph.)
        #expect(html("| abc | def |\n| --- |\n| bar |\n") == "<p>| abc | def |\n| — |\n| bar |</p>\n")
    }

    @Test("204: short rows padded, long rows cut")
    func example204() {
        #expect(rows(html("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n")) == [["abc", "def"], ["bar", ""], ["bar", "baz"]])
    }

    @Test("205: a header without body rows has no tbody")
    func example205() {
        let out = html("| abc | def |\n| --- | --- |\n")
        #expect(rows(out) == [["abc", "def"]])
        #expect(!out.contains("<tbody>"))
    }

    @Test("footnotes: a definition before its reference, and a note that refers to another")
    func footnoteOrder() {
        let out = html("[^b]: B refers on.[^c]\n\nText.[^b]\n\n[^c]: C.\n")
        #expect(out.contains("id=\"fnref-b\">[footnote 1]"))
        #expect(out.contains("id=\"fnref-c\">[footnote 2]"))
        #expect(out.range(of: "<li id=\"fn-b\">")!.lowerBound < out.range(of: "<li id=\"fn-c\">")!.lowerBound)
    }

    @Test("footnotes: labels match without regard to case")
    func footnoteCase() {
        #expect(html("X[^Note]\n\n[^note]: n\n").contains("<li id=\"fn-note\">"))
    }
}
