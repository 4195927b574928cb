import Testing
@testable import UnionSite

/// `Definitions.extract` takes definition lines out of a body in place and hands the document
/// the line starts it found: every other line must keep its number and bytes, and the starts
/// must be those of the text it returns.
@Suite("Definition lines blanked in place")
struct DefinitionBlankingTests {
    /// Line starts found from scratch, as the document finds them when none are handed over.
    func starts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == 10 }.map { $0 + 1 }
    }

    /// Split on line feed bytes (a `Character` split would keep CR LF together).
    func lines(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("definitions become empty lines; the rest keep their numbers; the starts are the result's")
    func example() {
        let body = "Pay rose.[^pay] The MAT agreed.\n\n[^pay]: From the survey.\n    Second line.\n\n*[MAT]: multi-academy trust\nEnd.\r\n"
        let definitions = Definitions.extract(body)
        #expect(lines(definitions.bytes) == ["Pay rose.[^pay] The MAT agreed.", "", "", "", "", "", "End.\r", ""])
        #expect(definitions.lineStarts == starts(definitions.bytes))
        #expect(definitions.footnotes.map(\.label) == ["pay"])
        #expect(definitions.abbreviations.map(\.abbreviation) == ["MAT"])
    }

    @Test("on random bodies, only definition lines change, and the starts match the bytes")
    func random() {
        let pieces = ["[^a]: note", "[^b]: two", "    indented more", "*[HR]: human resources", "*[X]:", "text [^a] here", "", "```",
                      "~~~", "> quote", "- item", "  [^c]: three", "\t[^d]: tab", "plain words", "é £", "\r"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let source = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let body = source.joined(separator: "\n")
            let definitions = Definitions.extract(body)
            let before = lines(Array(body.utf8))
            let after = lines(definitions.bytes)
            #expect(after.count == before.count, "\(body.debugDescription)")
            for (old, new) in zip(before, after) where new != old {
                #expect(new.isEmpty, "\(body.debugDescription)")
            }
            if let lineStarts = definitions.lineStarts {
                #expect(lineStarts == starts(definitions.bytes), "\(body.debugDescription)")
            }
        }
    }

    /// Without a fence anywhere only the lines holding `[^` or `*[` are looked at; with one,
    /// every line is. A fence added after a body without one changes nothing above it, so
    /// both reads must find the same definitions.
    @Test("on random bodies without fences, reading only the lines with openers finds what reading every line finds")
    func openerLinesOnly() {
        let pieces = ["[^a]: note", "[^b]: two [^a]", "    indented more", "*[HR]: human resources", "*[X]:", "text [^a] here", "",
                      "> quote", "> [^q]: quoted", "- item", "  [^c]: three", "\t[^d]: tab", "    [^e]: code", "lazy line", "a *[HR]: b",
                      "``", "~~", "é £ [^é]: x", "\r", "[^]: empty", "[^f]:", "[^g] : no"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let body = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "\n")
            guard !body.contains("```"), !body.contains("~~~") else { continue }
            let fast = Definitions.extract(body), full = Definitions.extract(body + "\n\n~~~\n")
            #expect(fast.footnotes.map { [$0.label, $0.text, "\($0.lines)", "\($0.line):\($0.column)"] }
                == full.footnotes.map { [$0.label, $0.text, "\($0.lines)", "\($0.line):\($0.column)"] }, "\(body.debugDescription)")
            #expect(fast.abbreviations.map { "\($0.abbreviation)=\($0.expansion)@\($0.line):\($0.column)" }
                == full.abbreviations.map { "\($0.abbreviation)=\($0.expansion)@\($0.line):\($0.column)" }, "\(body.debugDescription)")
            #expect(Array(fast.bytes) == Array(full.bytes.prefix(fast.bytes.count)), "\(body.debugDescription)")
        }
    }
}
