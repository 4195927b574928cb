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
            let matches = matcher.matches(in: node.literal)
            if !matches.isEmpty { found.append((node, matches)) }
        }
        for (node, matches) in found {
            let scalars = Array(node.literal.unicodeScalars)
            var pieces: [BodyText.Piece] = []
            var cursor = 0
            for match in matches {
                pieces.append(.text(text(scalars[cursor..<match.range.lowerBound])))
                let abbr = MarkdownNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: "<abbr title=\"\(HTML.attribute(match.expansion))\">",
                                               exit: "</abbr>", role: .abbreviation)
                abbr.append(MarkdownNode.text(text(scalars[match.range])))
                pieces.append(.node(abbr))
                cursor = match.range.upperBound
            }
            pieces.append(.text(text(scalars[cursor...])))
            BodyText.split(node, into: pieces)
        }
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
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

    struct Matcher {
        struct Match {
            let range: Range<Int>
            let expansion: String
        }

        /// Longest first, so `HRM` is tried before `HR`.
        private let forms: [(scalars: [Unicode.Scalar], expansion: String)]
        private let firsts: Set<Unicode.Scalar>

        init(_ abbreviations: [String: String]) {
            forms = abbreviations.map { (Array($0.key.unicodeScalars), $0.value) }
                .sorted { ($0.scalars.count, String(String.UnicodeScalarView($0.scalars))) > ($1.scalars.count, String(String.UnicodeScalarView($1.scalars))) }
            firsts = Set(forms.compactMap(\.scalars.first))
        }

        /// Matches by scalar offset, left to right, never overlapping.
        func matches(in text: String) -> [Match] {
            let scalars = Array(text.unicodeScalars)
            var found: [Match] = []
            var index = 0
            while index < scalars.count {
                guard firsts.contains(scalars[index]), index == 0 || !Self.isWord(scalars[index - 1]),
                      let form = forms.first(where: { matches($0.scalars, in: scalars, at: index) }) else {
                    index += 1
                    continue
                }
                found.append(Match(range: index..<(index + form.scalars.count), expansion: form.expansion))
                index += form.scalars.count
            }
            return found
        }

        private func matches(_ form: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
            let end = index + form.count
            guard end <= scalars.count, scalars[index..<end].elementsEqual(form) else { return false }
            return end == scalars.count || !Self.isWord(scalars[end])
        }

        static func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}
