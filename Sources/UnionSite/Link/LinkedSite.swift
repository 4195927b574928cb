/// Stage 3's value: the site plus everything learnt by reading its links.
public struct LinkedSite: Sendable {
    public internal(set) var site: Site
    /// By source key: an item or a vacancy (`PageKey`).
    var documents: [PageKey: LinkedDocument]
    /// Target key → the pages that link to it, sorted by source key.
    let backlinks: [PageKey: [Citation]]
    /// Glossary entry → the keys of the pages that use the term, sorted.
    let glossaryUses: [GlossaryEntryID: [PageKey]]
    /// `nav` with each link turned into an href.
    let nav: [NavLink]
    public internal(set) var warnings: [Diagnostic]
    /// What the links were checked against, so one body can be checked again on its own (`serve`).
    let world: LinkWorld

    var checker: LinkChecker { world.checker }
}

/// What the Render stage needs to rewrite one body the way the Link stage checked it.
struct LinkedDocument: Sendable, Equatable {
    /// The file the body is in (a Markdown file, or the vacancy's data file).
    let path: String
    let headings: [DocumentFacts.Heading]
    let links: [DocumentFacts.Link]
    let rawHTML: [SourceLocation]
    /// Warnings about the body's guidance syntax (its errors stop the Link stage).
    let syntaxWarnings: [Diagnostic]
    /// Ids the guidance markup adds (footnotes, captions): other pages may link to them.
    let extraAnchors: Set<String>
    /// Destination as written → final href ("" for a dropped unsafe link); external ones are absent.
    let hrefs: [String: String]
    /// The glossary terms to link, by body text node index (empty when auto-linking is off).
    let glossaryMatches: [Int: [GlossaryMatcher.Match]]
    /// Body text outside headings, links and code (`DocumentFacts.texts`), for the search index.
    let texts: TextRuns
    /// Image destination as written → its size, for the images under `content/static/` whose size is known.
    var images: [String: PixelSize] = [:]
    /// The body's HTML from the Link stage's parse, with a slot for each href (nil: the Render
    /// stage renders this body itself; see `BodyReader`).
    var html: SlottedHTML? = nil
}

/// One page citing another, possibly at a fragment (a principle's anchor).
struct Citation: Hashable, Comparable, Sendable {
    let source: PageKey
    let fragment: String?

    /// By source, then fragment (none as an empty one), without making a tuple of copies at
    /// each comparison.
    static func < (a: Citation, b: Citation) -> Bool {
        if a.source.description != b.source.description { return a.source.description < b.source.description }
        switch (a.fragment, b.fragment) {
        case (_, nil): return false
        case (nil, let other?): return "" < other
        case (let first?, let second?): return first < second
        }
    }
}

struct NavLink: Sendable, Equatable {
    let title: String
    let href: String
    /// The page or section it leads to, for `aria-current`.
    let path: SitePath?
}

extension LinkedDocument {
    init(facts: DocumentFacts, path: String, hrefs: [String: String], glossaryMatches: [Int: [GlossaryMatcher.Match]],
         images: [String: PixelSize] = [:], html: SlottedHTML? = nil) {
        self.init(path: path, headings: facts.headings, links: facts.links, rawHTML: facts.rawHTML,
                  syntaxWarnings: facts.problems.filter { $0.severity == .warning }, extraAnchors: facts.extraAnchors, hrefs: hrefs,
                  glossaryMatches: glossaryMatches, texts: facts.texts, images: images, html: html)
    }
}
