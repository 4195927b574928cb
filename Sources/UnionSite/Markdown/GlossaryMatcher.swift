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
        let entry: GlossaryEntryID
    }

    struct Match: Hashable, Sendable {
        /// Offsets into the scanned text: characters from `matches(in: [Character])`, UTF-8
        /// bytes from `matches(in: String)`.
        let range: Range<Int>
        let entry: GlossaryEntryID
    }

    private var children: [[Character: Int]] = [[:]]
    private var forms: [Int: [Form]] = [:]

    public init(_ glossary: [GlossaryTerm]) {
        for (index, term) in glossary.enumerated() {
            for name in [term.term] + term.aliases where !name.isEmpty {
                let form = Form(characters: Array(name), caseSensitive: Self.isAcronym(name), entry: GlossaryEntryID(index))
                insert(form)
                // The byte trie holds apostrophes straight; its scan reads the text's curly
                // ones as straight (`ByteScan`), as `fold` does for the character path.
                let straight = Form(characters: form.characters.map { Self.isApostrophe($0) ? "'" : $0 }, caseSensitive: form.caseSensitive,
                                    entry: form.entry)
                if !ascii.insert(straight) { allFormsASCII = false }
                if form.characters.contains(where: Self.isApostrophe) { formsHoldApostrophe = true }
                if name.utf8.contains(10) { formsHoldLineFeed = true }
            }
        }
    }

    // MARK: - ASCII

    /// The same forms over ASCII bytes (`ASCIITrie`), scanned when `canScanBytes`.
    private var ascii = ASCIITrie()
    /// False once a form could not go into the ASCII trie: then text is never scanned as bytes.
    private(set) var allFormsASCII = true
    /// Whether a form holds a line feed (a quoted YAML term can), which joined runs must not match.
    private var formsHoldLineFeed = false
    /// Whether a form holds an apostrophe: then the byte scan reads the text's `’` as `'`.
    private var formsHoldApostrophe = false

    /// Word characters among bytes: ASCII letters and digits (other bytes are punctuation here).
    static let asciiWord: [Bool] = (0..<256).map { byte in
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    private static let asciiLower: [UInt8] = (0..<256).map { byte in
        UInt8((65...90).contains(byte) ? byte | 0x20 : byte)
    }

    /// `matches(in:)` on bytes (`canScanBytes`), with byte offsets.
    func byteMatches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        // The tables as buffers for the whole scan: indexing the arrays (and the statics) in the
        // loop cost a retain or a `swift_once` check per byte, a quarter of the glossary pass.
        Self.asciiWord.withUnsafeBufferPointer { word in
            Self.asciiLower.withUnsafeBufferPointer { lower in
                ascii.next.withUnsafeBufferPointer { next in
                    ascii.ends.withUnsafeBufferPointer { ends in
                        ascii.firstWords.withUnsafeBufferPointer { firstWords in
                            ascii.otherStarts.withUnsafeBufferPointer { otherStarts in
                                ByteScan(bytes: bytes, word: word, lower: lower, next: next, ends: ends, firstWords: firstWords,
                                         otherStarts: otherStarts, forms: ascii.forms, curlyApostrophes: formsHoldApostrophe).matches()
                            }
                        }
                    }
                }
            }
        }
    }

    /// Every non-overlapping longest match in `text`, left to right, by UTF-8 byte offsets.
    /// The same for a slice of a longer text (a body's `TextRuns`): its bytes are scanned where
    /// they are, with no `String` made for the slice unless the character way is needed.
    func matches(in text: Substring) -> [Match] {
        var text = text
        if let found = text.withUTF8({ canScanBytes($0) ? byteMatches(in: $0) : nil }) { return found }
        return matches(in: String(text))
    }

    /// Every run's matches in one scan of the runs' joined text, by offsets into it; nil when
    /// a form holds a line feed (then the runs are scanned one by one). The line feed after a
    /// run is not a word character and no form holds one, so a match never crosses it; the
    /// space that joins two runs with only a soft line break between them (`TextRuns`) is
    /// crossed by a form with a space there, as in one line of text.
    func matchesAcrossRuns(_ texts: TextRuns) -> [Match]? {
        guard !formsHoldLineFeed else { return nil }
        var text = texts.text
        return text.withUTF8 { bytes in
            if let found = scannedAsBytes(bytes) { return found }
            // Some text needs the character way: only the lines (between line feeds, which no
            // match crosses) that do, the rest still as bytes.
            var found: [Match] = []
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
                found += matches(inUTF8: UnsafeBufferPointer(rebasing: bytes[start..<end])).map {
                    Match(range: $0.range.lowerBound + start..<$0.range.upperBound + start, entry: $0.entry)
                }
                start = end + 1
            }
            return found
        }
    }

    /// The same for a text's UTF-8 (a run of a body's `TextRuns`, where it is).
    func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        scannedAsBytes(bytes) ?? matches(in: String(decoding: bytes, as: UTF8.self))
    }

    /// The byte path's matches, or nil when the text needs the character way.
    private func scannedAsBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [Match]? {
        canScanBytes(bytes) ? byteMatches(in: bytes) : nil
    }

    func matches(in text: String) -> [Match] {
        var text = text
        if let found = text.withUTF8({ scannedAsBytes($0) }) { return found }
        // Any other text: by characters, then each offset turned into a byte offset.
        let characters = Array(text)
        var byteOffsets = [0]
        byteOffsets.reserveCapacity(characters.count + 1)
        for character in characters { byteOffsets.append(byteOffsets.last! + character.utf8.count) }
        return matches(in: characters).map { Match(range: byteOffsets[$0.range.lowerBound]..<byteOffsets[$0.range.upperBound], entry: $0.entry) }
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

    /// Every non-overlapping longest match in `characters`, left to right: any text.
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
            if let form = candidates.first(where: { !$0.caseSensitive || characters[start..<index].elementsEqual($0.characters, by: Self.same) }) {
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

    /// Characters equal for a case-sensitive form: the same, or two apostrophes.
    private static func same(_ a: Character, _ b: Character) -> Bool {
        a == b || isApostrophe(a) && isApostrophe(b)
    }

    static func isApostrophe(_ c: Character) -> Bool { c == "'" || c == "\u{2019}" }

    static func fold(_ c: Character) -> Character {
        if c == "\u{2019}" { return "'" }
        if let ascii = c.asciiValue {
            return (65...90).contains(ascii) ? Character(Unicode.Scalar(ascii | 0x20)) : c
        }
        guard c.isUppercase else { return c }
        let lower = c.lowercased()
        return lower.count == 1 ? Character(lower) : c
    }
}
