import Ccmark

/// The Markdown that guidance needs beyond CommonMark — tables, alerts, footnotes,
/// abbreviations and allowlisted inline HTML — turned into cmark nodes right after parsing.
///
/// Structure is decided here, once per parse and the same in every stage; markup that needs
/// a page's ids (footnote and caption ids, a table's label) is written at render time by
/// `GuidanceMarkup`. Custom nodes print their own HTML in safe mode, while authors' raw HTML
/// stays dropped, so the site keeps control of its markup.
enum GuidanceSyntax {
    static func apply(to document: MarkdownDocument, definitions: Definitions) {
        let notes = FootnoteSyntax.parse(definitions.footnotes, in: document)
        applyBlocks(to: document, alertsAllowed: true)
        // Dropping a tag leaves its text beside its neighbours': one text node again, as the
        // glossary expects.
        if InlineHTMLSyntax.apply(to: document) { cmark_consolidate_text_nodes(document.root) }
        for note in notes where InlineHTMLSyntax.apply(to: note.fragment) {
            cmark_consolidate_text_nodes(note.fragment.root)
        }
        let (abbreviations, abbreviationProblems) = AbbreviationSyntax.matcher(definitions.abbreviations, in: document)
        FootnoteSyntax.link(notes, in: document, abbreviations: abbreviations)
        for note in notes { document.problems += note.fragment.problems }
        document.problems += abbreviationProblems
    }

    /// Tables, then alerts, from one walk that gathers both paragraphs and block quotes (a walk
    /// each cost more than finding the constructs). Lines above a table parsed again as
    /// blocks of their own were not in that walk: then the quotes are gathered again.
    static func applyBlocks(to document: MarkdownDocument, alertsAllowed: Bool) {
        let mayHoldTable = SourceLines.contains(document.bytes, byte: UInt8(ascii: "|"))
        let mayHoldAlert = SourceLines.contains(document.bytes, "[!")
        guard mayHoldTable || mayHoldAlert else { return }
        let found = blocks(of: document, paragraphs: mayHoldTable, quotes: mayHoldAlert)
        var quotes = found.quotes
        if TableSyntax.apply(found.paragraphs, in: document), mayHoldAlert {
            quotes = blocks(of: document, paragraphs: false, quotes: true).quotes
        }
        if mayHoldAlert { AlertSyntax.apply(quotes, in: document, allowed: alertsAllowed) }
    }

    /// Paragraphs and block quotes, in document order. Only container blocks are entered: a
    /// paragraph's inline nodes (most of a body's nodes) are never visited. A loop over
    /// first-child, next and parent links, not recursion: quotes may nest thousands deep.
    private static func blocks(of document: MarkdownDocument, paragraphs: Bool, quotes: Bool) -> (paragraphs: [MarkdownNode], quotes: [MarkdownNode]) {
        var found: (paragraphs: [MarkdownNode], quotes: [MarkdownNode]) = ([], [])
        let root = MarkdownNode(document.root)
        var current = root.firstChild
        while let node = current {
            var enters = false
            switch node.type {
            case CMARK_NODE_PARAGRAPH:
                if paragraphs { found.paragraphs.append(node) }
            case CMARK_NODE_BLOCK_QUOTE:
                if quotes { found.quotes.append(node) }
                enters = true
            case CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK: enters = true
            default: break
            }
            if enters, let child = node.firstChild {
                current = child
                continue
            }
            var up: MarkdownNode? = node
            while let at = up, at != root, at.next == nil { up = at.parent }
            current = up == root ? nil : up?.next
        }
        return found
    }
}

/// Nodes whose markup names ids, kept so that `GuidanceMarkup` can write it for the page the
/// body lands on (the printable guide prefixes every id).
struct AnchoredNodes {
    struct Table {
        let region: MarkdownNode
        let caption: MarkdownNode?
        /// The source lines the table was read from (its caption's too), in the document that
        /// found it: every text in its cells comes from them.
        let lines: ClosedRange<Int>
    }

    struct Footnotes {
        struct Reference {
            let node: MarkdownNode
            /// Index into `notes`.
            let note: Int
            /// 1 for the first reference to the note, 2 for the second …
            let occurrence: Int
        }

        struct Note {
            let item: MarkdownNode
            let backlinks: MarkdownNode
            /// The id part from the label: `survey` for `[^survey]`.
            let slug: String
            var references = 0
        }

        let section: MarkdownNode
        var references: [Reference] = []
        var notes: [Note] = []
        /// The listed notes' own parses (their text is not the body's), asked only when no walk
        /// of the whole tree has said whether it holds code blocks.
        var noteDocuments: [MarkdownDocument] = []
        /// False only when no listed note can hold a code block.
        var mayHoldCodeBlocks: Bool { noteDocuments.contains { $0.mayHoldCodeBlocks } }
    }

    var tables: [Table] = []
    var footnotes: Footnotes?
    /// Alerts, whose titles are written in the page's language.
    var alerts: [(node: MarkdownNode, kind: AlertSyntax.Kind)] = []

    static let footnotesID = "footnotes"
    static func tableID(_ number: Int) -> String { "table-\(number)" }
    static func noteID(_ slug: String) -> String { "fn-\(slug)" }
    static func referenceID(_ slug: String, occurrence: Int) -> String {
        occurrence == 1 ? "fnref-\(slug)" : "fnref-\(slug)-\(occurrence)"
    }

    /// Every id the markup will carry (without a page's prefix): headings may not take them,
    /// and links may point at them.
    var ids: Set<String> {
        // Made at its size: growing it rehashed every id.
        var ids = Set<String>(minimumCapacity: tables.count + (footnotes.map { 1 + $0.notes.count + $0.references.count } ?? 0))
        for (index, table) in tables.enumerated() where table.caption != nil { ids.insert(Self.tableID(index + 1)) }
        if let footnotes {
            ids.insert(Self.footnotesID)
            for note in footnotes.notes { ids.insert(Self.noteID(note.slug)) }
            for reference in footnotes.references {
                ids.insert(Self.referenceID(footnotes.notes[reference.note].slug, occurrence: reference.occurrence))
            }
        }
        return ids
    }
}
