import Ccmark
import Foundation
import Testing
@testable import UnionSite

/// Parse once (issue 21): a body's HTML made in the Link stage with slots for its hrefs, filled
/// at render time, must be what rendering the body afresh with those hrefs gives.
@Suite("SlottedHTML")
struct SlottedHTMLTests {
    /// cmark's own href for a URL set on a link node, as `LinkRewriting` sets it.
    static func cmarkHref(_ url: String) throws -> String {
        let document = markdown("[x](y)\n")
        var link: MarkdownNode?
        document.walk { event in if event.entering, event.node.type == CMARK_NODE_LINK { link = event.node } }
        try #require(link).setURL(url)
        let html = document.html()
        let start = try #require(html.range(of: "href=\""))
        let end = try #require(html[start.upperBound...].firstIndex(of: "\""))
        return String(html[start.upperBound..<end])
    }

    @Test("hrefs are escaped exactly as cmark escapes them", arguments: [
        "/guide/academies/#what-an-academy-is", "/a b/", "/x?a=1&b=2", "/it's/", "/café/", "/~user/", "/[x]{y}|z^`\\\"<>",
        "/%41%zz/", "/\u{7F}\u{01}\t/", "/ŵ-ŷ/#fragment-ŵ", "/!$()*+,;=:@/",
    ])
    func escaping(url: String) throws {
        #expect(CmarkHref.escape(url) == (try Self.cmarkHref(url)))
    }

    @Test("every ASCII byte is escaped as cmark escapes it")
    func everyASCIIByte() throws {
        for byte in UInt8(1)...UInt8(127) {
            let url = "/a" + String(UnicodeScalar(byte)) + "b"
            #expect(CmarkHref.escape(url) == (try Self.cmarkHref(url)), "byte \(byte)")
        }
    }

    static let body = """
        ## Contracts

        Read [the chapter](../guide/academies.md#what-an-academy-is) and [a vacancy](vacancy:head-2026), \
        [the union](https://example.org/a?b=1&c=2), [this page](#contracts) and [bad](javascript:alert(1)).

        | Grade | Pay |
        |---|---:|
        | [A](../guide/academies.md) | £1 |

        An academy is a school.[^note]

        [^note]: See [the chapter](../guide/academies.md) again.

        """

    static let hrefs = [
        "../guide/academies.md#what-an-academy-is": "/members/guide/academies/#what-an-academy-is",
        "vacancy:head-2026": "/members/vacancies/head-2026/?a=1&b='2'",
        "#contracts": "/members/articles/one/#contracts",
        "../guide/academies.md": "/members/guide/academies/",
        "javascript:alert(1)": "",
    ]

    /// The body rendered as the Render stage renders a body itself: one parse, every href known.
    static func renderedAfresh(_ body: String, glossary: [GlossaryTerm]) -> String {
        let document = markdown(body)
        let facts = DocumentFacts.collect(document, numberPrinciples: false)
        let matches = GlossaryLinking.chosen(in: facts.texts, matcher: GlossaryMatcher(glossary), excluded: [])
        let tags = GlossaryLinking.openingTags(glossary, settings: LinkStageInMemoryTests.settings)
        return BodyPasses.html(document, .init(headings: facts.headings, texts: facts.texts, glossaryMatches: matches, glossaryTags: tags,
                                               resolve: { hrefs[$0] }))
    }

    /// Read with the in-memory site's glossary ("academy", "academies").
    static func read(_ body: String) -> BodyReader.Read {
        let site = LinkStageInMemoryTests.site(article: body)
        let source = LinkSources.Source(key: .item("articles/one.md"), contentPath: "articles/one.md",
                                        body: MarkdownSource(text: body, path: "content/articles/one.md", firstLine: 1),
                                        numbersPrinciples: false, autolink: nil)
        return BodyReader(site).read(source)
    }

    @Test("filled slots give the HTML a second parse would: links in text, cells and notes, external and unsafe links, glossary links")
    func sameAsRenderingAfresh() throws {
        let glossary = LinkStageInMemoryTests.site(article: "").glossary
        let read = Self.read(Self.body)
        let slotted = try #require(read.html)
        #expect(slotted.slots.map(\.destination) == [
            "../guide/academies.md#what-an-academy-is", "vacancy:head-2026", "#contracts", "../guide/academies.md", "../guide/academies.md",
        ])
        #expect(!slotted.text.contains(SlottedHTML.marker))
        let filled = try #require(slotted.filled(Self.hrefs))
        #expect(filled == Self.renderedAfresh(Self.body, glossary: glossary))
        #expect(filled.contains("href=\"/members/vacancies/head-2026/?a=1&amp;b=&#x27;2&#x27;\""))
        #expect(filled.contains("href=\"https://example.org/a?b=1&amp;c=2\""))
        #expect(filled.contains("<a class=\"glossary-term\""))
    }

    @Test("a slot whose destination has no href gives nil, so the body is rendered afresh")
    func missingHref() throws {
        let read = Self.read("[one](a.md) and [two](b.md)\n")
        let slotted = try #require(read.html)
        #expect(slotted.filled(["a.md": "/a/"]) == nil)
        #expect(slotted.filled(["a.md": "/a/", "b.md": "javascript:alert(1)"]) == nil, "an href not rooted at / goes through cmark's check")
        #expect(slotted.filled(["a.md": "/a/", "b.md": "/b/"]) == "<p><a href=\"/a/\">one</a> and <a href=\"/b/\">two</a></p>\n")
    }

    @Test("text that looks like a placeholder is the author's text, not a slot")
    func forgedMarker() throws {
        let body = "qzu0000000000000000q0 and qzu[x](a.md)q1\n"
        let slotted = try #require(Self.read(body).html)
        #expect(slotted.slots.count == 1)
        #expect(slotted.filled(["a.md": "/a/"]) == "<p>qzu0000000000000000q0 and qzu<a href=\"/a/\">x</a>q1</p>\n")
    }

    @Test("principle documents and bodies with images are left to the Render stage")
    func leftToRender() {
        #expect(Self.read("![A chart](/files/chart.png)\n").html == nil)
        let source = LinkSources.Source(key: .item("principles/core.md"), contentPath: "principles/core.md",
                                        body: MarkdownSource(text: "## One\n", path: "content/principles/core.md", firstLine: 1),
                                        numbersPrinciples: true, autolink: nil)
        #expect(BodyReader(LinkStageInMemoryTests.site(article: "x")).read(source).html == nil)
    }
}
