import Foundation

/// What a `BuildCache` keeps of the search index between rebuilds: one analyzer (its stem ids
/// only grow) and each document's analysis, keyed by the whole document, forgotten when a
/// build no longer uses it. The index files are then merged from the analyses as a full
/// build merges them (`SearchIndex.files`), so the bytes are the same.
final class SearchAnalyses: @unchecked Sendable {
    private let lock = NSLock()
    private var analyzer = SearchAnalyzer()
    private var language = SearchLanguage.english
    /// By URL, with the document analysed: compared, not hashed (hashing reads every text).
    private var analyses: [String: (document: SearchDocument, analysis: SearchAnalyzer.Analysis)] = [:]
    /// How many documents the last build analysed (the rest it found here): tests read it.
    private(set) var lastAnalysed = 0

    func files(_ documents: [SearchDocument], language: SearchLanguage) -> [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        // A vocabulary grown past reason (many edits of many words), or another language: start again.
        if analyzer.vocabularySize > 2_000_000 || self.language != language {
            self.language = language
            analyzer = SearchAnalyzer(language: language)
            analyses = [:]
        }
        var used: [String: (document: SearchDocument, analysis: SearchAnalyzer.Analysis)] = [:]
        used.reserveCapacity(documents.count)
        var analysed = 0
        let list = documents.map { document in
            if let hit = used[document.url] ?? analyses[document.url], hit.document == document {
                used[document.url] = hit
                return hit.analysis
            }
            let analysis = analyzer.analyse(document)
            analysed += 1
            used[document.url] = (document, analysis)
            return analysis
        }
        analyses = used
        lastAnalysed = analysed
        return SearchIndex.files(documents, analyses: list, stems: analyzer.stems)
    }
}
