import Foundation

/// The render stage's search step: collects the searchable documents from the linked site,
/// analyses them and adds the index files under `search/` (see `SearchIndex`).
///
/// The analysis is `RenderWork.searchIndex`: `serve`'s does not analyse again a document
/// whose text has not changed (`SearchAnalyses`); only the merge into postings, linear in
/// their number, is redone. The bytes are the same either way.
enum SearchIndexWriter {
    /// The index files by output path.
    static func files(_ linked: LinkedSite, work: any RenderWork = DirectWork()) -> [String: [UInt8]] {
        let documents = SearchDocument.collect(linked, work: work)
        return work.searchIndex(documents, language: SearchLanguage(tag: linked.site.settings.language))
    }
}
