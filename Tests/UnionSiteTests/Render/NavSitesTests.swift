import Testing
@testable import UnionSite

@Suite("NavSites")
struct NavSitesTests {
    /// Nested sections (`guide/` and `guide/academies/`) put two entries in `current` at once.
    static let nav = [
        NavLink(title: "Home", href: "/", path: .home), NavLink(title: "Articles", href: "/articles/", path: SitePath("articles/")),
        NavLink(title: "Guide", href: "/guide/", path: SitePath("guide/")),
        NavLink(title: "Academies", href: "/guide/academies/", path: SitePath("guide/academies/")),
        NavLink(title: "Elsewhere", href: "https://example.org/", path: nil),
    ]

    @Test("every page's site is the one made for it alone, whether its state was made once or not", arguments: [
        "", "articles/", "articles/pay/", "guide/", "guide/academies/", "guide/academies/x/", "search/",
    ])
    func sameSite(path: String) {
        let shared: TemplateRecord = ["title": "T", "has_nav": true]
        let sites = NavSites(shared: shared, nav: Self.nav)
        let alone = NavSites.site(shared, nav: Self.nav, current: SitePath(path))
        let site = sites.site(current: SitePath(path)) ?? alone
        #expect(ContextFingerprint.of(template: "t", templates: 0, data: site) == ContextFingerprint.of(template: "t", templates: 0, data: alone))
        #expect(site["nav"]?.records?.count == Self.nav.count)
    }

    @Test("a page under two current entries gets no shared site")
    func nestedSections() {
        let sites = NavSites(shared: [:], nav: Self.nav)
        #expect(sites.site(current: SitePath("guide/academies/")) == nil)
        #expect(sites.site(current: SitePath("articles/pay/")) != nil)
        let marks = NavSites.site([:], nav: Self.nav, current: SitePath("guide/academies/"))["nav"]?.records?.map { $0["current"]?.text }
        #expect(marks == [nil, nil, "true", "page", nil])
    }
}

extension TemplateValue {
    /// The records of a list, to read a page's values back.
    var records: [TemplateRecord]? {
        guard case .list(let items) = self else { return nil }
        return items.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }
}
