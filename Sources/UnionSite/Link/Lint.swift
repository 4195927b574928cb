/// Authoring lint: warnings (never errors) for things members would trip over. Each has a
/// code that `site.yaml` can switch off with `lint: { off: [code] }`.
///
/// | code | what |
/// |---|---|
/// | `image-alt` | an image without alt text |
/// | `heading-skip` | a heading level that skips (`##` then `####`) |
/// | `link-text` | empty link text, or "click here", "here", "read more" |
/// | `article-summary` | an article without `summary` |
/// | `duplicate-title` | two pages with the same title |
/// | `orphan-page` | a page nothing links to and no list or menu reaches |
/// | `raw-html` | raw HTML, which the safe renderer drops |
/// | `review-due` | a page past its `review_by` date |
enum Lint {
    static let vagueLinkTexts: Set<String> = ["click here", "here", "read more", "more", "this", "link", "this link", "click"]

    /// - Parameter work: lints each body (`LinkWork.lintBody`).
    static func warnings(_ site: Site, documents: [PageKey: LinkedDocument], backlinks: [PageKey: [Citation]],
                         nav: [NavLink], work: any LinkWork = DirectWork()) -> [Diagnostic] {
        // Each body on its own, on every core; gathered in key order (the keys sorted, not the
        // key-document pairs, which are large to move). The site's own warnings meanwhile,
        // beside them: after them, alone, they kept a core idle.
        let (bodies, others) = Parallel.pair({
            Parallel.map(documents.keys.sorted()) { key in work.lintBody(documents[key]!, key: key) }
        }, {
            itemWarnings(site) + orphans(site, backlinks: backlinks, nav: nav)
        })
        return Array(bodies.joined()) + others
    }

    static func bodyWarnings(_ document: LinkedDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for link in document.links {
            let text = link.text.trimmed.lowercased()
            if link.isImage && text.isEmpty {
                found.append(.warning("image has no alt text: describe it in ![…](…) for people who cannot see it", at: link.location, code: "image-alt"))
            } else if !link.isImage && text.isEmpty {
                found.append(.warning("link has no text: screen readers will read out its address", at: link.location, code: "link-text"))
            } else if !link.isImage && vagueLinkTexts.contains(text) {
                found.append(.warning("link text “\(link.text.trimmed)” does not say where it goes: name the page instead", at: link.location, code: "link-text"))
            }
        }
        var previous = 1
        for heading in document.headings {
            if heading.level > previous + 1 {
                found.append(.warning("heading level \(heading.level) follows level \(previous): use \(String(repeating: "#", count: previous + 1))",
                                      at: SourceLocation(path: document.path, line: heading.line), code: "heading-skip"))
            }
            previous = heading.level
        }
        for location in document.rawHTML {
            found.append(.warning("raw HTML is dropped by the safe renderer: write it in Markdown", at: location, code: "raw-html"))
        }
        return found
    }

    private static func itemWarnings(_ site: Site) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for article in site.articles where article.item.summary?.isEmpty ?? true {
            found.append(.warning("article has no `summary`: lists, search results and link previews use it", at: article.item.location, code: "article-summary"))
        }
        var titles: [String: ContentItem] = [:]
        for item in site.items {
            let folded = item.title.lowercased()
            if let first = titles[folded] {
                found.append(.warning("another page has the same title, at \(first.location.path)", at: item.location, code: "duplicate-title"))
            } else {
                titles[folded] = item
            }
            if let review = item.reviewBy, site.isReviewDue(item) {
                found.append(.warning("this page was due for review on \(review); it now says it may be out of date", at: item.location, code: "review-due"))
            }
        }
        return found
    }

    /// Articles, principle documents, chapters and vacancies are reached from their lists;
    /// a standalone page is reached only by links and the menu.
    private static func orphans(_ site: Site, backlinks: [PageKey: [Citation]], nav: [NavLink]) -> [Diagnostic] {
        let navPaths = Set(nav.compactMap(\.path))
        return site.pages.filter { backlinks[$0.item.key]?.isEmpty ?? true }.filter { !navPaths.contains($0.item.url) }.map {
            .warning("nothing links to this page and no menu reaches it", at: $0.item.location, code: "orphan-page")
        }
    }
}
