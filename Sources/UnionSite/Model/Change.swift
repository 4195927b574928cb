/// One public note of a major change to a page (`changes:` in front matter): what members
/// read in the page's history, on `/updates/` and in the updates feed.
public struct Change: Sendable, Hashable {
    public let date: ContentDate
    public let note: String
    /// On principle documents: the version this change made (the history is the version log).
    public let version: String?
    /// The entry's place in the file, counted from 0: ties on one day keep file order.
    public let position: Int
    public let location: SourceLocation
}

extension [Change] {
    /// Newest first; changes of one day in file order.
    func newestFirst() -> [Change] {
        sorted { ($1.date.day, $0.position) < ($0.date.day, $1.position) }
    }
}
