import Foundation

/// Resolves a destination as an author wrote it to a `LinkTarget`, or says why it cannot.
///
/// Destinations are content paths (`../guide/academies.md#fragment`, `/principles/core.md`),
/// `vacancy:<id>`, `#fragment`, static files (`/files/x.pdf`), or sections (`articles/`).
struct LinkResolver: Sendable {
    /// Content id → page path, for every built item.
    let pages: [String: SitePath]
    let vacancies: [String: SitePath]
    let staticFiles: Set<String>
    /// Why an item that exists is not built (drafts, future dates).
    let leftOut: [String: String]

    static let sections: [String: SitePath] = [
        "articles/": .folder("articles"), "principles/": .folder("principles"), "guide/": .folder("guide"),
        "guide/glossary/": .folder("guide", "glossary"), "guide/print/": .folder("guide", "print"),
        "vacancies/": .folder("vacancies"), "vacancies/archive/": .folder("vacancies", "archive"),
        "search/": .folder("search"), "": .home,
    ]

    static let externalSchemes: Set<String> = ["http", "https", "mailto", "tel"]
    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// What went wrong, with the diagnostic code it is reported under.
    enum Failure: Error, Equatable { case message(String, code: String = "link-missing-file") }

    /// - Parameters:
    ///   - from: the linking page's key (a content id or `vacancy:<id>`), for same-page links; nil for site.yaml.
    ///   - contentPath: the linking file below `content/`, that relative paths start from.
    func resolve(_ destination: String, from: String?, contentPath file: String?) -> Result<LinkTarget, Failure> {
        let trimmed = destination.trimmed
        if let scheme = Self.scheme(of: trimmed) {
            if Self.unsafeSchemes.contains(scheme) { return .success(.unsafe) }
            if scheme == "vacancy" { return vacancy(String(trimmed.dropFirst("vacancy:".count))) }
            return .success(.external)
        }
        if trimmed.hasPrefix("//") { return .success(.external) }
        let (pathPart, fragment) = Self.splitFragment(trimmed)
        if pathPart.isEmpty {
            guard let from, let path = pages[from] ?? vacancies[String(from.dropFirst("vacancy:".count))] else {
                return .failure(.message("a same-page link needs a page", code: "link-missing-fragment"))
            }
            return .success(.page(key: from, path: path, fragment: fragment))
        }
        guard let contentPath = Self.contentPath(pathPart, from: file) else {
            return .failure(.message("link \(destination) points outside content/", code: "link-outside-content"))
        }
        return target(contentPath, fragment: fragment, written: destination)
    }

    private func target(_ contentPath: String, fragment: String?, written: String) -> Result<LinkTarget, Failure> {
        if let page = pages[contentPath] { return .success(.page(key: contentPath, path: page, fragment: fragment)) }
        if let reason = leftOut[contentPath] { return .failure(.message("link to content/\(contentPath), which \(reason)", code: "link-not-built")) }
        if let section = Self.sections[contentPath] ?? Self.sections[contentPath + "/"] { return .success(.section(path: section, fragment: fragment)) }
        let staticPath = contentPath.hasPrefix("static/") ? String(contentPath.dropFirst("static/".count)) : contentPath
        if staticFiles.contains(staticPath) { return .success(.file(path: staticPath, fragment: fragment)) }
        if contentPath.hasSuffix(".md") { return .failure(.message("link to content/\(contentPath), which does not exist")) }
        return .failure(.message("link to \(written): no such page or file under content/static/"))
    }

    private func vacancy(_ id: String) -> Result<LinkTarget, Failure> {
        let (bare, fragment) = Self.splitFragment(id)
        guard let path = vacancies[bare] else { return .failure(.message("link to vacancy:\(bare), but no vacancy has that id", code: "link-unknown-vacancy")) }
        return .success(.page(key: "vacancy:\(bare)", path: path, fragment: fragment))
    }

    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    static func splitFragment(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        let fragment = String(destination[destination.index(after: hash)...])
        return (String(destination[..<hash]), fragment.removingPercentEncoding ?? fragment)
    }

    /// Joins a path to the linking file's folder (or `content/` for `/…`) and normalises `..`.
    /// Nil when it climbs out of `content/`.
    static func contentPath(_ path: String, from: String?) -> String? {
        let withoutQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        let decoded = withoutQuery.removingPercentEncoding ?? withoutQuery
        let baseFolder = decoded.hasPrefix("/") ? [] : (from?.split(separator: "/").dropLast().map(String.init) ?? [])
        var parts = baseFolder
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(String(component))
            }
        }
        let joined = parts.joined(separator: "/")
        return decoded.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }
}
