/// Each page's `site` value for the navigation states most pages are in, made once per render.
///
/// A page's `site` is the shared values plus `nav`, whose entries differ from page to page
/// only in `current`: none of them, or the one entry that is the page (`"page"`) or a section
/// it is in (`"true"`). Copying the shared dictionary and making `nav`'s dictionaries for every
/// page was 1.4 % of a build's samples; these states are made here once, and a page in any
/// other state (two entries current, as with nested sections) gets its own as before.
struct NavSites: Sendable {
    /// By state: no entry current first, then for each entry, it as `"page"`, then as `"true"`.
    private let sites: [TemplateRecord]
    private let nav: [NavLink]

    init(shared: TemplateRecord, nav: [NavLink]) {
        self.nav = nav
        var sites = [Self.site(shared, nav: nav, marks: [:])]
        for index in nav.indices {
            for mark in ["page", "true"] { sites.append(Self.site(shared, nav: nav, marks: [index: mark])) }
        }
        self.sites = sites
    }

    /// The `site` of a page at `current`, or nil when its state is not one of those made here.
    func site(current: SitePath) -> TemplateRecord? {
        var state = 0
        for (index, link) in nav.enumerated() {
            guard let mark = Self.mark(link, current: current) else { continue }
            guard state == 0 else { return nil }
            state = 1 + index * 2 + (mark == "page" ? 0 : 1)
        }
        return sites[state]
    }

    /// `site` made for one page: the shared values and its `nav`.
    static func site(_ shared: TemplateRecord, nav: [NavLink], current: SitePath) -> TemplateRecord {
        var marks: [Int: String] = [:]
        for (index, link) in nav.enumerated() { marks[index] = mark(link, current: current) }
        return site(shared, nav: nav, marks: marks)
    }

    private static func site(_ shared: TemplateRecord, nav: [NavLink], marks: [Int: String]) -> TemplateRecord {
        var site = shared
        site["nav"] = .list(nav.enumerated().map { index, link -> TemplateValue in
            var entry: TemplateRecord = ["title": .text(link.title), "href": .text(link.href)]
            if let mark = marks[index] { entry["current"] = .text(mark) }
            return .record(entry)
        })
        return site
    }

    /// `aria-current="page"` on the page itself, `"true"` on the section it is in.
    private static func mark(_ link: NavLink, current: SitePath) -> String? {
        guard let path = link.path else { return nil }
        if path == current { return "page" }
        if !path.value.isEmpty, current.value.hasPrefix(path.value) { return "true" }
        return nil
    }
}
