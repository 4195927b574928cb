import Foundation
import Testing
@testable import UnionSite

/// The member-guide fixture: articles (one draft, one future), a principle document,
/// the guide with a glossary, a page, cross-links and a static file, at a sub-path.
@Suite("Member guide fixture")
struct MemberGuideTests {
    var site: InMemorySite { get throws { try FixtureSite.memberGuide.site() } }

    static let glossaryHref = "/members/guide/glossary/"

    /// The text of the `<h2>` with this id, trimmed; nil when there is none.
    func heading(_ id: String, in html: String) -> String? {
        guard let open = html.range(of: "<h2 id=\"\(id)\">"), let close = html[open.upperBound...].range(of: "</h2>") else { return nil }
        return html[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Drafts and dates

    @Test("the draft and the future-dated article are left out")
    func draftsLeftOut() throws {
        let site = try site
        #expect(site.files["articles/pay-claim-2026/index.html"] != nil)
        #expect(site.files["articles/draft-notes/index.html"] == nil)
        #expect(site.files["articles/future-plans/index.html"] == nil)
        let list = try site.page("articles/index.html")
        #expect(!list.contains("Draft notes"))
        #expect(!list.contains("Plans for 2027"))
        #expect(!(try site.page("feed.xml")).contains("draft-notes"))
        #expect(!(try site.page("sitemap.xml")).contains("future-plans"))
        #expect(!(try site.page("tags/pay/index.html")).contains("Draft notes"))
    }

    @Test("with includeDrafts they are built, newest first")
    func draftsIncluded() throws {
        let site = try FixtureSite.memberGuideWithDrafts.site()
        #expect(site.files["articles/draft-notes/index.html"] != nil)
        #expect(site.files["articles/future-plans/index.html"] != nil)
        let list = try site.page("articles/index.html")
        let future = try #require(list.range(of: "Plans for 2027")), pay = try #require(list.range(of: "Pay claim 2026")),
            draft = try #require(list.range(of: "Draft notes"))
        #expect(future.lowerBound < pay.lowerBound)
        #expect(pay.lowerBound < draft.lowerBound)
        #expect(try site.page("tags/pay/index.html").contains("Draft notes"))
    }

    // MARK: - Links at a sub-path

    @Test("every internal href carries the base path /members/")
    func internalHrefs() throws {
        let site = try site
        let pages = site.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count > 15)
        for path in pages {
            for href in site.text(path)!.hrefs {
                let external = ["https://", "http://", "mailto:", "tel:", "#"].contains { href.hasPrefix($0) }
                if !external {
                    #expect(href.hasPrefix("/members/"), "\(path): \(href)")
                }
                if href.hasPrefix("https://example.org/") {
                    #expect(href.hasPrefix("https://example.org/members/"), "\(path): \(href)")
                }
            }
        }
    }

    @Test("canonical links, the feed and the sitemap use absolute URLs under base_url")
    func absoluteURLs() throws {
        let site = try site
        #expect(try site.page("articles/pay-claim-2026/index.html").contains("<link rel=\"canonical\" href=\"https://example.org/members/articles/pay-claim-2026/\">"))
        #expect(try site.page("sitemap.xml").contains("<loc>https://example.org/members/guide/academies/</loc>"))
        #expect(try site.page("robots.txt").contains("Sitemap: https://example.org/members/sitemap.xml"))
        #expect(try site.page("feed.xml").contains("<id>https://example.org/members/articles/pay-claim-2026/</id>"))
    }

    @Test("cross-links are rewritten to their pages, with fragments")
    func crossLinks() throws {
        let article = try site.page("articles/pay-claim-2026/index.html")
        for href in ["/members/guide/academies/#what-is-an-academy", "/members/principles/core-principles/#principle-2",
                     "/members/guide/", "/members/files/handbook.txt", "/members/about/"] {
            #expect(article.contains("href=\"\(href)\""), "\(href)")
        }
        let about = try site.page("about/index.html")
        #expect(about.contains("href=\"mailto:office@example.org\""))
        #expect(about.contains("href=\"https://union.example.org/\""))
        #expect(about.contains("href=\"/members/articles/pay-claim-2026/\""))
    }

    @Test("static files are copied to the output root")
    func staticFile() throws {
        let site = try site
        #expect(site.copies["files/handbook.txt"]?.hasSuffix("content/static/files/handbook.txt") == true)
    }

    @Test("nav links resolve and mark the current section")
    func nav() throws {
        let chapter = try site.page("guide/academies/index.html")
        #expect(chapter.contains("<li><a href=\"/members/guide/\" aria-current=\"true\">Guide</a></li>"))
        #expect(chapter.contains("<li><a href=\"/members/about/\">About</a></li>"))
        #expect(try site.page("about/index.html").contains("<li><a href=\"/members/about/\" aria-current=\"page\">About</a></li>"))
    }

    // MARK: - Headings and principles

    @Test("headings get ids from their text")
    func headingIDs() throws {
        let site = try site
        #expect(heading("what-we-want", in: try site.page("articles/pay-claim-2026/index.html")) == "What we want")
        #expect(heading("what-is-an-academy", in: try site.page("guide/academies/index.html")) == "What is an academy")
        #expect(heading("regional-schools-commissioners", in: try site.page("guide/local-authorities/index.html")) == "Regional Schools Commissioners")
    }

    @Test("each principle is numbered and anchored principle-1 … principle-3")
    func principleAnchors() throws {
        let document = try site.page("principles/core-principles/index.html")
        for (number, id) in [(1, "independence-is-crucial"), (2, "fair-pay-for-fair-work"), (3, "open-reporting")] {
            #expect(document.contains("<h2 id=\"\(id)\"><span class=\"principle-number\" id=\"principle-\(number)\">Principle \(number):</span>"), "principle \(number)")
        }
        #expect(!document.contains("principle-4"))
    }

    @Test("/principles/ lists every principle with its number and link")
    func principlesIndex() throws {
        let index = try site.page("principles/index.html")
        #expect(index.contains("<li value=\"1\"><a href=\"/members/principles/core-principles/#independence-is-crucial\">Independence is crucial</a></li>"))
        #expect(index.contains("<li value=\"2\"><a href=\"/members/principles/core-principles/#fair-pay-for-fair-work\">Fair pay for fair work</a></li>"))
        #expect(index.contains("<li value=\"3\"><a href=\"/members/principles/core-principles/#open-reporting\">Open reporting</a></li>"))
    }

    @Test("a principle lists the pages that cite it")
    func citations() throws {
        let document = try site.page("principles/core-principles/index.html")
        #expect(document.contains("<strong>Principle 1 is cited in:</strong> <a href=\"/members/guide/local-authorities/\">Local authorities</a>"))
        #expect(document.contains("<strong>Principle 2 is cited in:</strong> <a href=\"/members/articles/pay-claim-2026/\">Pay claim 2026: what we are asking for</a>"))
        #expect(!document.contains("Principle 3 is cited in"))
    }

    // MARK: - The guide

    @Test("chapters are ordered by `order`, not file name, on the guide's front page")
    func chapterOrder() throws {
        let index = try site.page("guide/index.html")
        let councils = try #require(index.range(of: "href=\"/members/guide/local-authorities/\""))
        let academies = try #require(index.range(of: "href=\"/members/guide/academies/\""))
        #expect(councils.lowerBound < academies.lowerBound)
    }

    @Test("chapters link to the previous and next chapter")
    func previousNext() throws {
        let first = try site.page("guide/local-authorities/index.html")
        let second = try site.page("guide/academies/index.html")
        #expect(first.contains("<p class=\"meta\">Member guide, chapter 1 of 2</p>"))
        #expect(first.contains("<a class=\"pager__next\" href=\"/members/guide/academies/\" rel=\"next\">"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(second.contains("<a class=\"pager__prev\" href=\"/members/guide/local-authorities/\" rel=\"prev\">"))
        #expect(!second.contains("rel=\"next\""))
    }

    @Test("the glossary lists every term A to Z with its chapter and where it is used")
    func glossary() throws {
        let glossary = try site.page("guide/glossary/index.html")
        let order = ["id=\"academy\"", "id=\"local-authority\"", "id=\"multi-academy-trust\"", "id=\"regional-schools-commissioner\""]
        let positions = try order.map { try #require(glossary.range(of: $0), "\($0)").lowerBound }
        #expect(positions == positions.sorted())
        #expect(glossary.contains("<dt>multi-academy trust <span class=\"meta\">(also MAT)</span></dt>"))
        #expect(glossary.contains("<p>A charity that runs several academies.</p>"))
        #expect(glossary.contains("<p>Explained in <a href=\"/members/guide/academies/\">Academies and trusts</a>.</p>"))
        #expect(glossary.contains("<p>Explained in <a href=\"/members/guide/local-authorities/\">Local authorities</a>.</p>"))
        // "academy" is used by the article and the other chapter, never by its own chapter.
        let academy = try #require(glossary.range(of: "id=\"academy\"")), next = try #require(glossary.range(of: "id=\"local-authority\""))
        let entry = glossary[academy.upperBound..<next.lowerBound]
        let usedIn = try #require(entry.range(of: "<p>Used in:"))
        let usedEnd = try #require(entry[usedIn.upperBound...].range(of: "</p>"))
        #expect(String(entry[usedIn.upperBound..<usedEnd.lowerBound]).hrefs == ["/members/articles/pay-claim-2026/", "/members/guide/local-authorities/"])
    }

    @Test("terms auto-link on other pages, once each")
    func autoLinks() throws {
        let article = try site.page("articles/pay-claim-2026/index.html")
        #expect(article.contains("<a class=\"glossary-term\" href=\"\(Self.glossaryHref)#multi-academy-trust\">multi-academy trust</a>"))
        #expect(article.contains("<a class=\"glossary-term\" href=\"\(Self.glossaryHref)#academy\">academy</a>"))
        #expect(article.contains("<a class=\"glossary-term\" href=\"\(Self.glossaryHref)#regional-schools-commissioner\">RSC</a>"))
        #expect(article.occurrences(of: "#academy\"") == 1)
        let councils = try site.page("guide/local-authorities/index.html")
        #expect(councils.contains("<a class=\"glossary-term\" href=\"\(Self.glossaryHref)#academy\">academy</a>"))
    }

    @Test("a chapter's own terms are not auto-linked in it, other chapters' terms are")
    func noAutoLinkOnDefiningChapter() throws {
        let academies = try site.page("guide/academies/index.html")
        #expect(!academies.contains("glossary-term\" href=\"\(Self.glossaryHref)#academy\""))
        #expect(!academies.contains("glossary-term\" href=\"\(Self.glossaryHref)#multi-academy-trust\""))
        #expect(academies.contains("<a class=\"glossary-term\" href=\"\(Self.glossaryHref)#local-authority\">local authority</a>"))
        let councils = try site.page("guide/local-authorities/index.html")
        #expect(!councils.contains("glossary-term\" href=\"\(Self.glossaryHref)#local-authority\""))
        #expect(!councils.contains("glossary-term\" href=\"\(Self.glossaryHref)#regional-schools-commissioner\""))
    }

    @Test("no glossary link inside headings or existing links")
    func noAutoLinkInHeadingsOrLinks() throws {
        let academies = try site.page("guide/academies/index.html")
        #expect(heading("what-is-an-academy", in: academies) == "What is an academy")
        #expect(academies.contains("<a href=\"/members/guide/local-authorities/#how-councils-work\">local authority</a>"))
    }

    @Test("a chapter lists the terms it explains")
    func chapterTerms() throws {
        let academies = try site.page("guide/academies/index.html")
        #expect(academies.contains("<li><a href=\"\(Self.glossaryHref)#academy\">academy</a></li>"))
        #expect(academies.contains("<li><a href=\"\(Self.glossaryHref)#multi-academy-trust\">multi-academy trust</a></li>"))
    }

    // MARK: - Backlinks

    @Test("pages list the pages that link to them", arguments: [
        ("guide/academies/index.html", ["/members/articles/pay-claim-2026/", "/members/guide/"]),
        ("guide/local-authorities/index.html", ["/members/guide/academies/", "/members/guide/"]),
        ("principles/core-principles/index.html", ["/members/articles/pay-claim-2026/", "/members/guide/local-authorities/"]),
        ("about/index.html", ["/members/articles/pay-claim-2026/"]),
        ("articles/pay-claim-2026/index.html", ["/members/about/"]),
    ])
    func backlinks(page: String, sources: [String]) throws {
        let html = try site.page(page)
        let section = try #require(html.range(of: "<h2 id=\"backlinks-heading\">Pages that link here</h2>"), "no backlinks on \(page)")
        let rest = html[section.upperBound...]
        let end = try #require(rest.range(of: "</section>"))
        let hrefs = String(rest[..<end.lowerBound]).hrefs
        #expect(hrefs == sources)
    }

    @Test("a page nothing links to has no backlinks section")
    func noBacklinks() throws {
        #expect(!(try site.page("guide/glossary/index.html")).contains("Pages that link here"))
    }

    // MARK: - Tags

    @Test("each tag has a page listing its articles")
    func tagPages() throws {
        let site = try site
        #expect(try site.page("tags/pay/index.html").contains("href=\"/members/articles/pay-claim-2026/\""))
        #expect(try site.page("tags/campaigns/index.html").contains("href=\"/members/articles/pay-claim-2026/\""))
        #expect(try site.page("articles/pay-claim-2026/index.html").contains("<a class=\"tag\" href=\"/members/tags/pay/\">pay</a>"))
        #expect(site.files["tags/draft/index.html"] == nil)
    }

    @Test("the tag index lists every tag")
    func tagIndex() throws {
        let index = try site.page("tags/index.html")
        #expect(index.contains("href=\"/members/tags/pay/\""))
        #expect(index.contains("href=\"/members/tags/campaigns/\""))
    }

    @Test("no generated page is empty")
    func noEmptyPages() throws {
        let site = try site
        for (path, bytes) in site.files {
            #expect(!bytes.isEmpty, "\(path) is empty")
        }
    }

    // MARK: - Golden files

    @Test("chosen pages match their golden files", arguments: [
        ("articles/pay-claim-2026/index.html", "member-guide/article-pay-claim-2026.html"),
        ("guide/academies/index.html", "member-guide/chapter-academies.html"),
        ("guide/glossary/index.html", "member-guide/glossary.html"),
        ("feed.xml", "member-guide/feed.xml"),
    ])
    func golden(path: String, golden: String) throws {
        expectGolden(try site.page(path), named: golden)
    }
}
