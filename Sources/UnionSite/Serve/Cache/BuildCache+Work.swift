import Foundation

/// The memoised version of every stage's per-item functions (`StageWork`): each looks up
/// its memo by all the inputs the direct version (`DirectWork`) would compute from, and
/// calls it on a miss, so a hit is what computing would have given.
extension BuildCache: StageWork {
    // MARK: Load

    func readDocument(_ url: URL, kind: ContentKind, reader: TextFileReader) -> Result<SourceDocument, Diagnostics> {
        remembered(url, kind: kind, reader: reader, in: documents) { DirectWork().readDocument(url, kind: kind, reader: reader) }
    }

    func readVacancyFile(_ url: URL, reader: TextFileReader) -> Result<[SourceRecord], Diagnostics> {
        remembered(url, kind: nil, reader: reader, in: vacancyFiles) { DirectWork().readVacancyFile(url, reader: reader) }
    }

    func readImageSize(_ absolutePath: String) -> Result<PixelSize, ImageHeader.Problem> {
        let read = { DirectWork().readImageSize(absolutePath) }
        guard let stamp = FileStamp(absolutePath), !stamp.isRecent(window: racyWindow) else { return read() }
        return images.value(absolutePath, input: stamp, compute: read)
    }

    /// What reading gave for the file last time, while its `stat` stamp is the same and not
    /// recent (`FileStamp.isRecent`): a file saved within the window is read again.
    private func remembered<Value>(_ url: URL, kind: ContentKind?, reader: TextFileReader,
                                   in memo: Memo<String, DocumentInput, Value>, read: () -> Value) -> Value {
        guard let stamp = FileStamp(url.path), !stamp.isRecent(window: racyWindow) else { return read() }
        return memo.value(url.path, input: .init(stamp: stamp, kind: kind, maxBytes: reader.maxBytes), compute: read)
    }

    // MARK: Model

    func buildItem(_ document: SourceDocument, timeZone: TimeZone) -> ItemBuilder.Built {
        items.value(document.path, input: .init(document: document, timeZone: timeZone)) { DirectWork().buildItem(document, timeZone: timeZone) }
    }

    // MARK: Link

    func bodyReading(with reader: BodyReader) -> ReadBody {
        let version = bodyReaders.version(of: reader)
        let read = DirectWork().bodyReading(with: reader)
        return { [reads] source in
            let input = ReadInput(body: source.body, numbersPrinciples: source.numbersPrinciples, autolink: source.autolink)
            return reads.value(source.key, input: .init(shared: version, input: input)) { read(source) }
        }
    }

    func linkChecking(in world: LinkWorld) -> CheckLinks {
        let version = linkWorlds.version(of: world)
        let check = DirectWork().linkChecking(in: world)
        return { [checkedLinks] links, key, contentPath in
            let input = CheckInput(links: links, contentPath: contentPath)
            return checkedLinks.value(key, input: .init(shared: version, input: input)) { check(links, key, contentPath) }
        }
    }

    func lintBody(_ document: LinkedDocument, key: PageKey) -> [Diagnostic] {
        bodyWarnings.value(key, input: document) { DirectWork().lintBody(document, key: key) }
    }

    // MARK: Render

    func relatedArticles(_ articles: [Article], backlinks: [PageKey: [Citation]]) -> RelatedArticles {
        related.value("related", input: RelatedArticles.Input(articles, backlinks: backlinks)) {
            DirectWork().relatedArticles(articles, backlinks: backlinks)
        }
    }

    func pageWork(sharing world: RenderWorld) -> any PageWork {
        CachedPages(cache: self, world: renderWorlds.version(of: world))
    }

    func searchSnippet(url: String, summary: String?, texts: TextRuns) -> String {
        snippets.value(url, input: SnippetInput(summary: summary, texts: texts)) {
            DirectWork().searchSnippet(url: url, summary: summary, texts: texts)
        }
    }

    func searchIndex(_ documents: [SearchDocument], language: SearchLanguage) -> [String: [UInt8]] {
        searchAnalyses.files(documents, language: language)
    }
}

/// One render's pages through the cache: `world` is the version of the `RenderWorld` they share.
private struct CachedPages: PageWork {
    let cache: BuildCache
    let world: Int

    func articlePage(_ path: SitePath, input: @autoclosure () -> ArticlePageInput, render: () -> RenderedPage) -> RenderedPage {
        cache.articlePages.value(path.outputFile, input: .init(shared: world, input: input()), compute: render)
    }

    func articleList(_ path: SitePath, input: @autoclosure () -> ArticleListInput, render: () -> RenderedPage) -> RenderedPage {
        cache.articleLists.value(path.outputFile, input: .init(shared: world, input: input()), compute: render)
    }

    func body(_ key: @autoclosure () -> BodyKey, render: () -> String) -> String {
        cache.body(key(), compute: render)
    }

    func page(_ path: SitePath, fingerprint: @autoclosure () -> Int, render: () -> [UInt8]) -> [UInt8] {
        cache.page(path.outputFile, fingerprint: fingerprint(), render: render)
    }
}

extension BuildCache {
    /// Stages 1–4 in memory through this cache, then `endBuild`: a `serve` rebuild without
    /// the preview's extras (tests compare it with a full build).
    public func render(_ options: Build.Options) throws(Diagnostics) -> InMemorySite {
        let sink = MemorySink()
        // As serve builds: every body kept, so later body edits find them.
        let site = try Build.stages(options, into: sink, work: self, keepSources: true).rendered
        _ = endBuild()
        return InMemorySite(site: site, files: sink.files)
    }
}
