import Testing
@testable import UnionSite

/// Terms wrapped across source lines, and terms with apostrophes: both as members read them,
/// whatever line lengths the author's editor keeps or SMART punctuation does to `'`.
@Suite("Glossary: wrapped lines and apostrophes")
struct GlossaryLineBreakTests {
    let glossary = [glossaryTerm("academy"), glossaryTerm("multi-academy trust"), glossaryTerm("regional schools commissioner"),
                    glossaryTerm("local authority"), glossaryTerm("members' rights"), glossaryTerm("NEU's pay policy")]

    func link(_ text: String) -> String {
        let document = markdown(text)
        let texts = TextRuns(literalsOf: GlossaryLinking.bodyTextNodes(document))
        let matches = GlossaryLinking.chosen(in: texts, matcher: GlossaryMatcher(glossary), excluded: [])
        GlossaryLinking.apply(document, matches: matches) { "#" + glossary[entry: $0].anchor }
        return document.html()
    }

    func opening(_ anchor: String) -> String { "<a class=\"glossary-term\" href=\"#\(anchor)\">" }

    @Test("a term wrapped at a soft line break links whole, and the shorter term inside it does not")
    func wrappedTerm() {
        #expect(link("A multi-academy\ntrust runs it.\n") == "<p>A \(opening("multi-academy-trust"))multi-academy\ntrust</a> runs it.</p>\n")
    }

    @Test("a term over three lines links whole")
    func threeLines() {
        #expect(link("Ask the regional\nschools\ncommissioner now.\n")
            == "<p>Ask the \(opening("regional-schools-commissioner"))regional\nschools\ncommissioner</a> now.</p>\n")
    }

    @Test("matches after a wrapped term, in the node it reached into, link at their own places")
    func laterMatchesInTheSecondLine() {
        let html = link("A multi-academy\ntrust, an academy and the local authority. Another academy.\nlocal authority.\n")
        #expect(html == "<p>A \(opening("multi-academy-trust"))multi-academy\ntrust</a>, an \(opening("academy"))academy</a> and the "
            + "\(opening("local-authority"))local authority</a>. Another academy.\nlocal authority.</p>\n")
    }

    @Test("a term wrapped where the whole second line is the term's end, then more text", arguments: ["A multi-academy\ntrust\nand more.\n"])
    func wholeSecondLine(text: String) {
        #expect(link(text) == "<p>A \(opening("multi-academy-trust"))multi-academy\ntrust</a>\nand more.</p>\n")
    }

    @Test("a hard line break, or a line that ends in emphasis, still ends a term")
    func hardBreakOrEmphasisEndsTerm() {
        #expect(link("A multi-academy  \ntrust.\n") == "<p>A multi-\(opening("academy"))academy</a><br />\ntrust.</p>\n")
        #expect(link("A *multi-academy*\ntrust.\n") == "<p>A <em>multi-\(opening("academy"))academy</a></em>\ntrust.</p>\n")
    }

    @Test("a body with some text only the character way reads still links wrapped terms, there and elsewhere")
    func characterWayText() {
        let html = link("Le café of the multi-academy\ntrust.\n\nAsk the regional\nschools commissioner.\n")
        #expect(html == "<p>Le café of the \(opening("multi-academy-trust"))multi-academy\ntrust</a>.</p>\n"
            + "<p>Ask the \(opening("regional-schools-commissioner"))regional\nschools commissioner</a>.</p>\n")
    }

    @Test("a term with an apostrophe matches the text's straight or curly one, either way round")
    func apostrophes() {
        for text in ["Know your members' rights.\n", "Know your members’ rights.\n", "Know your Members’\nrights.\n"] {
            #expect(link(text).contains(opening("members-rights")), "\(text)")
        }
        #expect(link("The NEU’s pay policy.\n").contains(opening("neus-pay-policy")))
        #expect(!link("The neu’s pay policy.\n").contains(opening("neus-pay-policy")))
    }

    @Test("two runs with only a soft line break between them are joined by a space, others by a line feed")
    func joiners() {
        let document = markdown("one\ntwo *three*\nfour  \nfive\n")
        let runs = TextRuns(literalsOf: GlossaryLinking.bodyTextNodes(document))
        #expect(runs.text == "one two \nthree\nfour\nfive\n")
        #expect(runs.map(String.init) == ["one", "two ", "three", "four", "five"])
        #expect(runs.bounds(of: 1) == 4..<8)
    }
}
