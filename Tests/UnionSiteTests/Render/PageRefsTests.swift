import Foundation
import Testing
@testable import UnionSite

/// Backlinks lists: each citing page once, in the order given, however the keys come.
struct PageRefsTests {
    static func refs() -> PageRefs {
        let settings = LinkStageInMemoryTests.settings
        let articles = ["a", "b", "c"].map { name in
            Article(item: LinkStageInMemoryTests.item("articles/\(name).md", .article, body: "", url: .folder("articles", name)),
                    date: ContentDate.parse("2026-01-01", timeZone: .gmt)!, updated: nil, tags: [], author: nil, draft: false)
        }
        let site = Site(settings: settings, buildDate: Day("2026-11-29")!, includeDrafts: false, articles: articles, principleDocuments: [],
                        chapters: [], guideIndex: nil, pages: [], vacancies: [], glossary: [], staticFiles: [], templates: [:], leftOut: [:],
                        warnings: [])
        return PageRefs(site)
    }

    static func titles(_ links: [TemplateValue]) -> [String] { links.map { $0["title"]?.text ?? "?" } }

    @Test("sorted keys with repeats, keys out of order, and keys of no page")
    func eachOnce() {
        let refs = Self.refs()
        let a = PageKey.item("articles/a.md"), b = PageKey.item("articles/b.md"), c = PageKey.item("articles/c.md")
        let none = PageKey.item("articles/none.md")
        #expect(Self.titles(refs.links([a, a, b, c, c, c])) == ["articles/a.md", "articles/b.md", "articles/c.md"])
        #expect(Self.titles(refs.links([c, a, c, b, a])) == ["articles/c.md", "articles/a.md", "articles/b.md"])
        #expect(Self.titles(refs.links([a, b, a, b])) == ["articles/a.md", "articles/b.md"])
        #expect(Self.titles(refs.links([a, none, b, none])) == ["articles/a.md", "articles/b.md"])
        #expect(Self.titles(refs.links([b, b, a])) == ["articles/b.md", "articles/a.md"])
        #expect(refs.links([]).isEmpty)
    }
}
