import Foundation

/// How a language's words become index keys, the same in `Theme/search.js` (`key`).
///
/// English: stop words dropped, the rest stemmed (`EnglishStemmer`). Any other language (Welsh
/// first): no stemmer exists (Snowball and Pagefind have none for Welsh), so every word is kept
/// whole, with its accents folded (`ŵ` → `w`, `â` → `a`, `ï` → `i`) so a query typed without
/// them still matches; apostrophes already split words (`academi'n` → `academi`).
enum SearchLanguage: Sendable, Equatable {
    case english, unstemmed

    /// The search language for a page language tag (`en-GB`, `cy`).
    init(tag: String) {
        self = SiteLanguage.primary(tag) == "en" ? .english : .unstemmed
    }

    /// The index key of a lower-cased NFC word, or nil for an English stop word.
    func key(_ word: String) -> String? {
        switch self {
        case .english: SearchTokenizer.stopWords.contains(word) ? nil : EnglishStemmer.stem(word)
        case .unstemmed: Self.folded(word)
        }
    }

    /// Combining marks U+0300–U+036F removed after canonical decomposition, then NFC again:
    /// what `normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")` gives in JavaScript.
    static func folded(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        let scalars = word.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
        return String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping
    }
}
