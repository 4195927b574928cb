import Ccmark
import Foundation

/// Which blocks the footnote walk must enter: those whose source lines could give a text node
/// holding `[^` or an abbreviation. A paragraph's text is its source bytes less markup, except
/// where an escape (`\`), an entity (`&`) or a dropped tag (`<`, its text joined to its
/// neighbours') can make text the source does not hold, so a block with any of those is read
/// too, as is every block when an abbreviation has a character beyond ASCII (smart
/// punctuation makes those). Reading fewer blocks changes nothing the walk finds: a test
/// compares it with the full walk on random bodies.
struct ReferenceCandidates {
    /// The forms, then `\`, `&` and `<`: what the text is searched for.
    private let needles: [[UInt8]]
    private let readsAll: Bool

    init(abbreviations: AbbreviationSyntax.Matcher?) {
        let forms = [Array("[^".utf8)] + (abbreviations?.formBytes ?? [])
        needles = forms + [[UInt8(ascii: "\\")], [UInt8(ascii: "&")], [UInt8(ascii: "<")]]
        readsAll = forms.contains { $0.contains { $0 >= 0x80 } }
    }

    /// Whether the walk must enter a paragraph, list, item or quote of `document` (nil: every
    /// one). The text is searched once, and a block is entered when something was found within
    /// its lines: whole lists and quotes without any are passed over, not paragraph by
    /// paragraph. A text with a bare CR is read whole (`MarkdownDocument.hasBareCR`): cmark's
    /// line numbers there do not name the lines searched here.
    func reader(for document: MarkdownDocument) -> ((MarkdownNode) -> Bool)? {
        guard !readsAll, !document.hasBareCR else { return nil }
        let found = offsets(in: document.bytes)
        let tables = document.anchored.tables
        return { block in
            // A table's region is our markup, but its cells' text all comes from its lines.
            if block.type == CMARK_NODE_CUSTOM_BLOCK, let table = tables.first(where: { $0.region == block }) {
                return document.lineByteRange(lines: table.lines).map { Self.anyOffset(found, in: $0) } ?? true
            }
            // A block without lines of its own (other markup of ours) is read; so is one moved
            // in from a fragment (lines above a table), whose positions are the fragment's lines.
            guard let lines = document.lineByteRange(of: block) else { return true }
            return Self.anyOffset(found, in: lines) || document.origin(of: block) !== document
        }
    }

    /// Where each needle starts in `text`, ascending.
    private func offsets(in text: [UInt8]) -> [Int] {
        var found: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            for needle in needles {
                var from = 0
                while let at = ByteSearch.firstIndex(of: needle, in: buffer, from: from) {
                    found.append(at)
                    from = at + 1
                }
            }
        }
        return found.sorted()
    }

    /// Whether a sorted list of offsets has one in `range` (binary search).
    private static func anyOffset(_ offsets: [Int], in range: Range<Int>) -> Bool {
        let first = offsets.partitionPoint { $0 < range.lowerBound }
        return first < offsets.count && offsets[first] < range.upperBound
    }
}
