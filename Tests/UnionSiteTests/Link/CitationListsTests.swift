import Testing
@testable import UnionSite

/// The Link stage's backlinks and glossary uses, gathered by position: what `CitationLists`
/// hands on must be what a dictionary keyed by page would have gathered.
struct CitationListsTests {
    static func source(_ key: PageKey) -> LinkSources.Source {
        LinkSources.Source(key: key, contentPath: key.description, body: MarkdownSource(text: "", path: "content/" + key.description, firstLine: 1),
                           numbersPrinciples: false, autolink: nil)
    }

    @Test("citations by position and by key, a page's own links left out, uses per entry, in citing-key order")
    func gathers() {
        let z = PageKey.item("articles/z.md"), a = PageKey.item("articles/a.md"), guide = PageKey.item("guide/academies.md")
        let outside = PageKey.item("pages/not-a-source.md")
        let sources = [Self.source(z), Self.source(a), Self.source(guide)]
        let positions = CitationLists.positions(of: sources)
        #expect(positions == [z: 0, a: 1, guide: 2])
        var lists = CitationLists(sources)
        #expect(lists.citingOrder == [1, 0, 2])
        let citations: [[(PageKey, String?)]] = [
            [(guide, "one"), (z, nil), (outside, nil), (guide, nil)],
            [(guide, nil), (outside, "x")],
            [(a, nil)],
        ]
        let uses: [Set<GlossaryEntryID>] = [[GlossaryEntryID(2)], [GlossaryEntryID(0), GlossaryEntryID(2)], []]
        for index in lists.citingOrder {
            lists.add(citations: CitationLists.Citations(citations[index], positions: positions), from: index)
            lists.add(uses: uses[index], from: index)
        }
        let (backlinks, byEntry) = lists.dictionaries()
        #expect(backlinks == [
            guide: [Citation(source: a, fragment: nil), Citation(source: z, fragment: "one"), Citation(source: z, fragment: nil)],
            outside: [Citation(source: a, fragment: "x"), Citation(source: z, fragment: nil)],
            a: [Citation(source: guide, fragment: nil)],
        ])
        #expect(byEntry == [GlossaryEntryID(0): [a], GlossaryEntryID(2): [a, z]])
    }
}
