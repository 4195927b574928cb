/// A light English stemmer for the search index, so that a query and a page meet on the same
/// stem: `academies` → `academy`, `trusts` → `trust`, `improving`, `improved`, `improvement`
/// and `improve` → `improv`.
///
/// It is deliberately conservative (far lighter than Porter's): a stem only has to be the same
/// for the forms of one word, never a real word, and a rule that could merge unrelated words is
/// left out. `Theme/search.js` has the same rules in the same order (`stem`): change both, and
/// `SearchStemmerTests` together with the browser test keep them in step.
///
/// Only words of the letters `a`–`z` are stemmed; anything else (digits, accented letters) is
/// kept as it is. The steps, applied in order:
///
/// 1. Plurals: a few words are kept as written (`news`, `series`, …); `-sses` → `-ss`; `-ies` → `-y`
///    (words over four letters; `ties` → `tie`); `-xes`, `-ches`, `-shes`, `-zzes` drop `-es`; other `-s` is dropped
///    unless the word ends in `-ss`, `-us` or `-is` or has three letters or fewer.
/// 2. One suffix, when at least three letters with a vowel stay (four for `-ment`, `-ation`, `-ly`):
///    `-ation`, `-ment`, `-ing`, `-ed` (not `-eed`), `-ly` (not after `p`); after `-ing` and `-ed` a
///    doubled final consonant is undoubled (`planned` → `plan`), but not `ll`, `ss` or `zz`.
/// 3. A final `-e` is dropped from words over three letters, unless it follows another `e`
///    (`improve` → `improv`, matching `improving` → `improv`; `agree` stays).
enum EnglishStemmer {
    /// Words step 1 must not touch: their final `s` is not a plural.
    static let keptAsWritten: Set<String> = [
        "always", "analysis", "basis", "bias", "canvas", "crisis", "news", "perhaps", "series", "species", "whereas",
    ]

    static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 2, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if !keptAsWritten.contains(word) { plural(&w) }
        suffix(&w)
        if w.count > 3, w.last == e, w[w.count - 2] != e { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    private static let e = UInt8(ascii: "e")

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && w[(w.count - s.count)...].elementsEqual(s)
    }

    private static func isVowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }

    private static func plural(_ w: inout [UInt8]) {
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ies") {
            if w.count > 4 { w.removeLast(3); w.append(UInt8(ascii: "y")) } else { w.removeLast() }
        } else if ends(w, "xes") || ends(w, "ches") || ends(w, "shes") || ends(w, "zzes") {
            w.removeLast(2)
        } else if ends(w, "s"), !ends(w, "ss"), !ends(w, "us"), !ends(w, "is"), w.count > 3 {
            w.removeLast()
        }
    }

    /// Removes one suffix if what stays is long enough and has a vowel.
    private static func suffix(_ w: inout [UInt8]) {
        let rules: [(suffix: String, minimum: Int, undouble: Bool)] = [
            ("ation", 4, false), ("ment", 4, false), ("ing", 3, true), ("ed", 3, true), ("ly", 4, false),
        ]
        for rule in rules where ends(w, rule.suffix) {
            let stem = Array(w.dropLast(rule.suffix.utf8.count))
            guard stem.count >= rule.minimum, stem.contains(where: isVowel) else { return }
            if rule.suffix == "ed", stem.last == e { return }
            if rule.suffix == "ly", stem.last == UInt8(ascii: "p") { return }
            w = stem
            if rule.undouble, w.count >= 2, w[w.count - 1] == w[w.count - 2], !isVowel(w[w.count - 1]),
               !"lsz".utf8.contains(w[w.count - 1]) {
                w.removeLast()
            }
            return
        }
    }
}
