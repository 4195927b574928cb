/// One searchable page, made from text the pipeline already holds: the Site model's titles,
/// summaries, tags and vacancy fields, and the Link stage's headings and body text nodes.
struct SearchDocument: Hashable, Sendable {
    /// The kinds a result can be filtered by, in the order `meta.json` and the page list them.
    enum Kind: String, CaseIterable, Sendable {
        case article, principle, guide, page, vacancy
    }

    /// Where a word was found; each place weighs differently in a page's score.
    enum Field: Int, CaseIterable, Sendable {
        /// The page title.
        case title
        /// Headings, tags, glossary terms a chapter defines, a vacancy's employer, place and region.
        case heading
        case summary
        case body

        var weight: Double {
            switch self {
            case .title: 10
            case .heading: 4
            case .summary: 2
            case .body: 1
            }
        }
    }

    let kind: Kind
    let title: String
    /// With the base path: `/education/guide/academies-and-trusts/`.
    let url: String
    let snippet: String
    /// Text by field (`Field.rawValue`).
    let fields: [[String]]

    static let snippetLength = 160

    /// Every article, principle document, guide page and standalone page, and every open
    /// vacancy, in a stable order: articles newest first, then the site model's own orders.
    /// Made on every core (the snippets are most of the work), since the index is made
    /// before the pages, with no page to overlap with (`Renderer.render`).
    /// - Parameter work: makes each snippet; `serve`'s again only when its text changed.
    static func collect(_ linked: LinkedSite, work: any RenderWork = DirectWork()) -> [SearchDocument] {
        let site = linked.site
        let items: [(item: ContentItem, extra: [String])] = site.articles.map { ($0.item, $0.tags + ($0.author.map { [$0] } ?? [])) }
            + site.principleDocuments.map { ($0.item, []) }
            + ((site.guideIndex.map { [$0] } ?? []) + site.chapters).map { ($0.item, $0.terms.flatMap { [$0.term] + $0.aliases }) }
            + site.pages.map { ($0.item, []) }
        return Parallel.map(items) { document($0.item, extra: $0.extra, linked: linked, work: work) }
            + Parallel.map(site.openVacancies) { document($0, linked: linked, work: work) }
    }

    private static func document(_ item: ContentItem, extra: [String], linked: LinkedSite, work: any RenderWork) -> SearchDocument {
        let facts = linked.documents[item.key]
        let texts = facts?.texts ?? TextRuns([String]())
        let url = linked.site.settings.href(item.url)
        return SearchDocument(
            kind: item.kind.descriptor.searchKind, title: item.title, url: url,
            snippet: work.searchSnippet(url: url, summary: item.summary, texts: texts),
            fields: [[item.title], (facts?.headings ?? []).map(\.text) + extra, item.summary.map { [$0] } ?? [], [texts.text]])
    }

    private static func document(_ vacancy: Vacancy, linked: LinkedSite, work: any RenderWork) -> SearchDocument {
        let facts = linked.documents[vacancy.key]
        let texts = facts?.texts ?? TextRuns([String]())
        let url = linked.site.settings.href(vacancy.url)
        let place = [vacancy.employer, vacancy.place].joined(separator: ", ")
        let about = work.searchSnippet(url: url, summary: vacancy.summary, texts: texts)
        let meta = [vacancy.employer, vacancy.place, vacancy.region, vacancy.contract?.rawValue, vacancy.hours?.rawValue]
            .compactMap { $0 } + vacancy.tags
        return SearchDocument(
            kind: .vacancy, title: vacancy.title, url: url,
            snippet: about.isEmpty ? place : shortened(place + ". " + about),
            fields: [[vacancy.title], (facts?.headings ?? []).map(\.text) + meta, vacancy.summary.map { [$0] } ?? [], [texts.text]])
    }

    /// The summary, or the start of the body text, in about `snippetLength` characters.
    static func snippet(summary: String?, texts: TextRuns) -> String {
        if let summary {
            let collapsed = collapsed(summary)
            if !collapsed.isEmpty { return collapsed }
        }
        var text = ""
        for part in texts {
            // Text nodes split at emphasis and line breaks: join with a space, but not before punctuation.
            if let first = part.first, first.isPunctuation, !"([\"'‘“".contains(first) { text += part } else { text += " " + part }
            // Counting characters reads the whole text; it has no more of them than bytes, so
            // while the bytes are few enough there is no need to count.
            if text.utf8.count > snippetLength * 2, text.count > snippetLength * 2 { break }
        }
        return shortened(collapsed(text))
    }

    /// Cut at a word boundary near `snippetLength`, with an ellipsis when anything was cut.
    static func shortened(_ text: String) -> String {
        guard text.count > snippetLength + 20 else { return text }
        var cut = String(text.prefix(snippetLength))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, last.isPunctuation || last == " " { cut.removeLast() }
        return cut + "…"
    }

    /// Runs of white space as one space, none at either end.
    static func collapsed(_ text: String) -> String {
        if isCollapsedASCII(text) { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether ASCII text is collapsed already (most summaries): no white space but single
    /// spaces between other characters. In ASCII the white space is tab, LF, VT, FF, CR and space.
    private static func isCollapsedASCII(_ text: String) -> Bool {
        var previousIsSpace = true
        for byte in text.utf8 {
            guard byte < 0x80, !(0x09...0x0D).contains(byte) else { return false }
            let isSpace = byte == 0x20
            if isSpace && previousIsSpace { return false }
            previousIsSpace = isSpace
        }
        return !previousIsSpace || text.isEmpty
    }
}
