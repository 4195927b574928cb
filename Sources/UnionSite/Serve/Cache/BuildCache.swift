import Foundation

/// What `serve` keeps between rebuilds, so an edit re-does only the work whose inputs
/// changed: reading a file whose size, inode and times are unchanged, building an item from
/// the same source, parsing a body that is the same text, checking the same links against
/// the same set of pages and anchors, rendering a page whose template values are the same.
///
/// The stages do not know it: it is a `StageWork` (`BuildCache+Work.swift`), the memoised
/// version of each stage's per-item functions, handed to `Build.stages` by `PreviewBuild`
/// and to `BodyEdit`. Every entry is keyed by all of its inputs, so a kept result is by
/// construction the one a full build would compute: incremental output is byte-identical.
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
    let reads = Memo<PageKey, Versioned<ReadInput>, BodyReader.Read>()
    let bodyReaders = VersionCounter<BodyReader>()
    /// Link: a body's checked links, by source key, valid while the link world is the same.
    let checkedLinks = Memo<PageKey, Versioned<CheckInput>, LinkChecker.Checked>()
    let linkWorlds = VersionCounter<LinkWorld>()
    /// Link: a body's lint warnings, by source key.
    let bodyWarnings = Memo<PageKey, LinkedDocument, [Diagnostic]>()
    /// Render: related articles, while ids, tags and citations are the same.
    let related = Memo<String, RelatedArticles.Input, RelatedArticles>()
    /// Render: search snippets, by page URL.
    let snippets = Memo<String, SnippetInput, String>()
    /// Render: each search document's analysis (`SearchAnalyses`).
    let searchAnalyses = SearchAnalyses()
    /// Render: article pages and article lists, skipped whole while what they show is the same.
    let articlePages = Memo<String, Versioned<ArticlePageInput>, RenderedPage>()
    let articleLists = Memo<String, Versioned<ArticleListInput>, RenderedPage>()
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
    }

    struct CheckInput: Equatable {
        let links: [DocumentFacts.Link]
        let contentPath: String
    }

    struct SnippetInput: Equatable {
        let summary: String?
        let texts: TextRuns
    }

    /// An item's own input with the version of what every item of the build shares (a
    /// `VersionCounter`'s: the `BodyReader`, the `LinkWorld`, the `RenderWorld`).
    struct Versioned<Input: Equatable>: Equatable {
        let shared: Int
        let input: Input
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
    /// - Returns: how many pages the build rendered (the rest it found here).
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
