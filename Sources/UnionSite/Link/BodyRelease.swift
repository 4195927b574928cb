/// `build` and `check` let go of a body's Markdown as soon as the Link stage has read it, when
/// nothing will parse it again: an article's or a standalone page's whose HTML the Link stage
/// made (`BodyReader`), which the Render stage then takes as it is (`BodyRenderer.html`'s
/// first way). The text of 10,000 articles is about 52 MB; let go before the links are
/// checked, the memory is there again for what the rest of the build makes. Principle
/// documents (their "cited in" notes), chapters (the printable guide) and bodies the Render
/// stage renders itself keep theirs; `serve` keeps every body, for its next rebuild.
extension Site {
    /// Lets go of the Markdown of each article and page `isRead` accepts (given its key and
    /// its body's path, not the item: passing the item copied it); returns their keys.
    mutating func releaseBodies(where isRead: (PageKey, String) -> Bool) -> Set<PageKey> {
        var released: Set<PageKey> = []
        func release(_ item: inout ContentItem) {
            guard isRead(item.key, item.body.path) else { return }
            item.body = item.body.released
            released.insert(item.key)
        }
        for index in articles.indices { release(&articles[index].item) }
        for index in pages.indices { release(&pages[index].item) }
        return released
    }
}

extension BodyReader.Read {
    /// Whether the Render stage will take this body's HTML as it is once its links are
    /// checked, on a site whose hrefs start with `/` (`basePath`). Every slot fills: each
    /// slot's destination is one of the body's links, and a link whose href depends on other
    /// pages either resolves to an href under the base path or fails the build
    /// (`LinkChecker.check`; `SlottedHTML.filled` wants one starting with `/`).
    func rendersAsRead(basePath: String) -> Bool {
        guard let html, basePath.hasPrefix("/") else { return false }
        let destinations = Set(facts.links.map(\.destination))
        return html.slots.allSatisfy { destinations.contains($0.destination) }
    }
}
