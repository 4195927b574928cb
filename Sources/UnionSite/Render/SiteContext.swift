/// The values every template receives: `site` (settings, navigation, section links) and
/// the shape of `page`. Built once per build; `site(current:)` marks the current nav entry.
struct SiteContext: Sendable {
    let settings: SiteSettings
    let nav: [NavLink]
    /// Each theme asset's hashed output path, by file name (`site.css` → `assets/site.3f9a1c2b.css`).
    let assetPaths: [String: String]
    /// The theme's words in this site's language (`site.t` in templates).
    let strings: ThemeStrings
    /// Everything in `site` but the navigation, made once: it is the same on every page.
    private let shared: TemplateRecord
    /// Whole `site` values for the navigation states most pages are in (`NavSites`).
    private let navSites: NavSites

    /// Each page's versions in every language (empty on a site of one language).
    let versions: [SitePath: [PageVersion]]

    init(settings: SiteSettings, nav: [NavLink], assetPaths: [String: String], strings: ThemeStrings = .english,
         versions: [SitePath: [PageVersion]] = [:]) {
        self.settings = settings
        self.strings = strings
        self.nav = nav
        self.assetPaths = assetPaths
        self.versions = versions
        var shared = Self.shared(settings, hasNav: !nav.isEmpty, assetPaths: assetPaths)
        shared["t"] = .record(strings.templateValues)
        self.shared = shared
        navSites = NavSites(shared: shared, nav: nav)
    }

    func href(_ path: SitePath) -> String { settings.href(path) }

    /// `site` less `nav`: what every page's `site` holds alike (`SiteConstants`).
    var sharedSite: TemplateRecord { shared }

    func site(current: SitePath) -> TemplateRecord {
        navSites.site(current: current) ?? NavSites.site(shared, nav: nav, current: current)
    }

    private static func shared(_ settings: SiteSettings, hasNav: Bool, assetPaths: [String: String]) -> TemplateRecord {
        let href = settings.href
        // Assets are shared by every language: under the default language's base path.
        let asset = { (file: String) in settings.sharedHref(SitePath(assetPaths[file] ?? "assets/" + file)) }
        let texts: [String: String] = [
            "title": settings.title, "language": settings.language, "base_path": settings.basePath,
            "base_url": settings.baseURL, "home_href": href(.home),
            "css_href": asset("site.css"), "search_js_href": asset("search.js"), "feed_href": href(SitePath("feed.xml")),
            "vacancy_feed_href": href(SitePath("vacancies/feed.xml")),
            "updates_href": href(Routes.site.updates), "updates_feed_href": href(Routes.site.updatesFeed),
            "guide_updates_href": href(Routes.site.guideUpdates),
            "articles_href": href(Routes.site.articles), "principles_href": href(Routes.site.principles),
            "guide_href": href(Routes.site.guide), "glossary_href": href(Routes.site.glossary),
            "vacancies_href": href(Routes.site.vacancies), "search_href": href(Routes.site.search),
            "tags_href": href(Routes.site.tags),
        ]
        var site = texts.mapValues(TemplateValue.text)
        site["has_nav"] = .flag(hasNav)
        site["params"] = .record(TemplateValue.of(settings.params))
        if let description = settings.description { site["description"] = .text(description) }
        let others = otherLanguages(settings)
        if !others.isEmpty { site["other_languages"] = .list(others) }
        if let organisation = settings.organisation {
            var org: TemplateRecord = ["name": .text(organisation.name)]
            if let url = organisation.url { org["url"] = .text(url) }
            if let join = organisation.joinURL { org["join_url"] = .text(join) }
            site["organisation"] = .record(org)
        }
        return site
    }

    /// `hreflang` alternates (with `x-default`, the default language's version) and the switcher's links.
    private func versionValues(_ versions: [PageVersion]) -> TemplateValue {
        let links = versions.map { version -> TemplateValue in
            var link: TemplateRecord = ["language": .text(version.language), "name": .text(version.name), "href": .text(version.href),
                                        "url": .text(version.absoluteURL)]
            if version.language == settings.language { link["is_current"] = true }
            return .record(link)
        }
        return ["links": .list(links), "x_default": .text(versions.first?.absoluteURL ?? "")]
    }

    /// The home pages of the site's other languages, for the header.
    private static func otherLanguages(_ settings: SiteSettings) -> [TemplateValue] {
        guard !settings.languages.isEmpty else { return [] }
        var homes: [(language: String, name: String, href: String)] = []
        if settings.languageCode != nil {
            let name = Site.ownNames[SiteLanguage.primary(settings.defaultLanguage)] ?? settings.defaultLanguage
            homes.append((settings.defaultLanguage, name, settings.rootBasePath))
        }
        for language in settings.languages where language.code != settings.languageCode {
            homes.append((language.code, language.name, settings.rootBasePath + language.code + "/"))
        }
        return homes.map { ["language": .text($0.language), "name": .text($0.name), "href": .text($0.href)] }
    }

    /// The `page` value: what every page has, plus whatever the kind adds.
    func page(title: String, path: SitePath, kind: String, description: String? = nil,
              extra: TemplateRecord = [:]) -> TemplateRecord {
        var page: TemplateRecord = [
            "title": .text(title), "href": .text(href(path)), "canonical": .text(settings.absoluteURL(path)), "kind": .text(kind),
            "head_title": .text(path == .home ? settings.title : "\(title) – \(settings.title)"),
            "og_type": .text(kind == "article" ? "article" : "website"),
        ]
        if let description, !description.isEmpty { page["description"] = .text(description) }
        if let versions = versions[path] { page["versions"] = versionValues(versions) }
        page.merge(extra) { _, new in new }
        return page
    }
}
