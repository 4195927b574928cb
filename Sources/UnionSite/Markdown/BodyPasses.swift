/// The passes a parsed body goes through at render time, in order — the one list that
/// production (`BodyRenderer`) and the fuzz tests both run:
/// citations, guidance markup, heading ids, image sizes, link rewriting, glossary links, then cmark's
/// HTML writer in safe mode.
enum BodyPasses {
    struct Inputs {
        /// The Link stage's facts for this body.
        let headings: [DocumentFacts.Heading]
        let texts: TextRuns
        let glossaryMatches: [Int: [GlossaryMatcher.Match]]
        /// Each glossary entry's opening link tag, in glossary order.
        let glossaryTags: [String]
        /// The final href for a destination as written; nil leaves it alone.
        let resolve: (String) -> String?
        /// For principle documents: the markup closing principle N.
        var citations: ((Int) -> String?)? = nil
        /// The printable guide prefixes ids and nests headings one level deeper.
        var idPrefix = ""
        var headingOffset = 0
        /// Image destination as written → its size (`LinkedDocument.images`).
        var imageSizes: [String: PixelSize] = [:]
        /// The theme's words in the page's language: footnote, table and alert labels.
        var strings: ThemeStrings = .english
        /// The body text nodes, when the caller walked them before the passes (`BodyReader`),
        /// so the glossary pass need not walk again: no pass before it adds or removes one.
        var textNodes: [MarkdownNode]? = nil
        /// The headings, and the links and images, when the caller walked them (the same way):
        /// none of the passes before theirs adds or removes one (the links are walked again
        /// when there are image sizes: the image pass replaces the images it sizes).
        var headingNodes: [MarkdownNode]? = nil
        var linkNodes: [MarkdownNode]? = nil
    }

    static func html(_ document: MarkdownDocument, _ inputs: Inputs) -> String {
        apply(document, inputs)
        return document.html()
    }

    /// The passes alone, for a caller that reads the HTML's bytes itself (`BodyReader`).
    static func apply(_ document: MarkdownDocument, _ inputs: Inputs) {
        // Citations find principles by their `##` headings, so they go before the heading pass;
        // guidance markup names tables after headings, so it goes before it too.
        if let citations = inputs.citations { CitationPass.apply(document, citations: citations) }
        GuidanceMarkup.apply(document, idPrefix: inputs.idPrefix, headingOffset: inputs.headingOffset, headingIDs: inputs.headings.map(\.id),
                             strings: inputs.strings)
        HeadingPass.apply(document, headings: inputs.headings, nodes: inputs.headingNodes, levelOffset: inputs.headingOffset,
                          idPrefix: inputs.idPrefix)
        // Before link rewriting: sizes are keyed by the destination as written.
        ImagePass.apply(document, sizes: inputs.imageSizes, resolve: inputs.resolve)
        // The image pass replaces (and frees) the images it sizes: the walked list is used only
        // when it had none to size.
        LinkRewriting.apply(document, nodes: inputs.imageSizes.isEmpty ? inputs.linkNodes : nil, resolve: inputs.resolve)
        GlossaryLinking.apply(document, matches: inputs.glossaryMatches, openingTags: inputs.glossaryTags, texts: inputs.texts,
                              textNodes: inputs.textNodes)
    }
}
