import Testing
@testable import UnionSite

@Suite("GlossaryLinking")
struct GlossaryLinkingTests {
    let glossary = [glossaryTerm("academy", chapter: "guide/academies.md"), glossaryTerm("multi-academy trust", aliases: ["MAT"], chapter: "guide/academies.md"),
                    glossaryTerm("local authority", chapter: "guide/councils.md")]

    func link(_ text: String, excluded: Set<GlossaryEntryID> = []) -> String {
        let document = markdown(text)
        let texts = TextRuns(literalsOf: GlossaryLinking.bodyTextNodes(document))
        let matches = GlossaryLinking.chosen(in: texts, matcher: GlossaryMatcher(glossary), excluded: excluded)
        GlossaryLinking.apply(document, matches: matches) { "/glossary/#" + glossary[entry: $0].anchor }
        return document.html()
    }

    let academyLink = "<a class=\"glossary-term\" href=\"/glossary/#academy\">"

    @Test("a term in a paragraph links to its entry")
    func paragraph() {
        #expect(link("An academy is a school.\n") == "<p>An \(academyLink)academy</a> is a school.</p>\n")
    }

    @Test("a term inside *emphasis* links, keeping the emphasis")
    func emphasis() {
        #expect(link("Every *academy* is a school.\n") == "<p>Every <em>\(academyLink)academy</a></em> is a school.</p>\n")
    }

    @Test("only the first occurrence on the page links")
    func firstOnly() {
        let html = link("An academy.\n\nAnother academy, and an Academy.\n")
        #expect(html.occurrences(of: "glossary-term") == 1)
        #expect(html.hasPrefix("<p>An \(academyLink)academy</a>.</p>"))
    }

    @Test("nothing inside headings, links, code, code blocks or raw HTML is linked", arguments: [
        "# The academy\n",
        "[academy rules](x.md)\n",
        "Use `academy` here.\n",
        "    academy in code\n",
        "```\nacademy\n```\n",
        "<div>\nacademy\n</div>\n",
        "![an academy](x.png)\n",
    ])
    func untouched(text: String) {
        #expect(!link(text).contains("glossary-term"))
    }

    @Test("text in an allowlisted inline tag is body text; keyboard input is not")
    func inlineTags() {
        #expect(link("A <span>academy</span> here.\n").contains("<span>\(academyLink)academy</a></span>"))
        #expect(!link("Press <kbd>academy</kbd> here.\n").contains("glossary-term"))
    }

    @Test("terms in table cells, alerts and footnotes link, in the order of the page")
    func guidanceConstructs() {
        let table = link("| Body | Role |\n|---|---|\n| An academy | runs schools |\n")
        #expect(table.contains("<td>An \(academyLink)academy</a></td>"))
        let alert = link("> [!NOTE]\n> An academy is a school.\n")
        #expect(alert.contains("<p>An \(academyLink)academy</a> is a school.</p>"))
        let note = link("Text.[^a]\n\n[^a]: An academy survey.\n")
        #expect(note.contains("An \(academyLink)academy</a> survey."))
        let first = link("| x |\n|---|\n| academy |\n\nAn academy.\n")
        #expect(first.occurrences(of: "glossary-term") == 1)
        #expect(first.contains("<td>\(academyLink)academy</a></td>"))
    }

    @Test("after a heading mentions it, the first body occurrence still links")
    func headingThenBody() {
        let html = link("## Academy\n\nAn academy.\n")
        #expect(html.occurrences(of: "glossary-term") == 1)
        #expect(html.contains("<p>An \(academyLink)academy</a>.</p>"))
    }

    @Test("terms of the excluded (defining) chapter are not linked; others still are")
    func excludedEntries() {
        let html = link("An academy near the local authority.\n", excluded: [GlossaryEntryID(0), GlossaryEntryID(1)])
        #expect(!html.contains("#academy"))
        #expect(html.contains("href=\"/glossary/#local-authority\">local authority</a>"))
    }

    @Test("the longer term is linked, not the shorter one inside it")
    func longest() {
        let html = link("A multi-academy trust.\n")
        #expect(html.contains(">multi-academy trust</a>"))
        #expect(!html.contains("#academy\""))
    }

    @Test("text around several matches in one node is kept in order")
    func severalMatches() {
        let html = link("An academy in a MAT near the local authority office.\n")
        #expect(html == "<p>An \(academyLink)academy</a> in a <a class=\"glossary-term\" href=\"/glossary/#multi-academy-trust\">MAT</a> near the <a class=\"glossary-term\" href=\"/glossary/#local-authority\">local authority</a> office.</p>\n")
    }

    @Test("the Link stage chooses the matches the render pass links: body text only, first of each entry")
    func chosenMatches() {
        let facts = DocumentFacts.collect(markdown("# academy\n\nA MAT and [academy](x.md), a MAT.\n"), numberPrinciples: false)
        func entries(_ excluded: Set<GlossaryEntryID>) -> [GlossaryEntryID] {
            GlossaryLinking.chosen(in: facts.texts, matcher: GlossaryMatcher(glossary), excluded: excluded).values.joined().map(\.entry)
        }
        #expect(entries([]) == [GlossaryEntryID(1)])
        #expect(entries([GlossaryEntryID(1)]) == [])
    }

    @Test("one scan of a body's joined runs chooses what a scan of each run alone chooses")
    func joinedRunsMatchEachRun() {
        let matcher = GlossaryMatcher(glossary + [glossaryTerm("(RSC)", chapter: "guide/rsc.md")])
        let pieces = ["academy", "Academy", "multi-academy trust", "MAT", "local", "authority", "local authority", "(RSC)", " ", " ", "-", "x", "’", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let parts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            let runs = TextRuns(parts)
            var chooser = GlossaryLinking.FirstOccurrence(excluded: [GlossaryEntryID(2)])
            var alone: [Int: [GlossaryMatcher.Match]] = [:]
            runs.forEachRun { index, bytes in
                let chosen = chooser.filter(matcher.matches(inUTF8: bytes))
                if !chosen.isEmpty { alone[index] = chosen }
            }
            #expect(matcher.matchesAcrossRuns(runs) != nil)
            #expect(GlossaryLinking.chosen(in: runs, matcher: matcher, excluded: [GlossaryEntryID(2)]) == alone, "\(parts)")
        }
    }

    @Test("a term with a line feed in it is matched run by run, never across two runs")
    func lineFeedInTerm() {
        let matcher = GlossaryMatcher([glossaryTerm("pay\nscale", chapter: "guide/pay.md"), glossaryTerm("pay", chapter: "guide/pay.md")])
        let runs = TextRuns(["the pay", "scale"])
        #expect(matcher.matchesAcrossRuns(runs) == nil)
        #expect(GlossaryLinking.chosen(in: runs, matcher: matcher, excluded: []) == [0: [GlossaryMatcher.Match(range: 4..<7, entry: GlossaryEntryID(1))]])
    }
}
