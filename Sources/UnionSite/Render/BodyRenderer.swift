/// Renders one Markdown body to HTML: parse (with the guidance syntax, as the Link stage
/// parsed it), then `BodyPasses`, with this build's facts and glossary, through its `PageWork`.
struct BodyRenderer {
    let linked: LinkedSite
    let work: any PageWork
    /// The theme's words in the site's language, for labels the Markdown passes write.
    let strings: ThemeStrings
    /// Identifies the glossary (terms and base path) and the words in `BodyKey`s.
    private let glossaryID: Int
    /// Each glossary entry's opening link tag, made once per build rather than once per use.
    private let glossaryTags: [String]

    init(linked: LinkedSite, work: any PageWork = DirectPages(), strings: ThemeStrings = .english) {
        self.linked = linked
        self.strings = strings
        self.work = work
        let settings = linked.site.settings
        glossaryTags = GlossaryLinking.openingTags(linked.site.glossary, settings: settings)
        var hasher = Hasher()
        hasher.combine(linked.site.glossary)
        hasher.combine(linked.site.settings.basePath)
        hasher.combine(strings)
        glossaryID = hasher.finalize()
    }

    /// How a body is placed on its page. The guide's print page nests chapters one level
    /// deeper, prefixes their ids, and turns links between chapters into in-page anchors.
    struct Placement {
        var headingOffset = 0
        var idPrefix = ""
        var mapHref: ((String) -> String)? = nil
        /// Names `mapHref`'s behaviour in `BodyKey` (closures cannot be compared).
        var mapID = ""
    }

    /// - Parameter citations: for principle documents, the markup closing principle N.
    func html(key: PageKey, source: MarkdownSource, citations: ((Int) -> String?)? = nil, placement: Placement = Placement()) -> String {
        guard let facts = linked.documents[key] else { return "" }
        // The Link stage's HTML, when this is the body it read and placed as it is.
        if citations == nil, placement.idPrefix.isEmpty, placement.headingOffset == 0, placement.mapHref == nil,
           facts.path == source.path, let html = facts.html?.filled(facts.hrefs) {
            return html
        }
        precondition(!source.isReleased, "\(source.path): the body's text was let go, but it is rendered again")
        return work.body(bodyKey(key, facts: facts, source: source, citations: citations, placement: placement)) {
            render(facts, source: source, citations: citations, placement: placement)
        }
    }

    private func bodyKey(_ key: PageKey, facts: LinkedDocument, source: MarkdownSource, citations: ((Int) -> String?)?,
                         placement: Placement) -> BodyKey {
        let principles = facts.headings.filter { $0.principleNumber != nil }.count
        return BodyKey(
            key: key, source: source, hrefs: facts.hrefs, images: facts.images, glossaryMatches: facts.glossaryMatches, glossary: glossaryID,
            placement: "\(placement.headingOffset)|\(placement.idPrefix)|\(placement.mapID)",
            citations: citations.map { c in (0..<principles).map { c($0 + 1) } } ?? [])
    }

    private func render(_ facts: LinkedDocument, source: MarkdownSource, citations: ((Int) -> String?)?, placement: Placement) -> String {
        let inputs = BodyPasses.Inputs(
            headings: facts.headings, texts: facts.texts, glossaryMatches: facts.glossaryMatches, glossaryTags: glossaryTags,
            resolve: { destination in facts.hrefs[destination].map { placement.mapHref?($0) ?? $0 } },
            citations: citations, idPrefix: placement.idPrefix, headingOffset: placement.headingOffset, imageSizes: facts.images, strings: strings)
        return BodyPasses.html(MarkdownDocument(source), inputs)
    }
}
