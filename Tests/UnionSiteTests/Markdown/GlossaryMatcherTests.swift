import Testing
@testable import UnionSite

@Suite("GlossaryMatcher")
struct GlossaryMatcherTests {
    let glossary = [
        glossaryTerm("academy"),
        glossaryTerm("multi-academy trust", aliases: ["MAT"]),
        glossaryTerm("Regional Schools Commissioner", aliases: ["RSC"]),
        glossaryTerm("local authority"),
    ]

    /// The matched text and the term it links to.
    func matches(_ text: String) -> [(String, String)] {
        let characters = Array(text)
        let found = GlossaryMatcher(glossary).matches(in: characters).map { (String(characters[$0.range]), glossary[entry: $0.entry].term) }
        // From the text itself (byte offsets; mostly ASCII goes the byte way): the same.
        let bytes = Array(text.utf8)
        let fromText = GlossaryMatcher(glossary).matches(in: text).map { (String(decoding: bytes[$0.range], as: UTF8.self), glossary[entry: $0.entry].term) }
        #expect(fromText.map(\.0) == found.map(\.0) && fromText.map(\.1) == found.map(\.1))
        return found
    }

    func matchedTexts(_ text: String) -> [String] { matches(text).map(\.0) }

    @Test("curly quotes, dashes and no-break spaces are boundaries on the byte path too", arguments: [
        ("The academy’s board", ["academy"]), ("“MAT” — a multi-academy trust…", ["MAT", "multi-academy trust"]),
        ("RSC\u{00A0}office", ["RSC"]), ("académy and academy", ["academy"]), ("academy\u{301} academy", ["academy"]),
        ("£1,500 per academy×2 €3", ["academy"]), ("academy£ and £academy", ["academy", "academy"]), ("£\u{301}academy", ["academy"]),
        ("academy\u{1F3FB} and academy", ["academy"]),
    ])
    func punctuationAndOtherScripts(text: String, expected: [String]) {
        #expect(matchedTexts(text) == expected)
    }

    @Test("the byte path is taken for ASCII with curly quotes, not for letters beyond ASCII")
    func bytePathChoice() {
        let matcher = GlossaryMatcher(glossary)
        func scannable(_ text: String) -> Bool { var text = text; return text.withUTF8(matcher.canScanBytes) }
        #expect(scannable("The academy’s “board” – now…"))
        #expect(scannable("Pay: £1,500 × 2 ± €3"))
        #expect(!scannable("academy\u{1F3FB}"))
        #expect(!scannable("académy"))
        #expect(!scannable("a\r\nb"))
        #expect(!GlossaryMatcher([glossaryTerm("école")]).matches(in: "An école.").isEmpty)
    }

    @Test("the longest term wins over a shorter one inside it")
    func longestWins() {
        let found = matches("Every multi-academy trust runs an academy.")
        #expect(found.map(\.0) == ["multi-academy trust", "academy"])
        #expect(found.map(\.1) == ["multi-academy trust", "academy"])
    }

    @Test("when the longer term does not follow, the shorter term inside it still matches")
    func prefixFallsBack() {
        #expect(matchedTexts("a multi-academy school") == ["academy"])
        #expect(matchedTexts("a multi-academy trusts") == ["academy"])
        #expect(matchedTexts("local authority and local authorities") == ["local authority"])
    }

    @Test("ordinary terms match in any case", arguments: ["Academy", "ACADEMY", "academy", "aCaDeMy"])
    func caseInsensitive(text: String) {
        #expect(matchedTexts("The \(text) opened.") == [text])
    }

    @Test("acronyms match only as written", arguments: [("RSC", true), ("rsc", false), ("Rsc", false), ("MAT", true), ("mat", false), ("Mat", false)])
    func acronyms(text: String, matchesTerm: Bool) {
        #expect(matchedTexts("Ask the \(text) today.") == (matchesTerm ? [text] : []))
    }

    @Test("which forms count as acronyms", arguments: [("RSC", true), ("MAT", true), ("iPad", true), ("Academy", false), ("academy", false), ("A", false)])
    func isAcronym(name: String, expected: Bool) {
        #expect(GlossaryMatcher.isAcronym(name) == expected)
    }

    @Test("matches sit on word boundaries", arguments: [
        ("academyx", [String]()), ("xacademy", []), ("academy2", []), ("2academy", []),
        ("ŵacademy", []), ("academyŷ", []), ("academy's", ["academy"]), ("(academy)", ["academy"]),
        ("academy-led", ["academy"]), ("RSCs", []),
    ])
    func wordBoundaries(text: String, expected: [String]) {
        #expect(matchedTexts(text) == expected)
    }

    @Test("Welsh ŵ and ŷ are letters")
    func welshLetters() {
        #expect(GlossaryMatcher.isWordCharacter("ŵ"))
        #expect(GlossaryMatcher.isWordCharacter("ŷ"))
        #expect(GlossaryMatcher.isWordCharacter("Ŵ"))
        #expect(!GlossaryMatcher.isWordCharacter("-"))
    }

    @Test("every occurrence is found, left to right, without overlaps")
    func allOccurrences() {
        #expect(matchedTexts("academy, academy and MAT; RSC") == ["academy", "academy", "MAT", "RSC"])
    }

    @Test("aliases map to their term's entry")
    func aliasEntry() {
        #expect(matches("the MAT board").map(\.1) == ["multi-academy trust"])
    }

    @Test("an empty glossary matches nothing")
    func emptyGlossary() {
        #expect(GlossaryMatcher([]).isEmpty)
        #expect(GlossaryMatcher([]).matches(in: Array("academy")).isEmpty)
    }

    @Test("the ASCII prefix read eight bytes at a time stops at the first word with a CR or a byte beyond ASCII")
    func plainASCIIPrefix() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abc XYZ.\n".utf8) + [0x0D, 0xC2, 0xA3, 0x7F, 0x00]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<6, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : UInt8(ascii: "a")
            }
            let prefix = bytes.withUnsafeBufferPointer { GlossaryMatcher.plainASCIIPrefix($0) }
            let plain = { (byte: UInt8) in byte < 0x80 && byte != 0x0D }
            #expect(prefix % 8 == 0 && prefix <= bytes.count)
            #expect(bytes[..<prefix].allSatisfy(plain), "\(bytes)")
            if prefix + 8 <= bytes.count { #expect(!bytes[prefix..<(prefix + 8)].allSatisfy(plain), "\(bytes)") }
        }
    }

    @Test("the byte path finds what the character path finds, whatever the form's first word: none, one letter, a digit, very long")
    func bytePathFirstWords() {
        let long = String(repeating: "l", count: 70)
        let forms = ["(RSC)", "A", "A level", "x", "1", "year 7", "7 up", long, long + "er", "-ish", "C++", "pay scale", "pay", "'s", "MAT",
                     "multi-academy trust", "Ab", "ab cd"]
        let glossary = forms.map { glossaryTerm($0) }
        let matcher = GlossaryMatcher(glossary)
        let pieces = forms + forms.map { $0.lowercased() } + forms.map { $0.uppercased() } + [" ", " ", "-", ".", "(", ")", "'", "a", "b",
                                                                                              "s", "7", "l", "lll", "’", "—"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var scanned = text
            let scannable = scanned.withUTF8(matcher.canScanBytes)
            #expect(scannable, "\(text)")
            let characters = Array(text)
            var offsets = [0]
            for character in characters { offsets.append(offsets.last! + character.utf8.count) }
            let byCharacters = matcher.matches(in: characters).map {
                GlossaryMatcher.Match(range: offsets[$0.range.lowerBound]..<offsets[$0.range.upperBound], entry: $0.entry)
            }
            #expect(matcher.matches(in: text) == byCharacters, "\(text)")
        }
    }
}
