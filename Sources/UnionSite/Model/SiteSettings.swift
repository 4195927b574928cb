import Foundation

/// `content/site.yaml`, typed.
public struct SiteSettings: Sendable, Equatable {
    public var title: String
    /// Always ends with `/`: `https://example.org/guidance/`.
    public var baseURL: String
    public var language: String
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

    /// The path part of `base_url`: `/guidance/`, or `/`.
    public var basePath: String {
        guard let components = URLComponents(string: baseURL) else { return "/" }
        let path = components.percentEncodedPath
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// An absolute URL for a site path (canonical links, feeds, sitemap).
    public func absoluteURL(_ path: SitePath) -> String { baseURL + path.value }

    /// A root-relative link for a site path, carrying the base path.
    public func href(_ path: SitePath) -> String { basePath + path.value }
}
