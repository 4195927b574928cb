/// One language's version of a page, for `<link rel="alternate" hreflang>`, the language
/// switcher and the sitemap's alternates.
public struct PageVersion: Sendable, Hashable {
    /// The `hreflang`: the default `language:` (`en-GB`) or a further language's code.
    public let language: String
    /// The language's own name, as the switcher shows it: `English`, `Cymraeg`.
    public let name: String
    /// Root-relative, with the base path: `/members/cy/about/`.
    public let href: String
    public let absoluteURL: String

    /// The original a translation was made from: its address and language.
    public struct Original: Sendable, Hashable {
        public let href: String
        public let language: String
    }
}

extension Site {
    /// For each page path of each language's site, every language's version of that page
    /// (in site.yaml's order, the default first), when the page exists in more than one:
    /// items paired by `translationKey`, and the sections every language writes.
    func withPageVersions() -> Site {
        guard !translations.isEmpty else { return self }
        let sites = [self] + translations
        var byKey: [VersionGroup: [(Int, SitePath)]] = [:]
        for (index, site) in sites.enumerated() {
            for path in Self.sharedSections { byKey[.section(path), default: []].append((index, path)) }
            for item in site.items { byKey[.translation(item.translationKey), default: []].append((index, item.url)) }
            for vacancy in site.vacancies { byKey[.page(vacancy.key), default: []].append((index, vacancy.url)) }
        }
        var copies = sites
        for group in byKey.values where Set(group.map(\.0)).count > 1 {
            let versions = group.map { index, path in sites[index].version(of: path) }
            for (index, path) in group { copies[index].pageVersions[path] = versions }
        }
        var site = copies[0]
        site.translations = Array(copies.dropFirst())
        return site
    }

    /// What makes pages in different languages versions of one another: being the same
    /// section, sharing a `translation_key`, or being the vacancy with the same id.
    private enum VersionGroup: Hashable {
        case section(SitePath), translation(String), page(PageKey)
    }

    /// Pages every language writes.
    static let sharedSections: [SitePath] = {
        let routes = Routes.site
        return [.home, routes.articles, routes.principles, routes.guide, routes.glossary, routes.guidePrint, routes.updates,
                routes.guideUpdates, routes.vacancies, routes.search, routes.tags]
    }()

    func version(of path: SitePath) -> PageVersion {
        PageVersion(language: settings.language, name: languageName, href: settings.href(path), absoluteURL: settings.absoluteURL(path))
    }

    /// The language's own name: `languages.<code>.name`, or for the default language a name
    /// from a short table (a site may set none), else its code.
    var languageName: String {
        if let code = settings.languageCode { return settings.languages.first { $0.code == code }?.name ?? code }
        return Self.ownNames[SiteLanguage.primary(settings.language)] ?? settings.language
    }

    static let ownNames = ["en": "English", "cy": "Cymraeg", "ga": "Gaeilge", "gd": "Gàidhlig", "fr": "Français", "de": "Deutsch",
                           "es": "Español", "pl": "Polski", "pt": "Português"]
}
