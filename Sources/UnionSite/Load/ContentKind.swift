/// Which part of the content model a Markdown file belongs to, decided by its folder.
///
/// Everything that differs between kinds and is not a typed field of the kind's own model
/// (`Article.date`, `GuideChapter.terms` …) is one row of `descriptor`: load reads the folder,
/// the model reads the keys and the noun, `Routes` the section, render the template and
/// search the filter name, `new` the scaffold. The switch there is the one place a new kind
/// must be described; the compiler finds it.
public enum ContentKind: String, Sendable, CaseIterable {
    case article, principleDocument, guideChapter, page

    /// Which typed model a kind's files are built into, and so which page renders them. A kind
    /// with no typed fields of its own uses `.page`: its `keys` reach its template as
    /// `page.params.KEY`, its pages sit under `section` with `template`, and its row here (with
    /// the template and a fixture) is all it needs.
    public enum Model: Sendable {
        case article, principleDocument, guideChapter, page
    }

    /// One row of the table.
    public struct Descriptor: Sendable {
        /// The typed model its files are built into.
        let model: Model
        /// The folder under `content/` that holds this kind.
        let folder: String
        /// Articles may sit in subfolders (by year, say); the other kinds are flat.
        let isRecursive: Bool
        /// The word authors use, for messages.
        let noun: String
        /// The name `unionsite new` takes for it.
        let commandName: String
        /// Front-matter keys of this kind besides `ContentKind.sharedKeys`.
        let keys: [String]
        /// The folders its pages sit under: `/articles/<slug>/`; none for pages (`/<slug>/`).
        let section: [String]
        /// Its template, which is also its `page.kind` in templates.
        let template: String
        /// Its filter on the search page (`meta.json`'s kind names).
        let searchKind: SearchDocument.Kind
        /// `new`'s front matter after `title:`, one key a line, for the given day.
        let scaffoldKeys: @Sendable (Day) -> [String]
        /// `new`'s body text.
        let scaffoldBody: String
    }

    /// The keys every kind has.
    static let sharedKeys = ["title", "summary", "slug", "autolink", "review_by", "changes", "translation_key"]

    public var descriptor: Descriptor {
        switch self {
        case .article: Self.articleRow
        case .principleDocument: Self.principleRow
        case .guideChapter: Self.chapterRow
        case .page: Self.pageRow
        }
    }

    private static let articleRow = Descriptor(
        model: .article, folder: "articles", isRecursive: true, noun: "article", commandName: "article",
        keys: ["date", "tags", "author", "updated", "draft"], section: ["articles"], template: "article",
        searchKind: .article, scaffoldKeys: { ["date: \($0)", "summary: \"\"", "tags: []", "draft: true", "changes: []"] },
        scaffoldBody: "Write the article here.\n")

    private static let principleRow = Descriptor(
        model: .principleDocument, folder: "principles", isRecursive: false, noun: "principle document", commandName: "principle",
        keys: ["version", "adopted"], section: ["principles"], template: "principle-document",
        searchKind: .principle, scaffoldKeys: { ["summary: \"\"", "version: \"1.0\"", "adopted: \($0)", "changes: []"] },
        scaffoldBody: "## First principle\n\nEach `##` section is one principle.\n")

    private static let chapterRow = Descriptor(
        model: .guideChapter, folder: "guide", isRecursive: false, noun: "guide chapter", commandName: "guide",
        keys: ["order", "terms"], section: ["guide"], template: "chapter",
        searchKind: .guide, scaffoldKeys: { _ in ["summary: \"\"", "terms: []", "changes: []"] },
        scaffoldBody: "## First section\n\nWrite the chapter here.\n")

    private static let pageRow = Descriptor(
        model: .page, folder: "pages", isRecursive: false, noun: "page", commandName: "page",
        keys: [], section: [], template: "page",
        searchKind: .page, scaffoldKeys: { _ in ["summary: \"\"", "changes: []"] },
        scaffoldBody: "Write the page here.\n")

    // Shorthands for the fields read most.
    var folder: String { descriptor.folder }
    var isRecursive: Bool { descriptor.isRecursive }
    public var noun: String { descriptor.noun }
}
