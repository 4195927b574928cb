/// Reads each body once for the whole build: parses it, collects its facts, chooses the
/// glossary terms it links and, from the same tree, renders its HTML with a slot for each href
/// that depends on the site's pages (`SlottedHTML`). The Render stage fills the slots instead
/// of parsing the body again.
///
/// A body whose HTML depends on more than its hrefs is left to the Render stage, which renders
/// it from a second parse as before: a principle document (its "cited in" notes need every
/// page's links) and a body with images (their sizes come from the files the links resolve to).
/// The printable guide places chapters differently, so it always renders them afresh.
struct BodyReader: Sendable, Equatable {
    let glossary: [GlossaryTerm]
    let matcher: GlossaryMatcher
    let glossaryTags: [String]
    /// The site's `autolink` setting, which a page's own overrides.
    let autolink: Bool
    /// The theme's words for the labels the Markdown passes write; nil when the tables do not
    /// load (the Render stage reports why, and renders every body itself).
    let strings: ThemeStrings?

    init(_ site: Site) {
        glossary = site.glossary
        matcher = GlossaryMatcher(site.glossary)
        glossaryTags = GlossaryLinking.openingTags(site.glossary, settings: site.settings)
        autolink = site.settings.autolink
        strings = try? ThemeStrings.load(language: site.settings.language, site: site.templates, englishFallbackAt: site.settings.englishFallback)
    }

    /// Readers that read alike: the matcher is made from the glossary.
    static func == (a: BodyReader, b: BodyReader) -> Bool {
        a.glossary == b.glossary && a.glossaryTags == b.glossaryTags && a.autolink == b.autolink && a.strings == b.strings
    }

    /// Everything one parse of a body gives.
    struct Read: Sendable {
        let facts: DocumentFacts
        /// The glossary terms to link, by body text node index (empty when auto-linking is off).
        let glossaryMatches: [Int: [GlossaryMatcher.Match]]
        /// Nil for the bodies the Render stage renders itself (above).
        let html: SlottedHTML?
    }

    func read(_ source: LinkSources.Source) -> Read {
        let document = MarkdownDocument(source.body)
        // The facts' walk gathers the body text nodes: the facts read their text, the glossary
        // pass splits them.
        let listed = DocumentFacts.collectListingNodes(document, numberPrinciples: source.numbersPrinciples)
        let facts = listed.facts
        assert(listed.textNodes == GlossaryLinking.bodyTextNodes(document), "the text nodes gathered are not the body's")
        let matches = exclusions(source).map { GlossaryLinking.chosen(in: facts.texts, matcher: matcher, excluded: $0) } ?? [:]
        guard let strings, !source.numbersPrinciples, !facts.links.contains(where: \.isImage),
              !facts.problems.contains(where: { $0.severity == .error }) else {
            return Read(facts: facts, glossaryMatches: matches, html: nil)
        }
        var destinations: [String] = []
        let inputs = BodyPasses.Inputs(headings: facts.headings, texts: facts.texts, glossaryMatches: matches, glossaryTags: glossaryTags,
                                       resolve: { destination in
                                           switch LinkResolver.independentHref(destination) {
                                           case .href(let href): return href
                                           case .dependsOnPages:
                                               destinations.append(destination)
                                               return SlottedHTML.placeholder(destinations.count - 1)
                                           }
                                       }, strings: strings, textNodes: listed.textNodes, headingNodes: listed.headingNodes,
                                       linkNodes: listed.linkNodes)
        BodyPasses.apply(document, inputs)
        let html = document.withHTML { SlottedHTML(rendered: $0, destinations: destinations) }
        return Read(facts: facts, glossaryMatches: matches, html: html)
    }

    /// Nil when auto-linking is off for this page; else the entries it defines itself, which it
    /// does not link.
    func exclusions(_ source: LinkSources.Source) -> Set<GlossaryEntryID>? {
        guard source.autolink ?? autolink else { return nil }
        return Set(glossary.entryIDs.filter { source.key == .item(glossary[entry: $0].chapterID) })
    }
}
