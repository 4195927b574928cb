import Foundation
import Testing
@testable import UnionSite

/// The Link stage on a `Site` value made in the test, with no file read: what it resolves,
/// rejects, records as backlinks and glossary uses, and the hrefs it hands to Render.
@Suite("Link stage, in memory")
struct LinkStageInMemoryTests {
    static let settings = SiteSettings(title: "In memory", baseURL: "https://example.org/members/", language: "en-GB",
                                       description: nil, organisation: nil, nav: [], timeZone: TimeZone(identifier: "UTC")!,
                                       autolink: true, disabledWarnings: [], params: [], location: SourceLocation(path: "content/site.yaml"))

    static func item(_ id: String, _ kind: ContentKind, body: String, url: SitePath) -> ContentItem {
        let path = "content/" + id
        return ContentItem(id: id, kind: kind, title: id, summary: "Summary of \(id).", slug: url.value, url: url,
                           location: SourceLocation(path: path), body: MarkdownSource(text: body, path: path, firstLine: 4),
                           autolink: nil, params: [], reviewBy: nil, changes: [], language: nil, translationKey: id)
    }

    static func site(article body: String) -> Site {
        let article = Article(item: item("articles/one.md", .article, body: body, url: .folder("articles", "one")),
                              date: ContentDate.parse("2026-01-01", timeZone: .gmt)!, updated: nil, tags: [], author: nil, draft: false)
        let term = GlossaryTerm(term: "academy", definition: "A school.", aliases: ["academies"], chapterID: "guide/academies.md",
                                location: SourceLocation(path: "content/guide/academies.md", line: 5))
        let chapter = GuideChapter(item: item("guide/academies.md", .guideChapter, body: "## What an academy is\n\nText.\n",
                                              url: .folder("guide", "academies")), order: 1, terms: [term])
        return Site(settings: settings, buildDate: Day("2026-11-29")!, includeDrafts: false, articles: [article], principleDocuments: [],
                    chapters: [chapter], guideIndex: nil, pages: [], vacancies: [], glossary: [term], staticFiles: [],
                    templates: [:], leftOut: [:], warnings: [])
    }

    @Test("a link to a heading resolves to its href and becomes a backlink; the glossary term is found in the text")
    func resolves() throws {
        let linked = try Linker.link(Self.site(article: "Academies explained: [what they are](../guide/academies.md#what-an-academy-is).\n"))
        let document = try #require(linked.documents[.item("articles/one.md")])
        #expect(document.hrefs["../guide/academies.md#what-an-academy-is"] == "/members/guide/academies/#what-an-academy-is")
        #expect(linked.backlinks[.item("guide/academies.md")] == [Citation(source: .item("articles/one.md"), fragment: "what-an-academy-is")])
        #expect(linked.glossaryUses[GlossaryEntryID(0)] == [.item("articles/one.md")])
    }

    @Test("backlinks and glossary uses come sorted by citing page, then fragment, each once, whatever the pages' order")
    func sortedCitations() throws {
        let chapterSite = Self.site(article: "")
        func article(_ name: String, _ body: String) -> Article {
            Article(item: Self.item("articles/\(name).md", .article, body: body, url: .folder("articles", name)),
                    date: ContentDate.parse("2026-01-01", timeZone: .gmt)!, updated: nil, tags: [], author: nil, draft: false)
        }
        let articles = [
            article("z", "[b](../guide/academies.md#what-an-academy-is), [a](../guide/academies.md), academies and "
                + "[c](../guide/academies.md#what-an-academy-is).\n"),
            article("a", "[x](../guide/academies.md#what-an-academy-is) and academies.\n"),
            article("m", "[y](../guide/academies.md).\n"),
        ]
        let site = Site(settings: Self.settings, buildDate: Day("2026-11-29")!, includeDrafts: false, articles: articles, principleDocuments: [],
                        chapters: chapterSite.chapters, guideIndex: nil, pages: [], vacancies: [], glossary: chapterSite.glossary,
                        staticFiles: [], templates: [:], leftOut: [:], warnings: [])
        let linked = try Linker.link(site)
        #expect(linked.backlinks[.item("guide/academies.md")] == [
            Citation(source: .item("articles/a.md"), fragment: "what-an-academy-is"),
            Citation(source: .item("articles/m.md"), fragment: nil),
            Citation(source: .item("articles/z.md"), fragment: nil),
            Citation(source: .item("articles/z.md"), fragment: "what-an-academy-is"),
        ])
        #expect(linked.glossaryUses[GlossaryEntryID(0)] == [.item("articles/a.md"), .item("articles/z.md")])
    }

    @Test("a missing page and a missing heading are errors at the link's line and column in the file")
    func rejects() {
        let site = Self.site(article: "See [nothing](../guide/none.md).\n\nAnd [a heading](../guide/academies.md#nope).\n")
        do {
            _ = try Linker.link(site)
            Issue.record("linked a site with broken links")
        } catch {
            #expect(error.items.map(\.description) == [
                "content/articles/one.md:4:5: error: link to content/guide/none.md, which does not exist",
                "content/articles/one.md:6:5: error: link to #nope on content/guide/academies.md, which has no such heading or anchor",
            ])
        }
    }
}
