/// Everything a link is resolved and checked against: the pages, vacancies and static files
/// that exist, the items left out, each page's ids, the glossary's anchors and the base path.
///
/// While it stays equal, a body with the same links checks the same way, so `serve` reuses
/// the result (`BuildCache.checkedLinks`).
struct LinkWorld: Equatable, Sendable {
    let pages: [String: SitePath]
    let vacancies: [String: SitePath]
    let staticFiles: Set<String>
    let leftOut: [String: String]
    let anchors: [String: Set<String>]
    let glossaryAnchors: Set<String>
    let basePath: String

    var checker: LinkChecker {
        LinkChecker(resolver: LinkResolver(pages: pages, vacancies: vacancies, staticFiles: staticFiles, leftOut: leftOut),
                    anchors: anchors, glossaryAnchors: glossaryAnchors, basePath: basePath)
    }
}
