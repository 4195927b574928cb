import Foundation

/// Which paragraphs the footnote walk must read: those whose source lines could give a text
/// node holding `[^` or an abbreviation. A paragraph's text is its source bytes less markup,
/// except where an escape (`\`), an entity (`&`) or a dropped tag (`<`, its text joined to its
/// neighbours') can make text the source does not hold, so a paragraph with any of those is
/// read too, as is every paragraph when an abbreviation has a character beyond ASCII (smart
/// punctuation makes those). Reading fewer paragraphs changes nothing the walk finds: a test
/// compares it with the full walk on random bodies.
struct ReferenceCandidates {
    private let forms: [[UInt8]]
    private let readsAll: Bool

    init(abbreviations: AbbreviationSyntax.Matcher?) {
        forms = [Array("[^".utf8)] + (abbreviations?.formBytes ?? [])
        readsAll = forms.contains { $0.contains { $0 >= 0x80 } }
    }

    /// Whether the walk must enter `paragraph` of `document`. The caller reads every
    /// paragraph of a text with a bare CR (`MarkdownDocument.hasBareCR`): cmark's line numbers
    /// there do not name the lines this reads.
    func mayHold(_ paragraph: MarkdownNode, in document: MarkdownDocument) -> Bool {
        // A paragraph moved in from a fragment (lines above a table) has the fragment's
        // positions, not this document's lines.
        guard !readsAll, document.origin(of: paragraph) === document else { return true }
        return document.withLineBytes(of: paragraph) { lines in
            ByteSearch.contains(UInt8(ascii: "\\"), in: lines) || ByteSearch.contains(UInt8(ascii: "&"), in: lines)
                || ByteSearch.contains(UInt8(ascii: "<"), in: lines) || forms.contains { ByteSearch.contains($0, in: lines) }
        } ?? true
    }
}
