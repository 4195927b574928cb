/// A news or guidance article: dated, tagged, listed newest first.
public struct Article: Sendable, Hashable {
    public internal(set) var item: ContentItem
    public let date: ContentDate
    public let updated: ContentDate?
    public let tags: [String]
    public let author: String?
    public let draft: Bool
}
