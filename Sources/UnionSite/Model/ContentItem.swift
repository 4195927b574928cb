/// What every Markdown-backed item shares: where it came from, where it goes, its body.
///
/// A value with its fields in one shared, immutable box (`Fields`): every stage hands items
/// around in arrays, sorts and filters them, and each copy of sixteen fields (most of them
/// strings) cost a reference count per string; a copy of the box costs one. Equality and
/// hashing are the fields'; setting `body` makes a new box, so a copy never sees the change.
public struct ContentItem: Sendable, Hashable {
    /// The item's fields, as the model built them.
    struct Fields: Sendable, Hashable {
        var id: String
        var kind: ContentKind
        var title: String
        var summary: String?
        var slug: String
        var url: SitePath
        var location: SourceLocation
        var body: MarkdownSource
        var autolink: Bool?
        var params: [YAMLEntry]
        var reviewBy: Day?
        var changes: [Change]
        var language: String?
        var translationKey: String
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(id: String, kind: ContentKind, title: String, summary: String?, slug: String, url: SitePath, location: SourceLocation,
         body: MarkdownSource, autolink: Bool?, params: [YAMLEntry], reviewBy: Day?, changes: [Change], language: String?,
         translationKey: String) {
        box = Box(Fields(id: id, kind: kind, title: title, summary: summary, slug: slug, url: url, location: location, body: body,
                         autolink: autolink, params: params, reviewBy: reviewBy, changes: changes, language: language,
                         translationKey: translationKey))
    }

    public static func == (lhs: ContentItem, rhs: ContentItem) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// The path below `content/` that cross-links name: `guide/academies.md`.
    public var id: String { box.fields.id }
    public var kind: ContentKind { box.fields.kind }
    public var title: String { box.fields.title }
    public var summary: String? { box.fields.summary }
    public var slug: String { box.fields.slug }
    public var url: SitePath { box.fields.url }
    /// The file, line 1: where "this page" problems point.
    public var location: SourceLocation { box.fields.location }
    /// Set once, by the model; `build` and `check` let most bodies' text go once the Link stage
    /// has read them (`Site.releaseBodies`).
    public internal(set) var body: MarkdownSource {
        get { box.fields.body }
        set {
            var fields = box.fields
            fields.body = newValue
            box = Box(fields)
        }
    }
    /// Per-page `autolink:`; nil means the site's setting.
    public var autolink: Bool? { box.fields.autolink }
    /// Front-matter keys the model does not know, for templates (`page.params.KEY`).
    public var params: [YAMLEntry] { box.fields.params }
    /// `review_by:` (an extension): past it, the page says it is due for review.
    public var reviewBy: Day? { box.fields.reviewBy }
    /// `changes:`, newest first (ties in file order), all of them: which have happened by the
    /// build day is `Site.changes(of:)`'s decision.
    public var changes: [Change] { box.fields.changes }
    /// The language a translation is in (`cy` for `about.cy.md`); nil for the default language.
    public var language: String? { box.fields.language }
    /// What pairs a page with its translations: `translation_key:`, or else the content path
    /// without the language (`pages/about.md` for `about.md` and `about.cy.md`).
    public var translationKey: String { box.fields.translationKey }
}

/// Markdown text with enough to turn cmark's positions back into file positions.
public struct MarkdownSource: Sendable, Hashable {
    public let text: String
    public let path: String
    /// The file line of the text's first line.
    public let firstLine: Int
    /// Columns the text is indented by in its file (a YAML block scalar's indentation).
    public var columnOffset = 0
    /// Where every position in the text is reported, when its lines are not the file's: a
    /// quoted YAML or JSON string whose line breaks are `\n` escapes or folded lines.
    public var pinned: SourceLocation? = nil
    /// Whether the text was let go once the Link stage had read it (`released`): such a body
    /// must never be parsed again.
    public private(set) var isReleased = false

    /// The same source without its text: where it came from stays, for messages and for
    /// `BodyRenderer` to know the body as the one the Link stage read.
    var released: MarkdownSource {
        var source = MarkdownSource(text: "", path: path, firstLine: firstLine, columnOffset: columnOffset, pinned: pinned)
        source.isReleased = true
        return source
    }

    func location(line: Int, column: Int) -> SourceLocation {
        if let pinned { return pinned }
        return SourceLocation(path: path, line: line + firstLine - 1, column: column + columnOffset)
    }
}
