import PropertyBased
import Testing
@testable import UnionSite

/// Hostile Markdown bodies: deep nesting (to 10,000 levels), huge lines and random soup
/// through every pass a body goes through, none of which may crash or hang.
@Suite("Fuzz: hostile Markdown bodies")
struct MarkdownBodyFuzzTests {
    /// One nesting construct repeated `depth` times around a term.
    static func nested(_ kind: Int, depth: Int) -> String {
        func repeated(_ s: String) -> String { String(repeating: s, count: depth) }
        switch kind % 18 {
        case 0: return repeated("> ") + "academy\n"
        case 1: return repeated("- ") + "academy\n"
        case 2: return repeated("1. ") + "academy\n"
        case 3: return repeated("> - ") + "academy [x](a.md)\n"
        case 4: return repeated("*") + "academy" + repeated("*") + "\n"
        case 5: return repeated("_") + "academy" + repeated("_") + "\n"
        case 6: return repeated("[") + "academy" + repeated("](a.md)") + "\n"
        case 7: return "# " + repeated("![") + "academy" + repeated("](i.png)") + "\n"
        case 8: return repeated("`") + "academy" + repeated("`") + "\n"
        case 9: return repeated("<div>") + "\n\nacademy\n"
        case 10: return "[x](" + repeated("(") + "a.md" + repeated(")") + ")\n"
        case 11: return repeated("[a") + repeated("]") + "\n\n" + "[a]: x.md\n"
        case 12: return "## " + repeated("**a ") + "academy" + repeated(" a**") + "\n"
        case 13: return repeated("\\") + "academy" + repeated("&#") + "\n"
        case 14: return (0..<min(depth, 300)).map { String(repeating: "  ", count: $0) + "- academy" }.joined(separator: "\n") + "\n"
        case 15: return repeated("> ") + "# academy\n" + repeated("> ") + "```\nacademy\n"
        case 16: return repeated("![a](") + "x" + repeated(")") + "\n"
        default: return repeated("<") + "academy" + repeated(">") + "\n"
        }
    }

    static let nesting = zip(Gen.int(in: 0...17), Gen.int(in: 1...10_000)).map { nested($0, depth: $1) }

    /// What huge lines are made of: a word, a term, markup, a link.
    static let lineUnits = ["x", "academy ", "MAT, ", "*a* ", "**a", "`c` ", "# ", "<", "&amp;", "é", "\t", "[", "![", "](", "\\", "[a](b.md) "]

    /// A line of up to a million characters (up to 2 MB of links), after a soft line break or
    /// not (cmark's columns are wrong after one, and the link positions are searched for).
    static let hugeLine = zip(Gen<String?>.element(of: lineUnits).map { $0! }, Gen.int(in: 1...200_000), Gen.bool)
        .map { unit, count, softBreak in (softBreak ? "para\n" : "") + String(repeating: unit, count: count) + "\n" }

    static let soup = FuzzGen.soup(["academy", "multi-academy trust", "MAT", " ", "\n", "\n\n", "\r\n", "\r", "*", "_", "`", "[", "]", "(", ")",
                                    "](x.md)", "![", "# ", "## ", "> ", "- ", "1. ", "    ", "```", "<", ">", "<div>", "</div>", "<span>",
                                    "&#", ";", "\\", "|", "---", "===", "[a]: x.md", "<https://x>", "javascript:alert(1)"]
                                   + FuzzGen.oddCharacters, length: 0...200)

    static let glossary = [glossaryTerm("academy", chapter: "guide/academies.md"),
                           glossaryTerm("multi-academy trust", aliases: ["MAT"], chapter: "guide/academies.md")]

    @Test("deep nesting, to 10,000 levels: every pass runs")
    func deepNesting() async {
        await fuzz(count: 12, input: Self.nesting, slow: .seconds(20)) { text in
            Self.runPasses(text)
        }
    }

    @Test("huge lines: every pass runs")
    func hugeLines() async {
        await fuzz(count: 6, input: Self.hugeLine, slow: .seconds(20)) { text in
            Self.runPasses(text)
        }
    }

    @Test("random Markdown soup: every pass runs")
    func randomSoup() async {
        await fuzz(count: 300, input: zip(Self.soup, Gen.bool, Gen.int(in: -2...2))) { text, principles, offset in
            Self.runPasses(text, numberPrinciples: principles, levelOffset: offset)
        }
    }

    @Test("every nesting construct at 10,000 levels, every huge line, and the corpus")
    func corpus() {
        for kind in 0..<18 { Self.runPasses(Self.nested(kind, depth: 10_000)) }
        for unit in Self.lineUnits {
            Self.runPasses(String(repeating: unit, count: 100_000) + "\n")
            Self.runPasses("para\n" + String(repeating: unit, count: 100_000) + "\n")
        }
        let files = Fuzz.corpus("markdown")
        #expect(!files.isEmpty)
        for file in files { Self.runPasses(file.text) }
    }

    @Test("many links on one line are located in linear time")
    func manyLinksOnOneLine() {
        let clock = ContinuousClock()
        for text in [String(repeating: "[a](b.md) ", count: 2_000) + "\n",
                     "para\n" + String(repeating: "[a](b.md) ", count: 2_000) + "\n",
                     "para\n" + String(repeating: "x [a](b.md)\n", count: 2_000),
                     "# " + String(repeating: "![", count: 2_000) + "a" + String(repeating: "](i.png)", count: 2_000) + "\n"] {
            let started = clock.now
            let facts = DocumentFacts.collect(markdown(text), numberPrinciples: false)
            #expect(facts.links.count == 2_000)
            #expect(clock.now - started < .seconds(8), "a hang guard, not a benchmark: quadratic took 14–23 s; \(clock.now - started) for \(Fuzz.describe(text))")
        }
    }

    @Test("images nested 10,000 deep are collected in linear time")
    func nestedImagesInLinearTime() {
        let clock = ContinuousClock()
        let text = String(repeating: "![", count: 10_000) + "a" + String(repeating: "](i.png)", count: 10_000) + "\n"
        let started = clock.now
        let facts = DocumentFacts.collect(markdown(text), numberPrinciples: false)
        #expect(facts.links.count == 10_000)
        #expect(facts.links.allSatisfy { $0.text == "a" && $0.isImage && $0.destination == "i.png" })
        // Outermost first, each one's `![` two columns further in.
        #expect(facts.links.first?.location.column == 1)
        #expect(facts.links.last?.location.column == 2 * 9_999 + 1)
        #expect(clock.now - started < .seconds(4), "a hang guard, not a benchmark: quadratic takes about 20 s; took \(clock.now - started)")
    }

    @Test("text after a NUL is kept (CommonMark: U+0000 becomes U+FFFD)")
    func nul() {
        #expect(markdown("before\0after\n").html().contains("after"))
    }

    /// Parse, collect facts, then the production list of body passes (`BodyPasses`).
    static func runPasses(_ text: String, numberPrinciples: Bool = true, levelOffset: Int = 1) {
        let document = markdown(text)
        let facts = DocumentFacts.collect(document, numberPrinciples: numberPrinciples)
        let chosen = GlossaryLinking.chosen(in: facts.texts, matcher: GlossaryMatcher(glossary), excluded: [])
        let inputs = BodyPasses.Inputs(headings: facts.headings, texts: facts.texts, glossaryMatches: chosen,
                                       glossaryTags: glossary.indices.map { "<a href=\"/glossary/#\($0)\">" },
                                       resolve: { "/resolved/" + $0 }, citations: { "<p class=\"cites\">\($0)</p>" },
                                       idPrefix: "p-", headingOffset: levelOffset)
        let html = BodyPasses.html(document, inputs)
        #expect(html.utf8.count < 40 * text.utf8.count + 1000, "HTML grows out of proportion")
        #expect(facts.headings.allSatisfy { !$0.id.isEmpty && $0.line >= 1 })
        #expect(facts.links.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
        #expect(facts.problems.allSatisfy { ($0.location?.line ?? 0) >= 1 && ($0.location?.column ?? 0) >= 1 })
    }
}
