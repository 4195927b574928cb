/// A standalone page (about, join, accessibility), published at `/<slug>/`.
public struct Page: Sendable, Hashable {
    public internal(set) var item: ContentItem
}
