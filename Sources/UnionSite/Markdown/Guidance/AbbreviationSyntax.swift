import Ccmark

/// Abbreviations (`*[MAT]: multi-academy trust`, as in Govspeak, kramdown and PHP Markdown
/// Extra): every occurrence in body text, on word boundaries and case-sensitive, becomes
/// `<abbr title="multi-academy trust">MAT</abbr>`; the longest wins (`HRM` before `HR`), and
/// `MATs` is not `MAT`. Never inside headings, links, code or an author's own `<abbr>`.
enum AbbreviationSyntax {
    static func apply(_ definitions: [Definitions.Abbreviation], to document: MarkdownDocument) {
        let abbreviations = checked(definitions, in: document)
        guard !abbreviations.isEmpty else { return }
        let matcher = Matcher(abbreviations)
        var found: [(MarkdownNode, [Matcher.Match])] = []
        BodyText.nodes(document, skipAbbreviations: true) { node, _ in
            let matches = node.withLiteralBytes { matcher.matches(in: $0) }
            if !matches.isEmpty { found.append((node, matches)) }
        }
        for (node, matches) in found {
            let bytes = node.withLiteralBytes { Array($0) }
            func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            var pieces: [BodyText.Piece] = []
            var cursor = 0
            for match in matches {
                pieces.append(.text(text(cursor..<match.range.lowerBound)))
                let abbr = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: "<abbr title=\"\(HTML.attribute(match.expansion))\">",
                                               exit: "</abbr>", role: .abbreviation)
                abbr.append(MarkdownNode.text(text(match.range)))
                pieces.append(.node(abbr))
                cursor = match.range.upperBound
            }
            pieces.append(.text(text(cursor..<bytes.count)))
            BodyText.split(node, into: pieces)
        }
    }

    /// The usable definitions: an empty expansion is an error, a repeat a warning (the first wins).
    private static func checked(_ definitions: [Definitions.Abbreviation], in document: MarkdownDocument) -> [String: String] {
        var result: [String: String] = [:]
        var lines: [String: Int] = [:]
        for definition in definitions {
            let location = document.location(line: definition.line, column: definition.column)
            if definition.expansion.isEmpty {
                document.problems.append(.error("abbreviation `\(definition.abbreviation)` has no expansion: write `*[\(definition.abbreviation)]: what it stands for`",
                                                at: location, code: "abbreviation-empty"))
            } else if let first = lines[definition.abbreviation] {
                document.problems.append(.warning("abbreviation `\(definition.abbreviation)` is defined again: the definition at line \(document.location(line: first, column: 1).line) is used",
                                                  at: location, code: "abbreviation-duplicate"))
            } else {
                result[definition.abbreviation] = definition.expansion
                lines[definition.abbreviation] = definition.line
            }
        }
        return result
    }

    /// Matches on UTF-8 bytes (a form's first byte picks the candidates; UTF-8 makes byte
    /// equality scalar equality), deciding word boundaries on the scalars either side.
    struct Matcher {
        struct Match {
            /// Byte offsets in the text.
            let range: Range<Int>
            let expansion: String
        }

        /// Longest first, so `HRM` is tried before `HR`.
        private let forms: [(bytes: [UInt8], expansion: String)]
        private var startsForm = [Bool](repeating: false, count: 256)

        init(_ abbreviations: [String: String]) {
            forms = abbreviations.map { (Array($0.key.utf8), $0.value) }
                .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.bytes.lexicographicallyPrecedes($1.bytes) }
            for form in forms { if let first = form.bytes.first { startsForm[Int(first)] = true } }
        }

        /// Left to right, never overlapping.
        func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
            var found: [Match] = []
            var index = 0
            while index < bytes.count {
                guard startsForm[Int(bytes[index])], !Self.wordEnds(before: index, in: bytes),
                      let form = forms.first(where: { form in
                          index + form.bytes.count <= bytes.count
                              && UnsafeBufferPointer(rebasing: bytes[index..<(index + form.bytes.count)]).elementsEqual(form.bytes)
                              && !Self.wordStarts(at: index + form.bytes.count, in: bytes)
                      }) else {
                    index += 1
                    continue
                }
                found.append(Match(range: index..<(index + form.bytes.count), expansion: form.expansion))
                index += form.bytes.count
            }
            return found
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
