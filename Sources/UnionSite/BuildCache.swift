import Foundation

/// Memoised results that `serve` keeps between rebuilds, so an edit re-does only the work
/// whose inputs changed: reading a file whose size, inode and times are unchanged, building
/// an item from the same source, parsing a body that is the same text, matching the glossary
/// in the same text, checking the same links against the same set of pages and anchors,
/// rendering a page whose template values are the same.
///
/// Every entry is keyed by all of its inputs, so a cached result is by construction the one
/// a full build would compute: incremental output is byte-identical to a full build.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Load: a file's document (or why it could not be read), by path.
    let documents = Memo<String, DocumentInput, Result<SourceDocument, Diagnostics>>()
    /// Load: a vacancy file's records, by path.
    let vacancyFiles = Memo<String, DocumentInput, Result<[SourceRecord], Diagnostics>>()
    /// Image sizes under content/static/, while the file's stamp is unchanged.
    let images = Memo<String, FileStamp, Result<PixelSize, ImageHeader.Problem>>()
    /// Model: the item built from a document, by path.
    let items = Memo<String, ItemInput, ItemBuilder.Built>()
    /// Link: what one parse of a body gave (facts, glossary matches, HTML with slots), by source key.
    let reads = Memo<PageKey, ReadInput, BodyReader.Read>()
    let bodyReaders = VersionCounter<BodyReader>()
    /// Link: a body's checked links, by source key, valid while the link world is the same.
    let checkedLinks = Memo<PageKey, CheckInput, LinkChecker.Checked>()
    let linkWorlds = VersionCounter<LinkWorld>()
    /// Link: a body's lint warnings, by source key.
    let bodyWarnings = Memo<PageKey, LinkedDocument, [Diagnostic]>()
    /// Render: related articles, while ids, tags and citations are the same.
    let related = Memo<String, RelatedArticles.Input, RelatedArticles>()
    /// Render: search snippets and analyses, by page URL.
    let snippets = Memo<String, SearchDocument.SnippetInput, String>()
    /// Render: article pages and article lists, skipped whole while what they show is the same.
    let articlePages = Memo<String, ArticlePageInput, RenderedPage>()
    let articleLists = Memo<String, ArticleListInput, RenderedPage>()
    let renderWorlds = VersionCounter<RenderWorld>()
    private var bodies: [BodyKey: String] = [:]
    private var pages: [String: (fingerprint: Int, bytes: [UInt8])] = [:]
    private var usedPages: Set<String> = []
    private(set) var pagesRendered = 0

    /// Files changed less than this many seconds ago are always read again (see `FileStamp.isRecent`).
    let racyWindow: Int

    public init(racyWindow: Int = 2) { self.racyWindow = racyWindow }

    struct DocumentInput: Equatable {
        let stamp: FileStamp
        /// Nil for a vacancy file.
        let kind: ContentKind?
        let maxBytes: Int
    }

    struct ItemInput: Equatable {
        let document: SourceDocument
        let timeZone: TimeZone
    }

    struct ReadInput: Equatable {
        let body: MarkdownSource
        let numbersPrinciples: Bool
        let autolink: Bool?
        /// The `BodyReader`'s version (`bodyReaders`): its glossary, base path and words.
        let reader: Int
    }

    struct CheckInput: Equatable {
        let links: [DocumentFacts.Link]
        let contentPath: String
        let world: Int
    }

    /// Everything a body's HTML depends on.
    struct BodyKey: Hashable {
        let key: PageKey
        let source: MarkdownSource
        let hrefs: [String: String]
        let images: [String: PixelSize]
        let glossaryMatches: [Int: [GlossaryMatcher.Match]]
        /// The glossary and base path, which glossary links depend on.
        let glossary: Int
        let placement: String
        let citations: [String?]
    }

    func body(_ key: BodyKey, compute: () -> String) -> String {
        if let hit = locked({ bodies[key] }) { return hit }
        let value = compute()
        locked { bodies[key] = value }
        return value
    }

    /// A page is rendered again only when its template values changed.
    func page(_ path: String, fingerprint: Int, render: () -> [UInt8]) -> [UInt8] {
        if let hit = locked({ pages[path] }), hit.fingerprint == fingerprint {
            locked { _ = usedPages.insert(path) }
            return hit.bytes
        }
        let bytes = render()
        locked {
            pages[path] = (fingerprint, bytes)
            usedPages.insert(path)
            pagesRendered += 1
        }
        return bytes
    }

    /// Forgets what the last build did not use, so the cache does not grow with edits.
    func endBuild() -> Int {
        locked {
            pages = pages.filter { usedPages.contains($0.key) }
            usedPages = []
            let rendered = pagesRendered
            pagesRendered = 0
            if bodies.count > 4 * max(pages.count, 64) { bodies = [:] }
            for memo in [documents.prune, vacancyFiles.prune, items.prune, reads.prune, checkedLinks.prune, articlePages.prune, articleLists.prune,
                          bodyWarnings.prune, related.prune, snippets.prune, images.prune] { memo() }
            return rendered
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// A hash of a page's template values, to tell whether it must be rendered again.
/// Dictionaries are hashed in key order, so equal values always give equal fingerprints.
enum ContextFingerprint {
    static func of(_ value: Any) -> Int {
        var hasher = Hasher()
        combine(value, into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ value: Any, into hasher: inout Hasher) {
        switch value {
        case let text as String: hasher.combine(0); hasher.combine(text)
        case let number as Int: hasher.combine(1); hasher.combine(number)
        case let flag as Bool: hasher.combine(2); hasher.combine(flag)
        case let list as [Any]:
            hasher.combine(3); hasher.combine(list.count)
            for item in list { combine(item, into: &hasher) }
        case let map as [String: Any]:
            hasher.combine(4); hasher.combine(map.count)
            for key in map.keys.sorted() {
                hasher.combine(key)
                combine(map[key]!, into: &hasher)
            }
        default: hasher.combine(5); hasher.combine(String(describing: value))
        }
    }
}
