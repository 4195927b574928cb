/// Finds glossary terms in text in one left-to-right scan, whatever the number of terms.
///
/// A trie of case-folded term forms is built once per build. At each word start the scan
/// follows the trie as far as the text allows and keeps the longest form that ends on a word
/// boundary, so "multi-academy trust" wins over "academy" inside it. Forms with capitals after
/// the first letter (acronyms: RSC, MAT) must match exactly; others match in any case.
/// Word boundaries use Unicode letters and digits, so Welsh ŵ and ŷ are letters.
public struct GlossaryMatcher: Sendable {
    struct Form: Sendable {
        let characters: [Character]
        let caseSensitive: Bool
        /// Index into the glossary.
        let entry: Int
    }

    struct Match: Hashable, Sendable {
        /// Character offsets into the scanned text.
        let range: Range<Int>
        let entry: Int
    }

    private var children: [[Character: Int]] = [[:]]
    private var forms: [Int: [Form]] = [:]
    /// Hashes of every form's first word, lower-cased: the quick test in `mayMatch`.
    private var firstWords: Set<UInt64> = []

    public init(_ glossary: [GlossaryTerm]) {
        for (index, term) in glossary.enumerated() {
            for name in [term.term] + term.aliases where !name.isEmpty {
                insert(Form(characters: Array(name), caseSensitive: Self.isAcronym(name), entry: index))
                let firstWord = name.prefix(while: Self.isWordCharacter).lowercased()
                firstWords.insert(Self.wordHash(firstWord.utf8))
            }
        }
    }

    /// Whether `text` could hold a term: some word in it is the first word of a term. Most
    /// text holds none, and this byte scan is many times cheaper than the full match, so
    /// the full match runs only where it can succeed. Text with non-ASCII letters always
    /// goes to the full match, which knows Unicode word boundaries.
    func mayMatch(_ text: String) -> Bool {
        var hash = Self.hashSeed
        var inWord = false
        for byte in text.utf8 {
            if byte >= 0x80 { return true }
            let isWord = (48...57).contains(byte) || (97...122).contains(byte | 0x20)
            if isWord {
                hash = (hash ^ UInt64((65...90).contains(byte) ? byte | 0x20 : byte)) &* Self.hashPrime
                inWord = true
            } else if inWord {
                if firstWords.contains(hash) { return true }
                hash = Self.hashSeed
                inWord = false
            }
        }
        return inWord && firstWords.contains(hash)
    }

    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let hashPrime: UInt64 = 0x100_0000_01b3

    /// FNV-1a over a word's (already lower-cased) bytes, as `mayMatch` computes it.
    private static func wordHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(hashSeed) { ($0 ^ UInt64($1)) &* hashPrime }
    }

    var isEmpty: Bool { forms.isEmpty }

    /// Capitals after the first letter make a form case-sensitive.
    static func isAcronym(_ name: String) -> Bool {
        name.dropFirst().contains { $0.isUppercase }
    }

    private mutating func insert(_ form: Form) {
        var state = 0
        for character in form.characters {
            let key = Self.fold(character)
            if let next = children[state][key] {
                state = next
            } else {
                children.append([:])
                children[state][key] = children.count - 1
                state = children.count - 1
            }
        }
        forms[state, default: []].append(form)
    }

    /// Every non-overlapping longest match in `text`, left to right.
    func matches(in characters: [Character]) -> [Match] {
        var found: [Match] = []
        var start = 0
        while start < characters.count {
            if isWordStart(characters, start), let match = longestMatch(in: characters, from: start) {
                found.append(match)
                start = match.range.upperBound
            } else {
                start += 1
            }
        }
        return found
    }

    private func longestMatch(in characters: [Character], from start: Int) -> Match? {
        var state = 0
        var best: Match?
        var index = start
        while index < characters.count, let next = children[state][Self.fold(characters[index])] {
            state = next
            index += 1
            guard let candidates = forms[state], index == characters.count || !Self.isWordCharacter(characters[index]) else { continue }
            if let form = candidates.first(where: { !$0.caseSensitive || Array(characters[start..<index]) == $0.characters }) {
                best = Match(range: start..<index, entry: form.entry)
            }
        }
        return best
    }

    private func isWordStart(_ characters: [Character], _ index: Int) -> Bool {
        index == 0 || !Self.isWordCharacter(characters[index - 1])
    }

    /// ASCII is decided without Unicode property lookups, which dominated the profile.
    static func isWordCharacter(_ c: Character) -> Bool {
        if let ascii = c.asciiValue {
            return (48...57).contains(ascii) || (97...122).contains(ascii | 0x20)
        }
        return c.isLetter || c.isNumber
    }

    static func fold(_ c: Character) -> Character {
        if let ascii = c.asciiValue {
            return (65...90).contains(ascii) ? Character(Unicode.Scalar(ascii | 0x20)) : c
        }
        guard c.isUppercase else { return c }
        let lower = c.lowercased()
        return lower.count == 1 ? Character(lower) : c
    }
}
