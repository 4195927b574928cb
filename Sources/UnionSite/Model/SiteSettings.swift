import Foundation

/// `content/site.yaml`, typed.
public struct SiteSettings: Sendable, Equatable {
    public var title: String
    /// Always ends with `/`: `https://example.org/guidance/`.
    public var baseURL: String { didSet { basePath = Self.path(of: baseURL) } }
    public var language: String
    /// Where `language:` is written (the file's start when it is not): a warning about the
    /// language's words points there.
    public var languageLocation: SourceLocation
    public var description: String?
    public var organisation: Organisation?
    public var nav: [NavEntry]
    public var timeZone: TimeZone
    public var autolink: Bool
    /// Lint codes switched off (`lint: { off: [image-alt] }`).
    public var disabledWarnings: Set<String>
    /// Unknown keys, handed to templates as `site.params`.
    public var params: [YAMLEntry]
    public var location: SourceLocation
    /// `languages:`: the further languages, in the order written.
    public var languages: [SiteLanguage]
    /// Set on a further language's settings (`forLanguage`): its code, whose pages live under `/<code>/`.
    public private(set) var languageCode: String?
    /// The default language's base URL and path: where assets, static files and the other
    /// language's pages are, for a further language's settings (whose `baseURL` ends in `<code>/`).
    public private(set) var rootBaseURL: String
    public private(set) var rootBasePath: String
    /// The default language (`language:`), also on a further language's settings.
    public private(set) var defaultLanguage: String

    public struct Organisation: Sendable, Equatable {
        public var name: String
        public var url: String?
        public var joinURL: String?
    }

    /// One `nav` item; `link` is resolved and checked by the Link stage.
    public struct NavEntry: Sendable, Equatable {
        public var title: String
        public var link: String
        public var location: SourceLocation
    }

    /// The path part of `base_url`: `/guidance/`, or `/`. Kept, not computed on use: every
    /// link of every page starts with it, and parsing the URL each time was 5 % of a build.
    public private(set) var basePath: String

    init(title: String, baseURL: String, language: String, description: String?, organisation: Organisation?, nav: [NavEntry],
         timeZone: TimeZone, autolink: Bool, disabledWarnings: Set<String>, params: [YAMLEntry], location: SourceLocation,
         languages: [SiteLanguage] = [], languageLocation: SourceLocation? = nil) {
        self.title = title
        self.languageLocation = languageLocation ?? location
        self.baseURL = baseURL
        self.language = language
        self.description = description
        self.organisation = organisation
        self.nav = nav
        self.timeZone = timeZone
        self.autolink = autolink
        self.disabledWarnings = disabledWarnings
        self.params = params
        self.location = location
        self.languages = languages
        basePath = Self.path(of: baseURL)
        rootBaseURL = baseURL
        rootBasePath = basePath
        defaultLanguage = language
    }

    /// Where a language with no string table falls back to the theme's English (`ThemeStrings.load`):
    /// only on a site of one language, which the first contract let set any `language`.
    var englishFallback: SourceLocation? { languages.isEmpty && languageCode == nil ? languageLocation : nil }

    /// The settings a further language's pages are built with: its title, description and
    /// menu, its code as the page language, and `/<code>/` added to the base URL.
    func forLanguage(_ language: SiteLanguage) -> SiteSettings {
        var settings = self
        settings.title = language.title ?? title
        settings.description = language.description ?? description
        settings.nav = language.nav ?? nav
        settings.language = language.code
        settings.languageCode = language.code
        settings.baseURL = baseURL + language.code + "/"
        return settings
    }

    /// A root-relative link to a file shared by every language (assets, `content/static/`).
    public func sharedHref(_ path: SitePath) -> String { rootBasePath + path.value }

    private static func path(of baseURL: String) -> String {
        guard let components = URLComponents(string: baseURL) else { return "/" }
        let path = components.percentEncodedPath
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// An absolute URL for a site path (canonical links, feeds, sitemap).
    public func absoluteURL(_ path: SitePath) -> String { baseURL + path.value }

    /// A root-relative link for a site path, carrying the base path.
    public func href(_ path: SitePath) -> String { basePath + path.value }
}
