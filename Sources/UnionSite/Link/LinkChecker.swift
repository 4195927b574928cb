import Foundation

/// Resolves a page's links, checks fragments, and turns each into an href or a diagnostic.
struct LinkChecker: Sendable {
    let resolver: LinkResolver
    /// Source key → the ids its page carries.
    let anchors: [PageKey: Set<String>]
    let glossaryAnchors: Set<String>
    let basePath: String
    /// Where files shared by every language, and the default language's pages, are: the base
    /// path of the default language (equal to `basePath` there).
    var rootBasePath: String? = nil
    /// The language of the linking pages, named in the warning about an untranslated target.
    var languageName: String? = nil

    struct Checked {
        var hrefs: [String: String] = [:]
        var citations: [(PageKey, String?)] = []
        /// Image destination as written → the file below `content/static/` it shows.
        var images: [String: String] = [:]
        var problems: [Diagnostic] = []
    }

    /// - Parameters: key: the linking page's key; contentPath: its file below `content/`.
    func check(_ links: [DocumentFacts.Link], from key: PageKey, contentPath: String) -> Checked {
        var result = Checked()
        // By index: `for link in links` copied each link, retaining its strings, at every one
        // of the site's links.
        for index in links.indices {
            let destination = links[index].destination
            switch resolve(destination, from: key, contentPath: contentPath) {
            case .failure(.message(let message, let code)):
                result.problems.append(.error(message, at: links[index].location, code: code))
            case .success(.unsafe):
                result.hrefs[destination] = ""
                result.problems.append(.warning("link with a \(LinkResolver.scheme(of: destination) ?? "") URL is dropped",
                                                at: links[index].location, code: "link-unsafe"))
            case .success(.external):
                break
            case .success(.original(let path, let fragment)):
                result.hrefs[destination] = href(for: .original(path: path, fragment: fragment))
                result.problems.append(.warning("\(destination) has no \(languageName ?? "translated") version: the link goes to the "
                                                + "original", at: links[index].location, code: "link-untranslated"))
            case .success(let target):
                result.hrefs[destination] = href(for: target)
                if links[index].isImage, case .file(let path, _) = target { result.images[destination] = path }
                if let page = target.pageKey {
                    if case .page(_, _, let fragment) = target { result.citations.append((page, fragment)) }
                }
            }
        }
        return result
    }

    /// Resolution plus the fragment check against the target's real ids.
    func resolve(_ destination: String, from key: PageKey?, contentPath: String?) -> Result<LinkTarget, LinkResolver.Failure> {
        let resolved = resolver.resolve(destination, from: key, contentPath: contentPath)
        guard case .success(let target) = resolved else { return resolved }
        switch target {
        case .page(let page, _, let fragment?) where !(anchors[page]?.contains(fragment) ?? false):
            return .failure(.message("link to #\(fragment) on \(display(page)), which has no such heading or anchor", code: "link-missing-fragment"))
        case .section(let path, let fragment?) where !(path == Routes.site.glossary && glossaryAnchors.contains(fragment)):
            return .failure(.message("link to #\(fragment) on /\(path.value), which has no such anchor", code: "link-missing-fragment"))
        default:
            return resolved
        }
    }

    func href(for target: LinkTarget) -> String {
        switch target {
        case .page(_, let path, let fragment), .section(let path, let fragment):
            return basePath + path.value + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
        case .file(let path, let fragment):
            let encoded = ASCIIBytes.percentEncoded(path, allowed: ASCIIBytes.urlPathAllowed, set: .urlPathAllowed)
            return (rootBasePath ?? basePath) + encoded + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
        case .original(let path, let fragment):
            return (rootBasePath ?? basePath) + path.value + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
        case .external, .unsafe:
            return ""
        }
    }

    /// How a page is named in a message: `content/guide/academies.md`, `vacancy:head-2026`.
    private func display(_ key: PageKey) -> String {
        switch key.kind {
        case .item: "content/\(key)"
        case .vacancy: key.description
        }
    }

    private static func encodeFragment(_ fragment: String) -> String {
        ASCIIBytes.percentEncoded(fragment, allowed: ASCIIBytes.urlFragmentAllowed, set: .urlFragmentAllowed)
    }
}
