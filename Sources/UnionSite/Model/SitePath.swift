/// A page's place in the site, relative to the site's root: `""` (home), `articles/pay/`,
/// `feed.xml`. Folders end with `/` and are written as `<path>index.html`.
///
/// Links are made from it with the base URL's path in front (`/education/articles/pay/`),
/// so the site works when it is published under a sub-path.
public struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public static let home = SitePath("")

    /// `articles/` + `pay` → `articles/pay/`.
    static func folder(_ components: String...) -> SitePath { folder(components) }

    static func folder(_ components: [String]) -> SitePath {
        SitePath(components.filter { !$0.isEmpty }.map { $0 + "/" }.joined())
    }

    /// The file written for this path.
    public var outputFile: String {
        value.isEmpty || value.hasSuffix("/") ? value + "index.html" : value
    }

    public var description: String { value }

    public static func < (a: SitePath, b: SitePath) -> Bool { a.value < b.value }
}
