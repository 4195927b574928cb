import Testing
@testable import UnionSite

/// The stemmer and tokeniser. `search.js` has the same rules; `tests/serve/test_search.py` feeds
/// `stemGolden` through the browser's copy, so the two are checked against one list.
struct SearchStemmerTests {
    /// Word → stem. Kept in step with `STEM_GOLDEN` in tests/serve/test_search.py.
    static let stemGolden: [(String, String)] = [
        ("academies", "academy"), ("academy", "academy"), ("trusts", "trust"), ("trust", "trust"),
        ("commissioners", "commissioner"), ("commissioner", "commissioner"),
        ("improve", "improv"), ("improving", "improv"), ("improved", "improv"), ("improvement", "improv"),
        ("improvements", "improv"), ("classes", "class"), ("class", "class"), ("boxes", "box"), ("churches", "church"),
        ("wishes", "wish"), ("buzzes", "buzz"), ("policies", "policy"), ("ties", "tie"), ("status", "status"),
        ("analysis", "analysis"), ("news", "news"), ("series", "series"), ("cases", "cas"), ("case", "cas"),
        ("organisation", "organis"), ("organisations", "organis"), ("organise", "organis"), ("organising", "organis"),
        ("consultation", "consult"), ("consult", "consult"), ("training", "train"), ("planned", "plan"),
        ("running", "run"), ("falling", "fall"), ("missing", "miss"), ("thing", "thing"), ("string", "string"),
        ("need", "need"), ("agreed", "agreed"), ("agreement", "agree"), ("agree", "agree"), ("employment", "employ"),
        ("employed", "employ"), ("quickly", "quick"), ("only", "only"), ("supply", "supply"), ("payment", "payment"),
        ("has", "has"), ("us", "us"), ("2026", "2026"), ("café", "café"), ("rôles", "rôles"),
    ]

    @Test func stemsTheGoldenList() {
        for (word, expected) in Self.stemGolden {
            #expect(EnglishStemmer.stem(word) == expected, "\(word)")
        }
    }

    @Test func formsOfAWordShareAStem() {
        #expect(Set(["improve", "improving", "improved", "improvement", "improves"].map(EnglishStemmer.stem)).count == 1)
        #expect(EnglishStemmer.stem("academies") == EnglishStemmer.stem("academy"))
        #expect(EnglishStemmer.stem("commissioners") == EnglishStemmer.stem("commissioner"))
    }

    @Test func tokeniserLowerCasesSplitsAndDropsStopWords() {
        #expect(SearchTokenizer.stems("The Academies and Trusts") == ["academy", "trust"])
        #expect(SearchTokenizer.stems("fixed-term contracts, 2026!") == ["fix", "term", "contract", "2026"])
        #expect(SearchTokenizer.stems("a b c") == [])
        #expect(SearchTokenizer.stems("union’s members") == ["union", "member"])
    }

    @Test func tokeniserIsUnicodeAware() {
        #expect(SearchTokenizer.stems("CAFÉ naïve") == ["café", "naïve"])
        // Decomposed é (e + combining acute) is the same word as precomposed é.
        #expect(SearchTokenizer.stems("cafe\u{301}") == ["café"])
        #expect(SearchTokenizer.stems("Zürich—Genève") == ["zürich", "genève"])
        #expect(SearchTokenizer.stems("日本語 テキスト") == ["日本語", "テキスト"])
    }

    @Test func tokeniserDropsTooShortAndTooLongWords() {
        let long = String(repeating: "x", count: 41)
        #expect(SearchTokenizer.stems("x \(long) ok") == ["ok"])
    }
}
