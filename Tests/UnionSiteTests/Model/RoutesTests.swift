import Testing
@testable import UnionSite

/// Every path the site writes comes from `Routes`.
@Suite("Routes")
struct RoutesTests {
    let routes = Routes.site

    @Test("items by kind and slug; the guide's front page is the guide")
    func items() {
        #expect(routes.item(.article, slug: "pay", isGuideIndex: false).value == "articles/pay/")
        #expect(routes.item(.principleDocument, slug: "core", isGuideIndex: false).value == "principles/core/")
        #expect(routes.item(.guideChapter, slug: "academies", isGuideIndex: false).value == "guide/academies/")
        #expect(routes.item(.guideChapter, slug: "index", isGuideIndex: true).value == "guide/")
        #expect(routes.item(.page, slug: "about", isGuideIndex: false).value == "about/")
    }

    @Test("sections, list pages, tags, vacancies, filters and glossary entries")
    func sections() {
        #expect(routes.articles(page: 1) == routes.articles)
        #expect(routes.articles(page: 3).value == "articles/page/3/")
        #expect(routes.tag("pay").value == "tags/pay/")
        #expect(routes.vacancy("la-adviser").value == "vacancies/la-adviser/")
        #expect(routes.vacancyFilter(.region, "yorkshire").value == "vacancies/region/yorkshire/")
        #expect(routes.glossaryEntry(anchor: "academy") == (routes.glossary, "academy"))
        #expect(routes.glossary.value == "guide/glossary/")
        #expect(routes.sections["guide/print/"] == routes.guidePrint)
    }

    @Test("vacancy ids cannot take the pages under /vacancies/, nor items the generator's own")
    func reserved() {
        #expect(Routes.reservedVacancyIDs == ["archive", "page", "region", "contract", "hours"])
        #expect(routes.reserved.contains(routes.glossary))
        #expect(!routes.reserved.contains(routes.guide))
    }

    @Test("a page that would take /guide/ is an error at its file; the guide's own index takes it")
    func guideFrontPage() throws {
        let page = try TestSite(["content/pages/guide.md": "---\ntitle: Guide\n---\nText\n"])
        #expect(try page.diagnostics() == ["content/pages/guide.md:1:1: error: this would be published at /guide/, "
                                           + "which the site uses for its own page: choose another slug"])
        let index = try TestSite(["content/guide/index.md": "---\ntitle: Guide\n---\nText\n"])
        #expect(try index.diagnostics().filter { $0.contains("error:") }.isEmpty)
    }

    @Test("a page key is an item's content id or a vacancy's id, printed and ordered as `vacancy:<id>`")
    func pageKeys() {
        #expect(PageKey.vacancy("x").description == "vacancy:x")
        #expect(PageKey.vacancy("x").vacancyID == "x" && PageKey.vacancy("x").itemID == nil)
        #expect(PageKey.item("guide/x.md").itemID == "guide/x.md" && PageKey.item("guide/x.md").vacancyID == nil)
        #expect(PageKey.item("vacancy:x") != PageKey.vacancy("x"))
        // Backlinks and "used in" lists are sorted by key: the same order as the strings.
        let keys: [PageKey] = [.item("pages/x.md"), .vacancy("b"), .item("articles/z.md"), .vacancy("a"), .item("vacancy-notes.md"),
                               .item("Über.md"), .item("vacancy.md"), .item("guide/index.md")]
        #expect(keys.sorted().map(\.description) == keys.map(\.description).sorted())
    }
}
