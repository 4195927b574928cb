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
    private let shared: FrozenTemplateValues
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
        shared["t"] = strings.templateValues
        self.shared = FrozenTemplateValues(values: shared)
        navSites = NavSites(shared: shared, nav: nav)
    }

    func href(_ path: SitePath) -> String { settings.href(path) }

    /// `site` less `nav`: what every page's `site` holds alike (`SiteConstants`).
    var sharedSite: [String: Any] { shared.values }

    func site(current: SitePath) -> [String: Any] {
        navSites.site(current: current) ?? NavSites.site(shared.values, nav: nav, current: current)
    }

    private static func shared(_ settings: SiteSettings, hasNav: Bool, assetPaths: [String: String]) -> [String: Any] {
        let href = settings.href
        // Assets are shared by every language: under the default language's base path.
        let asset = { (file: String) in settings.sharedHref(SitePath(assetPaths[file] ?? "assets/" + file)) }
        var site: [String: Any] = [
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
            "has_nav": hasNav, "params": TemplateValue.of(settings.params),
        ]
        if let description = settings.description { site["description"] = description }
        let others = otherLanguages(settings)
        if !others.isEmpty { site["other_languages"] = others }
        if let organisation = settings.organisation {
            var org: [String: Any] = ["name": organisation.name]
            if let url = organisation.url { org["url"] = url }
            if let join = organisation.joinURL { org["join_url"] = join }
            site["organisation"] = org
        }
        return site
    }

    /// `hreflang` alternates (with `x-default`, the default language's version) and the switcher's links.
    private func versionValues(_ versions: [PageVersion]) -> [String: Any] {
        let links = versions.map { version -> [String: Any] in
            var link: [String: Any] = ["language": version.language, "name": version.name, "href": version.href, "url": version.absoluteURL]
            if version.language == settings.language { link["is_current"] = true }
            return link
        }
        return ["links": links, "x_default": versions.first?.absoluteURL ?? ""]
    }

    /// The home pages of the site's other languages, for the header.
    private static func otherLanguages(_ settings: SiteSettings) -> [[String: Any]] {
        guard !settings.languages.isEmpty else { return [] }
        var homes: [(language: String, name: String, href: String)] = []
        if settings.languageCode != nil {
            let name = Site.ownNames[SiteLanguage.primary(settings.defaultLanguage)] ?? settings.defaultLanguage
            homes.append((settings.defaultLanguage, name, settings.rootBasePath))
        }
        for language in settings.languages where language.code != settings.languageCode {
            homes.append((language.code, language.name, settings.rootBasePath + language.code + "/"))
        }
        return homes.map { ["language": $0.language, "name": $0.name, "href": $0.href] }
    }

    /// The `page` value: what every page has, plus whatever the kind adds.
    func page(title: String, path: SitePath, kind: String, description: String? = nil,
              extra: [String: Any] = [:]) -> [String: Any] {
        var page: [String: Any] = [
            "title": title, "href": href(path), "canonical": settings.absoluteURL(path), "kind": kind,
            "head_title": path == .home ? settings.title : "\(title) – \(settings.title)",
            "og_type": kind == "article" ? "article" : "website",
        ]
        if let description, !description.isEmpty { page["description"] = description }
        if let versions = versions[path] { page["versions"] = versionValues(versions) }
        page.merge(extra) { _, new in new }
        return page
    }
}

/// Template values made once per build and shared by every page that shows them: plain
/// strings, flags, lists and dictionaries of them, never mutated, so safe on any thread.
struct FrozenTemplateValues: @unchecked Sendable {
    let values: [String: Any]
}

/// Turns YAML values from front matter and site.yaml into what Mustache reads:
/// strings, lists and dictionaries (so `page.params.KEY` works in templates).
enum TemplateValue {
    static func of(_ entries: [YAMLEntry]) -> [String: Any] {
        Dictionary(entries.map { ($0.key, of($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a value is an empty list; nil when it is no list. The lists pages hold are
    /// checked by their own types first: `as? [Any]` copies an array to do its check.
    static func isEmptyList(_ value: Any) -> Bool? {
        if let list = value as? [[String: Any]] { return list.isEmpty }
        if let list = value as? [String] { return list.isEmpty }
        if let list = value as? [Any] { return list.isEmpty }
        return nil
    }

    static func of(_ node: YAMLNode) -> Any {
        switch node.value {
        case .scalar(let text, _): text
        case .list(let items): items.map(of)
        case .map(let entries): of(entries)
        }
    }
}
