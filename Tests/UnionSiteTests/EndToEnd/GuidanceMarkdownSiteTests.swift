import Foundation
import Testing
@testable import UnionSite

/// The guidance-markdown fixture built end to end: tables, alerts, footnotes, abbreviations and
/// inline tags on real pages, the printable guide, search, backlinks and the glossary.
@Suite("Guidance Markdown, end to end")
struct GuidanceMarkdownSiteTests {
    static let built = FixtureSite.render("guidance-markdown")
    var site: InMemorySite { get throws { try Self.built.site() } }

    @Test("builds without a warning")
    func clean() throws {
        #expect(try site.warnings.map(\.description) == [])
    }

    @Test("chosen pages match their golden files", arguments: [
        ("guide/contracts/index.html", "guidance-markdown/chapter-contracts.html"),
        ("guide/print/index.html", "guidance-markdown/guide-print.html"),
        ("articles/survey/index.html", "guidance-markdown/article-survey.html"),
    ])
    func golden(path: String, golden: String) throws {
        expectGolden(try site.page(path), named: golden)
    }

    @Test("on the printable guide two chapters' notes with the same label keep unique ids")
    func printIDs() throws {
        let page = try site.page("guide/print/index.html")
        for id in ["contracts--fn-law", "contracts--fnref-law", "trusts--fn-law", "trusts--fnref-law", "contracts--table-1"] {
            #expect(page.components(separatedBy: "id=\"\(id)\"").count == 2, "id \(id) not exactly once")
        }
        #expect(page.contains("<h3 id=\"contracts--footnotes\">Footnotes</h3>"))
    }

    @Test("a link inside a footnote is checked, rewritten and counted as a backlink")
    func footnoteLinks() throws {
        #expect(try site.page("guide/contracts/index.html").contains("<a href=\"/members/guide/trusts/#who-decides\">trusts chapter</a>"))
        #expect(try site.page("guide/trusts/index.html").contains("<li><a href=\"/members/guide/contracts/\">Contracts</a>"))
    }

    @Test("links may point at footnotes and captions on other pages")
    func anchorsAcrossPages() throws {
        #expect(try site.page("guide/trusts/index.html").contains("href=\"/members/guide/contracts/#table-1\""))
        #expect(try site.page("articles/survey/index.html").contains("href=\"/members/articles/survey/#fn-s\""))
    }

    @Test("glossary terms in table cells link")
    func glossaryInCells() throws {
        #expect(try site.page("guide/trusts/index.html").contains("<th scope=\"col\">Can offer a <a class=\"glossary-term\" href=\"/members/guide/glossary/#secondment\">secondment</a></th>"))
    }

    @Test("search indexes the text of tables, alerts and footnotes")
    func search() throws {
        let site = try site
        let terms = ["week": "we", "resign": "re", "different": "di"]
        for (term, file) in terms {
            let index = try #require(site.text("search/terms/\(file).json"))
            #expect(index.contains("\"\(term)\":"), "\(term) not indexed")
        }
    }
}
