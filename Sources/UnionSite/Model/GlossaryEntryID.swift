/// A glossary entry: its position in `Site.glossary` (sorted A to Z), which is how matches,
/// "used in" lists, exclusions and the made-once opening tags name it.
///
/// A type of its own, not an `Int`, because the same code also holds text node indices
/// (`[Int: [GlossaryMatcher.Match]]` is by text node) and counts: an entry cannot be taken
/// for either, and an array of the site's glossary or its tags is read with `[entry:]`.
struct GlossaryEntryID: Hashable, Comparable, Sendable {
    /// The position in the glossary the matcher was made from.
    let index: Int

    init(_ index: Int) { self.index = index }

    static func < (a: GlossaryEntryID, b: GlossaryEntryID) -> Bool { a.index < b.index }
}

extension Array {
    /// The element for a glossary entry, in an array in glossary order (the terms, or a value
    /// made once per entry such as its opening tag).
    subscript(entry entry: GlossaryEntryID) -> Element { self[entry.index] }
}

extension [GlossaryTerm] {
    /// Each term's entry, in glossary order.
    var entryIDs: [GlossaryEntryID] { indices.map(GlossaryEntryID.init) }
}
