/// Everything a link is resolved and checked against: the pages, vacancies and static files
/// that exist, the items left out, each page's ids, the glossary's anchors and the base path.
///
/// While it stays equal, a body with the same links checks the same way, so `serve` reuses
/// the result (`LinkWork.linkChecking`).
struct LinkWorld: Equatable, Sendable {
    let pages: [String: SitePath]
    let vacancies: [String: SitePath]
    let staticFiles: Set<String>
    let leftOut: [String: String]
    let anchors: [PageKey: Set<String>]
    let glossaryAnchors: Set<String>
    let basePath: String
    /// A translation's site: the default language's pages and base path, and the language's name.
    var originals: [String: SitePath] = [:]
    var originalVacancies: [String: SitePath] = [:]
    var translatedIDs: [String: String] = [:]
    var rootBasePath: String? = nil
    var languageName: String? = nil

    var checker: LinkChecker {
        var resolver = LinkResolver(pages: pages, vacancies: vacancies, staticFiles: staticFiles, leftOut: leftOut)
        resolver.originals = originals
        resolver.originalVacancies = originalVacancies
        resolver.translatedIDs = translatedIDs
        return LinkChecker(resolver: resolver, anchors: anchors, glossaryAnchors: glossaryAnchors, basePath: basePath,
                           rootBasePath: rootBasePath ?? basePath, languageName: languageName)
    }
}

extension LinkWorld {
    /// Lets a translation's links reach the default language's pages and vacancies.
    mutating func addOriginals(_ original: Site, translation: Site, languageName: String?) {
        translatedIDs = Dictionary(translation.items.filter { $0.translationKey != $0.id }.map { ($0.translationKey, $0.id) },
                                   uniquingKeysWith: { first, _ in first })
        originals = Dictionary(original.items.map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first })
        originalVacancies = Dictionary(original.vacancies.map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first })
        rootBasePath = original.settings.basePath
        self.languageName = languageName
    }
}
