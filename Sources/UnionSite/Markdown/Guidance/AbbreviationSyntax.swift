import Ccmark
import Foundation

/// Abbreviations (`*[MAT]: multi-academy trust`, as in Govspeak, kramdown and PHP Markdown
/// Extra): every occurrence in body text, on word boundaries and case-sensitive, becomes
/// `<abbr title="multi-academy trust">MAT</abbr>`; the longest wins (`HRM` before `HR`), and
/// `MATs` is not `MAT`. Never inside headings, links, code or an author's own `<abbr>`.
enum AbbreviationSyntax {
    /// The matcher for a body's definitions (nil when none is usable), and the problems with
    /// them, which go after the footnotes' (the order they were always reported in).
    static func matcher(_ definitions: [Definitions.Abbreviation], in document: MarkdownDocument) -> (Matcher?, [Diagnostic]) {
        guard !definitions.isEmpty else { return (nil, []) }
        let (abbreviations, problems) = checked(definitions, in: document)
        return (abbreviations.isEmpty ? nil : Matcher(abbreviations), problems)
    }

    /// Wraps every occurrence in the body's text, in a walk of its own: for bodies without
    /// footnotes (else `FootnoteSyntax.link` does it in the walk that finds references).
    static func apply(_ matcher: Matcher, to document: MarkdownDocument) {
        var found: [(MarkdownNode, [BodyText.Piece])] = []
        BodyText.nodes(document, skipAbbreviations: true) { node in
            if let pieces = node.withLiteralBytes({ pieces(of: $0, matcher: matcher) }) { found.append((node, pieces)) }
        }
        for (node, pieces) in found { BodyText.split(node, into: pieces) }
    }

    /// A text cut into plain pieces and `<abbr>` nodes, or nil when no abbreviation occurs in it.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, matcher: Matcher) -> [BodyText.Piece]? {
        var pieces: [BodyText.Piece] = []
        return appendPieces(of: bytes, matcher: matcher, to: &pieces) ? pieces : nil
    }

    /// The same pieces, appended to `pieces` (the footnote walk gathers a node's pieces around
    /// its references in one array); false, and nothing appended, when no abbreviation occurs.
    static func appendPieces(of bytes: UnsafeBufferPointer<UInt8>, matcher: Matcher, to pieces: inout [BodyText.Piece]) -> Bool {
        let matches = matcher.matches(in: bytes)
        guard !matches.isEmpty else { return false }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var cursor = 0
        for match in matches {
            pieces.append(.text(text(cursor..<match.range.lowerBound)))
            let abbr = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: match.openingTag, exit: "</abbr>", role: .abbreviation)
            abbr.append(MarkdownNode.text(text(match.range)))
            pieces.append(.node(abbr))
            cursor = match.range.upperBound
        }
        pieces.append(.text(text(cursor..<bytes.count)))
        return true
    }

    /// The usable definitions: an empty expansion is an error, a repeat a warning (the first wins).
    private static func checked(_ definitions: [Definitions.Abbreviation], in document: MarkdownDocument) -> ([String: String], [Diagnostic]) {
        var result: [String: String] = [:]
        var lines: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for definition in definitions {
            let location = document.location(line: definition.line, column: definition.column)
            if definition.expansion.isEmpty {
                problems.append(.error("abbreviation `\(definition.abbreviation)` has no expansion: write `*[\(definition.abbreviation)]: what it stands for`",
                                       at: location, code: "abbreviation-empty"))
            } else if let first = lines[definition.abbreviation] {
                problems.append(.warning("abbreviation `\(definition.abbreviation)` is defined again: the definition at line \(document.location(line: first, column: 1).line) is used",
                                         at: location, code: "abbreviation-duplicate"))
            } else {
                result[definition.abbreviation] = definition.expansion
                lines[definition.abbreviation] = definition.line
            }
        }
        return (result, problems)
    }

    /// Matches on UTF-8 bytes (a form's first byte picks the candidates; UTF-8 makes byte
    /// equality scalar equality), deciding word boundaries on the scalars either side. A class:
    /// it is handed to every text node's match, and copying its arrays cost retains.
    final class Matcher {
        struct Match {
            /// Byte offsets in the text.
            let range: Range<Int>
            let expansion: String
            /// `<abbr title="…">`, made once per definition rather than once per occurrence.
            let openingTag: String
        }

        /// Longest first, so `HRM` is tried before `HR`.
        private let forms: [(bytes: [UInt8], expansion: String, openingTag: String)]
        /// Per byte, whether a form starts with it: only made for more than four first bytes
        /// (with fewer, `Candidates` goes by `memchr`), as it cost a fifth of making a matcher.
        fileprivate let startsForm: [Bool]?
        /// Every abbreviation as UTF-8.
        var formBytes: [[UInt8]] { forms.map(\.bytes) }
        fileprivate let firstBytes: [UInt8]

        init(_ abbreviations: [String: String]) {
            let forms = abbreviations.map { (bytes: Array($0.key.utf8), expansion: $0.value, openingTag: "<abbr title=\"\(HTML.attribute($0.value))\">") }
                .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.bytes.lexicographicallyPrecedes($1.bytes) }
            var firstBytes: [UInt8] = []
            for form in forms {
                guard let first = form.bytes.first, !firstBytes.contains(first) else { continue }
                firstBytes.append(first)
            }
            self.forms = forms
            // Ascending, as a walk of all 256 bytes listed them (a body defines a handful).
            self.firstBytes = firstBytes.sorted()
            if firstBytes.count > 4 {
                var starts = [Bool](repeating: false, count: 256)
                for byte in firstBytes { starts[Int(byte)] = true }
                startsForm = starts
            } else {
                startsForm = nil
            }
        }

        /// Left to right, never overlapping.
        func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
            var found: [Match] = []
            var candidates = Candidates(matcher: self, in: bytes)
            while let index = candidates.next() {
                guard !Self.wordEnds(before: index, in: bytes),
                      let form = forms.first(where: { form in
                          index + form.bytes.count <= bytes.count
                              && UnsafeBufferPointer(rebasing: bytes[index..<(index + form.bytes.count)]).elementsEqual(form.bytes)
                              && !Self.wordStarts(at: index + form.bytes.count, in: bytes)
                      }) else { continue }
                found.append(Match(range: index..<(index + form.bytes.count), expansion: form.expansion, openingTag: form.openingTag))
                candidates.skip(to: index + form.bytes.count)
            }
            return found
        }

        /// Offsets where a form may start, in order. With few distinct first bytes (a body
        /// defines a handful of abbreviations) each is found with memchr and its next
        /// occurrence remembered, so the text is read at memchr's speed; else byte by byte.
        private struct Candidates {
            unowned(unsafe) let matcher: Matcher
            let bytes: UnsafeBufferPointer<UInt8>
            /// Per first byte (at most four), its next offset at or after `index`, or -1.
            private var nextOf = SIMD4<Int>(repeating: -1)
            private var index = 0

            init(matcher: Matcher, in bytes: UnsafeBufferPointer<UInt8>) {
                self.matcher = matcher
                self.bytes = bytes
            }

            mutating func skip(to offset: Int) { index = offset }

            mutating func next() -> Int? {
                guard index < bytes.count, let base = bytes.baseAddress else { return nil }
                if let startsForm = matcher.startsForm {
                    while index < bytes.count, !startsForm[Int(bytes[index])] { index += 1 }
                    defer { index += 1 }
                    return index < bytes.count ? index : nil
                }
                var nearest = bytes.count
                for (slot, byte) in matcher.firstBytes.enumerated() {
                    if nextOf[slot] < index {
                        nextOf[slot] = memchr(base + index, Int32(byte), bytes.count - index).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                    }
                    nearest = min(nearest, nextOf[slot])
                }
                index = nearest + 1
                return nearest < bytes.count ? nearest : nil
            }
        }

        /// Whether the scalar ending just before `offset` is a word character.
        private static func wordEnds(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard offset > 0 else { return false }
            if bytes[offset - 1] < 0x80 { return isWord(ascii: bytes[offset - 1]) }
            var start = offset - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return scalar(bytes, start..<offset).map(isWord) ?? false
        }

        /// Whether the scalar starting at `offset` is a word character.
        private static func wordStarts(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard offset < bytes.count else { return false }
            if bytes[offset] < 0x80 { return isWord(ascii: bytes[offset]) }
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return scalar(bytes, offset..<end).map(isWord) ?? false
        }

        private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Unicode.Scalar? {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).unicodeScalars.first
        }

        private static func isWord(ascii byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "_")
        }

        static func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}
