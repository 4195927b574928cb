/// What every Markdown-backed item shares: where it came from, where it goes, its body.
public struct ContentItem: Sendable, Hashable {
    /// The path below `content/` that cross-links name: `guide/academies.md`.
    public let id: String
    public let kind: ContentKind
    public let title: String
    public let summary: String?
    public let slug: String
    public let url: SitePath
    /// The file, line 1: where "this page" problems point.
    public let location: SourceLocation
    /// Set once, by the model; `build` and `check` let most bodies' text go once the Link stage
    /// has read them (`Site.releaseBodies`).
    public internal(set) var body: MarkdownSource
    /// Per-page `autolink:`; nil means the site's setting.
    public let autolink: Bool?
    /// Front-matter keys the model does not know, for templates (`page.params.KEY`).
    public let params: [YAMLEntry]
    /// `review_by:` (an extension): past it, the page says it is due for review.
    public let reviewBy: Day?
    /// `changes:`, newest first (ties in file order), all of them: which have happened by the
    /// build day is `Site.changes(of:)`'s decision.
    public let changes: [Change]
    /// The language a translation is in (`cy` for `about.cy.md`); nil for the default language.
    public let language: String?
    /// What pairs a page with its translations: `translation_key:`, or else the content path
    /// without the language (`pages/about.md` for `about.md` and `about.cy.md`).
    public let translationKey: String
}

/// Markdown text with enough to turn cmark's positions back into file positions.
public struct MarkdownSource: Sendable, Hashable {
    public let text: String
    public let path: String
    /// The file line of the text's first line.
    public let firstLine: Int
    /// Columns the text is indented by in its file (a YAML block scalar's indentation).
    public var columnOffset = 0
    /// Whether the text was let go once the Link stage had read it (`released`): such a body
    /// must never be parsed again.
    public private(set) var isReleased = false

    /// The same source without its text: where it came from stays, for messages and for
    /// `BodyRenderer` to know the body as the one the Link stage read.
    var released: MarkdownSource {
        var source = MarkdownSource(text: "", path: path, firstLine: firstLine, columnOffset: columnOffset)
        source.isReleased = true
        return source
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + firstLine - 1, column: column + columnOffset)
    }
}
