/// A chapter of the member guide; `guide/index.md` is the guide's front page.
public struct GuideChapter: Sendable, Hashable {
    public let item: ContentItem
    /// `order:`, then the file name, decide the chapter sequence.
    public let order: Int?
    public let terms: [GlossaryTerm]
    public var isGuideIndex: Bool { item.id == "guide/index.md" }
}

/// A term a chapter defines, with its aliases; it gets an entry on `/guide/glossary/`.
public struct GlossaryTerm: Sendable, Hashable {
    public let term: String
    public let definition: String?
    public let aliases: [String]
    /// Where each alias is written, for "defined twice" messages (same order as `aliases`).
    public var aliasLocations: [SourceLocation] = []
    /// The defining chapter's content id.
    public let chapterID: String
    public let location: SourceLocation

    /// Where a name (the term or an alias) is written.
    func location(of name: String) -> SourceLocation {
        guard let index = aliases.firstIndex(of: name), index < aliasLocations.count else { return location }
        return aliasLocations[index]
    }

    /// The entry's id on the glossary page: the term, by the heading-id rule.
    public var anchor: String { HeadingID.base(for: term) }
}
