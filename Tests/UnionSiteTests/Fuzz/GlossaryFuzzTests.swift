import PropertyBased
import Testing
@testable import UnionSite

/// Fuzz target 5: the glossary linker, `GlossaryMatcher` alone and the whole rendering path
/// (`MarkdownDocument`, `DocumentFacts`, `HeadingPass`, `LinkRewriting`, `GlossaryLinking`).
@Suite("Fuzz: glossary linker")
struct GlossaryFuzzTests {
    /// Pieces of term names: words that overlap and nest, acronyms, non-ASCII letters, edges
    /// that are not letters.
    static let namePieces = ["academy", "acad", "trust", "multi", "-", " ", "MAT", "RSC", "ŵyr", "café", "C", "++", "pay", "scale", "a", "A",
                             "İ", "ß", "e\u{301}", "1", "'", ".", "x"]
    static let names = FuzzGen.soup(namePieces, length: 1...4).array(of: 1...10)

    /// Markdown around the terms: `{N}` stands for term form N as written, `{lN}` lower-cased
    /// and `{uN}` upper-cased, filled in once the terms are known.
    static let markdownTokens = ["{0}", "{1}", "{2}", "{3}", "{4}", "{5}", "{0}", "{1}", "{2}", "{l0}", "{l1}", "{u0}", "{u2}",
                                 " ", " ", " ", "the", "an", "s", "x", "-", ".", ",", "'", "\"", "é", "ŵ", "\n", "\n", "\n\n", "\n\n",
                                 "*", "**", "_", "`", "``", "[", "](x.md)", "](x.md \"t\")", "![", "](i.png)", "<https://x.org>",
                                 "# ", "## ", "### ", "\n# ", "\n## ", "\nT\n===\n", "> ", "- ", "1. ", "\n    ", "\n```\n", "~~~",
                                 "<span>", "</span>", "<a href=\"y\">", "</a>", "<code>", "</code>", "<br>", "<!-- c -->", "&amp;", "&lt;",
                                 "\\", "\\*", "  \n"]
    static let bodyTokens = FuzzGen.tokens(markdownTokens, length: 0...80)

    /// Distinct entries (by lower-cased name and by anchor, as the glossary itself insists),
    /// the first name of each group the term and the rest its aliases.
    static func glossary(_ names: [String], aliasesPer: Int) -> [GlossaryTerm] {
        var seen: Set<String> = []
        var anchors: Set<String> = []
        var groups: [[String]] = []
        for name in names.map(\.trimmed) where !name.isEmpty && seen.insert(name.lowercased()).inserted {
            if let last = groups.last, last.count <= aliasesPer {
                groups[groups.count - 1].append(name)
            } else if anchors.insert(HeadingID.base(for: name)).inserted {
                groups.append([name])
            }
        }
        return groups.map { glossaryTerm($0[0], aliases: Array($0.dropFirst())) }
    }

    static func forms(_ glossary: [GlossaryTerm]) -> [String] { glossary.flatMap { [$0.term] + $0.aliases } }

    static func fill(_ tokens: [String], forms: [String]) -> String {
        tokens.map { token in
            guard token.hasPrefix("{"), token.count > 2 else { return token }
            let body = token.dropFirst().dropLast()
            let index = Int(body.drop { !$0.isNumber }) ?? 0
            guard !forms.isEmpty else { return "" }
            let form = forms[index % forms.count]
            switch body.first {
            case "l": return form.lowercased()
            case "u": return form.uppercased()
            default: return form
            }
        }.joined()
    }

    static let input = zip(names, Gen.int(in: 0...2), bodyTokens, Gen.int(in: 0...63))

    @Test("matcher: exactly the leftmost-longest matches on word boundaries, never overlapping")
    func matcher() async {
        let text = FuzzGen.tokens(Self.markdownTokens.filter { !$0.contains("\n") } + ["\n", "\t", "1", "a", "£", "×", "€", "\u{1F3FB}", "\u{301}"], length: 0...60)
        await fuzz(count: 500, input: zip(Self.names, Gen.int(in: 0...2), text)) { names, aliases, tokens in
            let glossary = Self.glossary(names, aliasesPer: aliases)
            Self.checkMatcher(glossary, text: Self.fill(tokens, forms: Self.forms(glossary)))
        }
    }

    @Test("rendering: links are first uses, outside headings, links and code, and only add tags")
    func rendering() async {
        await fuzz(count: 300, input: Self.input) { names, aliases, tokens, excludedBits in
            let glossary = Self.glossary(names, aliasesPer: aliases)
            let excluded = Set(glossary.entryIDs.filter { $0.index < 6 && excludedBits & (1 << $0.index) != 0 })
            Self.checkRendering(glossary, markdown: Self.fill(tokens, forms: Self.forms(glossary)), excluded: excluded)
        }
    }

    @Test("the corpus links correctly")
    func corpus() {
        let files = Fuzz.corpus("glossary")
        #expect(!files.isEmpty)
        for file in files {
            // `% term | alias | alias` lines name the glossary; the rest is the Markdown.
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            let glossary = lines.filter { $0.hasPrefix("% ") }.map { line in
                let names = line.dropFirst(2).split(separator: "|").map { String($0).trimmed }
                return glossaryTerm(names[0], aliases: Array(names.dropFirst()))
            }
            let markdown = lines.filter { !$0.hasPrefix("% ") }.joined(separator: "\n")
            #expect(!glossary.isEmpty, "\(file.name) names no terms")
            Self.checkRendering(glossary, markdown: markdown, excluded: [], name: file.name)
            for text in DocumentFacts.collect(UnionSiteTests.markdown(markdown), numberPrinciples: false).texts {
                Self.checkMatcher(glossary, text: String(text), name: file.name)
            }
        }
    }

    // MARK: - Matcher

    static func checkMatcher(_ glossary: [GlossaryTerm], text: String, name: String? = nil) {
        let label = name ?? "\(Fuzz.describe(text)) with terms \(forms(glossary))"
        let characters = Array(text)
        let matches = GlossaryMatcher(glossary).matches(in: characters)
        for (a, b) in zip(matches, matches.dropFirst()) {
            #expect(a.range.upperBound <= b.range.lowerBound, "overlapping matches \(a.range), \(b.range) in \(label)")
        }
        for match in matches {
            let start = match.range.lowerBound, end = match.range.upperBound
            #expect(start == 0 || !isWord(characters[start - 1]), "match \(match.range) starts inside a word: \(label)")
            #expect(end == characters.count || !isWord(characters[end]), "match \(match.range) ends inside a word: \(label)")
        }
        let expected = referenceMatches(characters, glossary: glossary)
        #expect(matches == expected, "matches \(matches.map { ($0.range, $0.entry) }) but expected \(expected.map { ($0.range, $0.entry) }) in \(label)")
        // From the text itself (mostly ASCII takes the byte path): the same, in byte offsets.
        var byteOffsets = [0]
        for character in characters { byteOffsets.append(byteOffsets.last! + character.utf8.count) }
        let expectedBytes = expected.map { GlossaryMatcher.Match(range: byteOffsets[$0.range.lowerBound]..<byteOffsets[$0.range.upperBound], entry: $0.entry) }
        let fromText = GlossaryMatcher(glossary).matches(in: text)
        #expect(fromText == expectedBytes, "from text: \(fromText.map { ($0.range, $0.entry) }) but expected \(expectedBytes.map { ($0.range, $0.entry) }) in \(label)")
    }

    /// The documented rules, spelled out independently of the matcher's fast paths: word
    /// characters are Unicode letters and digits; a capital folds to its one-character lower case.
    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }
    static func fold(_ c: Character) -> Character {
        guard c.isUppercase, c.lowercased().count == 1 else { return c }
        return Character(c.lowercased())
    }

    /// Brute force: at each word start, try every form and keep the longest that fits and
    /// ends on a word boundary (the first defined among equals).
    static func referenceMatches(_ characters: [Character], glossary: [GlossaryTerm]) -> [GlossaryMatcher.Match] {
        let forms = glossary.enumerated().flatMap { index, term in
            ([term.term] + term.aliases).filter { !$0.isEmpty }.map { (Array($0), GlossaryMatcher.isAcronym($0), GlossaryEntryID(index)) }
        }
        var found: [GlossaryMatcher.Match] = []
        var start = 0
        while start < characters.count {
            var best: (length: Int, entry: GlossaryEntryID)?
            if start == 0 || !isWord(characters[start - 1]) {
                for (form, caseSensitive, entry) in forms where start + form.count <= characters.count {
                    let end = start + form.count
                    let slice = characters[start..<end]
                    let same = caseSensitive ? Array(slice) == form
                        : zip(slice, form).allSatisfy { fold($0) == fold($1) }
                    guard same, end == characters.count || !isWord(characters[end]) else { continue }
                    if form.count > (best?.length ?? 0) { best = (form.count, entry) }
                }
            }
            if let best {
                found.append(GlossaryMatcher.Match(range: start..<(start + best.length), entry: best.entry))
                start += best.length
            } else {
                start += 1
            }
        }
        return found
    }

    // MARK: - Rendering

    static func href(_ glossary: [GlossaryTerm], _ entry: GlossaryEntryID) -> String { "/glossary/#" + glossary[entry: entry].anchor }

    /// The body renderer's passes, with or without the glossary one: the Link stage chooses
    /// the matches in its own parse's texts, the render pass links them in a fresh parse.
    static func render(_ text: String, glossary: [GlossaryTerm]?, excluded: Set<GlossaryEntryID>) -> String {
        let document = UnionSiteTests.markdown(text)
        let facts = DocumentFacts.collect(document, numberPrinciples: true)
        let inputs = BodyPasses.Inputs(
            headings: facts.headings, texts: facts.texts,
            glossaryMatches: glossary.map { chosen(text, glossary: $0, excluded: excluded) } ?? [:],
            glossaryTags: glossary.map { terms in terms.entryIDs.map { GlossaryLinking.openingTag(href: href(terms, $0)) } } ?? [],
            resolve: { "/resolved/" + $0 }, citations: { "<p>cited by principle \($0)</p>" })
        return BodyPasses.html(document, inputs)
    }

    /// The matches the Link stage picks, by body text index.
    static func chosen(_ text: String, glossary: [GlossaryTerm], excluded: Set<GlossaryEntryID>) -> [Int: [GlossaryMatcher.Match]] {
        let facts = DocumentFacts.collect(UnionSiteTests.markdown(text), numberPrinciples: true)
        return GlossaryLinking.chosen(in: facts.texts, matcher: GlossaryMatcher(glossary), excluded: excluded)
    }

    static func checkRendering(_ glossary: [GlossaryTerm], markdown: String, excluded: Set<GlossaryEntryID>, name: String? = nil) {
        let label = name ?? "\(Fuzz.describe(markdown)) with terms \(forms(glossary)), excluded \(excluded.sorted())"
        let plain = render(markdown, glossary: nil, excluded: excluded)
        let linked = render(markdown, glossary: glossary, excluded: excluded)
        let scan = HTMLScan(linked)

        // Linking adds tags only: the text, and everything else, is as without it.
        #expect(HTMLScan.textContent(linked) == HTMLScan.textContent(plain), "text content changed: \(label)")
        #expect(scan.withoutGlossaryLinks == plain, "more than glossary tags changed: \(label)")

        // Nothing inside headings, links or code.
        for link in scan.glossaryLinks where !link.enclosing.isEmpty {
            Issue.record("glossary link \(link.href) inside <\(link.enclosing.joined(separator: "><"))>: \(label)")
        }

        // Each entry at most once, never an excluded one, and the entries the Link stage counts.
        let entries = scan.glossaryLinks.map { link in glossary.entryIDs.first { href(glossary, $0) == link.href } }
        #expect(!entries.contains(nil), "unknown glossary href: \(label)")
        #expect(Set(entries).count == entries.count, "an entry is linked twice: \(scan.glossaryLinks.map(\.href)) in \(label)")
        #expect(Set(entries.compactMap { $0 }).isDisjoint(with: excluded), "an excluded entry is linked: \(label)")
        let used = Set(chosen(markdown, glossary: glossary, excluded: excluded).values.joined().map(\.entry))
        #expect(Set(entries.compactMap { $0 }) == used, "linked \(entries) but the Link stage counts \(used.sorted()): \(label)")

        // The linked text is one of the entry's names, a line feed standing for a space (a
        // term wrapped at a soft line break) and `’` for `'`.
        for (link, entry) in zip(scan.glossaryLinks, entries) {
            guard let entry else { continue }
            let names = [glossary[entry: entry].term] + glossary[entry: entry].aliases
            let text = HTMLScan.unescape(link.text).map { $0 == "\n" ? " " : $0 == "\u{2019}" ? "'" : $0 }
            let fits = names.contains { name in
                let form = Array(name)
                return GlossaryMatcher.isAcronym(name) ? text == form
                    : text.count == form.count && zip(text, form).allSatisfy { fold($0) == fold($1) }
            }
            #expect(fits, "glossary link text \(link.text) is none of \(names): \(label)")
        }
    }
}

/// Just enough of an HTML scanner for cmark's own output: tags, comments, text.
struct HTMLScan {
    struct GlossaryLink {
        let href: String
        var text = ""
        /// Open elements it sits in that must not hold one (h1–h6, a, code, pre).
        let enclosing: [String]
    }

    private(set) var glossaryLinks: [GlossaryLink] = []
    /// The HTML with every glossary link's tags taken out (its text kept).
    private(set) var withoutGlossaryLinks = ""

    static let guarded: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"]
    static let void: Set<String> = ["br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed", "track"]

    init(_ html: String) {
        var open: [String] = []
        var inGlossary = false
        var rest = Substring(html)
        while !rest.isEmpty {
            guard rest.first == "<" else {
                let text = rest.prefix { $0 != "<" }
                if inGlossary { glossaryLinks[glossaryLinks.count - 1].text += text }
                withoutGlossaryLinks += text
                rest = rest.dropFirst(text.count)
                continue
            }
            if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
                withoutGlossaryLinks += rest[..<end.upperBound]
                rest = rest[end.upperBound...]
                continue
            }
            let tag = rest[...(rest.firstIndex(of: ">") ?? rest.index(before: rest.endIndex))]
            rest = rest.dropFirst(tag.count)
            let closing = tag.hasPrefix("</")
            let name = tag.dropFirst(closing ? 2 : 1).prefix { $0.isLetter || $0.isNumber }.lowercased()
            if !closing, name == "a", tag.contains("class=\"glossary-term\"") {
                let href = tag.range(of: "href=\"").map { tag[$0.upperBound...].prefix { $0 != "\"" } } ?? ""
                glossaryLinks.append(GlossaryLink(href: String(href), enclosing: open.filter { Self.guarded.contains($0) || $0 == "glossary" }))
                inGlossary = true
                open.append("glossary")
                continue
            }
            if closing, name == "a", open.last == "glossary" {
                inGlossary = false
                open.removeLast()
                continue
            }
            withoutGlossaryLinks += tag
            if closing {
                if let index = open.lastIndex(of: name) { open.removeSubrange(index...) }
            } else if !Self.void.contains(name) && !tag.hasSuffix("/>") {
                open.append(name)
            }
        }
    }

    /// Text content: tags and comments removed, entities left as written.
    static func textContent(_ html: String) -> String {
        var text = ""
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            text += rest[..<start]
            rest = rest[start...]
            if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
                rest = rest[end.upperBound...]
            } else {
                rest = rest[(rest.firstIndex(of: ">").map(rest.index(after:)) ?? rest.endIndex)...]
            }
        }
        return text + rest
    }

    /// cmark's text escapes undone.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
