/// What a link points at once resolved: where to send the reader, and what to record.
enum LinkTarget: Hashable, Sendable {
    /// A content item or a vacancy, with an optional fragment.
    case page(key: PageKey, path: SitePath, fragment: String?)
    /// A generated page (`/articles/`, `/guide/glossary/`), with an optional fragment.
    case section(path: SitePath, fragment: String?)
    /// A file under `content/static/`.
    case file(path: String, fragment: String?)
    /// From a translation, a page that exists only in the default language: its path there.
    case original(path: SitePath, fragment: String?)
    /// `http:`, `mailto:` …: left as written.
    case external
    /// `javascript:`, `vbscript:`, `data:`: dropped.
    case unsafe

    /// The backlink key of the page linked to, if it is a content page.
    var pageKey: PageKey? {
        if case .page(let key, _, _) = self { return key }
        return nil
    }
}
