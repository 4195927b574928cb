import Foundation

/// The render stage's search step: collects the searchable documents from the linked site,
/// analyses them and adds the index files under `search/` (see `SearchIndex`).
///
/// With `serve`'s `BuildCache`, a document whose text has not changed is not analysed again
/// (`SearchIndexCache`); only the merge into postings, linear in their number, is redone.
/// The bytes are the same either way.
enum SearchIndexWriter {
    /// The index files by output path.
    static func files(_ linked: LinkedSite, cache: BuildCache?) -> [String: [UInt8]] {
        let documents = SearchDocument.collect(linked, cache: cache)
        let language = SearchLanguage(tag: linked.site.settings.language)
        if let cache { return SearchIndexCache.shared.files(documents, for: cache, language: language) }
        let (analyses, stems) = SearchAnalyzer.analyseInParallel(documents, language: language)
        return SearchIndex.files(documents, analyses: analyses, stems: stems)
    }
}

/// What `serve` keeps between rebuilds, per `BuildCache`: one analyzer (its stem ids only grow)
/// and each document's analysis, keyed by the whole document, forgotten when a build no longer uses it.
final class SearchIndexCache: @unchecked Sendable {
    static let shared = SearchIndexCache()

    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        weak var owner: BuildCache?
        var analyzer = SearchAnalyzer()
        var language = SearchLanguage.english
        /// By URL, with the document analysed: compared, not hashed (hashing reads every text).
        var analyses: [String: (document: SearchDocument, analysis: SearchAnalyzer.Analysis)] = [:]
        var lastAnalysed = 0

        init(owner: BuildCache) { self.owner = owner }
    }

    private let lock = NSLock()
    private var entries: [ObjectIdentifier: Entry] = [:]

    private func entry(for cache: BuildCache) -> Entry {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { $0.value.owner != nil }
        if let entry = entries[ObjectIdentifier(cache)], entry.owner === cache { return entry }
        let entry = Entry(owner: cache)
        entries[ObjectIdentifier(cache)] = entry
        return entry
    }

    func files(_ documents: [SearchDocument], for cache: BuildCache, language: SearchLanguage) -> [String: [UInt8]] {
        let entry = entry(for: cache)
        entry.lock.lock()
        defer { entry.lock.unlock() }
        // A vocabulary grown past reason (many edits of many words), or another language: start again.
        if entry.analyzer.vocabularySize > 2_000_000 || entry.language != language {
            entry.language = language
            entry.analyzer = SearchAnalyzer(language: language)
            entry.analyses = [:]
        }
        var used: [String: (document: SearchDocument, analysis: SearchAnalyzer.Analysis)] = [:]
        used.reserveCapacity(documents.count)
        var analysed = 0
        let list = documents.map { document in
            if let hit = used[document.url] ?? entry.analyses[document.url], hit.document == document {
                used[document.url] = hit
                return hit.analysis
            }
            let analysis = entry.analyzer.analyse(document)
            analysed += 1
            used[document.url] = (document, analysis)
            return analysis
        }
        entry.analyses = used
        entry.lastAnalysed = analysed
        return SearchIndex.files(documents, analyses: list, stems: entry.analyzer.stems)
    }

    /// How many documents the last build with `cache` analysed (the rest came from the cache).
    func analysedCount(for cache: BuildCache) -> Int? {
        let entry = entry(for: cache)
        entry.lock.lock()
        defer { entry.lock.unlock() }
        return entry.lastAnalysed
    }
}
