/// Which part of the content model a Markdown file belongs to, decided by its folder.
public enum ContentKind: String, Sendable, CaseIterable {
    case article, principleDocument, guideChapter, page

    /// The folder under `content/` that holds this kind.
    var folder: String {
        switch self {
        case .article: "articles"
        case .principleDocument: "principles"
        case .guideChapter: "guide"
        case .page: "pages"
        }
    }

    /// Articles may sit in subfolders (by year, say); the other kinds are flat.
    var isRecursive: Bool { self == .article }

    /// The word authors use, for messages and the `new` command.
    public var noun: String {
        switch self {
        case .article: "article"
        case .principleDocument: "principle document"
        case .guideChapter: "guide chapter"
        case .page: "page"
        }
    }
}
