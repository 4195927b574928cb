import Testing
@testable import UnionSite

/// Index keys by language: English stemmed without stop words, Welsh (any other language) whole
/// and accent-folded. `browser-tests/serve/test_search.py` reads `welshKeys` and checks that
/// `search.js` gives the same keys.
@Suite struct SearchLanguageTests {
    static let welshKeys: [(String, String)] = [
        ("academïau", "academiau"), ("ŵyr", "wyr"), ("tŷ", "ty"), ("gwên", "gwen"), ("ysgolion", "ysgolion"),
        ("cymraeg", "cymraeg"), ("undebau", "undebau"), ("the", "the"), ("trusts", "trusts"), ("café", "cafe"),
    ]

    @Test func welshWordsAreKeptWholeAndFolded() {
        for (word, key) in Self.welshKeys {
            #expect(SearchLanguage.unstemmed.key(word) == key, "\(word)")
        }
    }

    @Test func englishIsStemmedWithoutStopWords() {
        #expect(SearchLanguage.english.key("academies") == "academy")
        #expect(SearchLanguage.english.key("the") == nil)
    }

    @Test func theLanguageComesFromThePageTag() {
        #expect(SearchLanguage(tag: "en-GB") == .english)
        #expect(SearchLanguage(tag: "en") == .english)
        #expect(SearchLanguage(tag: "cy") == .unstemmed)
        #expect(SearchLanguage(tag: "cy-GB") == .unstemmed)
    }
}
