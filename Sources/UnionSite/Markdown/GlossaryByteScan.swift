extension GlossaryMatcher {
    /// The forms over case-folded ASCII bytes, for glossaries whose forms are all ASCII: a trie
    /// of 256 slots a state, and a filter of the words forms start with.
    ///
    /// A match starts at a word start, and the text's word there is exactly the form's first
    /// word (a form's next character is not a word character, and neither may the text's be).
    /// So the scan finds each word's end, asks the filter about the word's first two letters
    /// and length, and walks the trie only on a yes. Walking it at every word start was most of
    /// the glossary's cost, a chain of dependent loads per letter (issue 21).
    struct ASCIITrie: Sendable {
        /// 256 slots a state (-1: none; bytes from 0x80 never continue a form).
        private(set) var next: [Int32] = Array(repeating: -1, count: 256)
        /// Per state: the forms ending there, in glossary order.
        private(set) var forms: [[Form]] = [[]]
        /// Whether a state ends a form (read on every step; `forms` only on a hit).
        private(set) var ends: [Bool] = [false]
        /// Bits by `firstWordKey`: set for the first word of every form that starts with a word character.
        private(set) var firstWords = [UInt64](repeating: 0, count: 1 << 10)
        /// Per byte: whether a form starts with it though it is not a word character ("(RSC)").
        private(set) var otherStarts = [Bool](repeating: false, count: 256)

        /// Adds a form whose characters fold to ASCII other than CR; false (and nothing added) otherwise.
        mutating func insert(_ form: Form) -> Bool {
            let folded = form.characters.map(GlossaryMatcher.fold)
            guard folded.allSatisfy({ $0.asciiValue.map { $0 != 0x0D } ?? false }),
                  !form.caseSensitive || form.characters.allSatisfy({ $0.asciiValue != nil }) else { return false }
            let bytes = folded.map { $0.asciiValue! }
            var state = 0
            for byte in bytes {
                let slot = state * 256 + Int(byte)
                if next[slot] < 0 {
                    next[slot] = Int32(forms.count)
                    forms.append([])
                    ends.append(false)
                    next += Array(repeating: -1, count: 256)
                }
                state = Int(next[slot])
            }
            forms[state].append(form)
            ends[state] = true
            let firstWord = bytes.prefix { GlossaryMatcher.asciiWord[Int($0)] }
            if firstWord.isEmpty {
                otherStarts[Int(bytes[0])] = true
                // A curly apostrophe in the text is read as this straight one (`ByteScan`).
                if bytes[0] == UInt8(ascii: "'") { otherStarts[0xE2] = true }
            } else {
                let key = Self.firstWordKey(firstWord[0], firstWord.count > 1 ? firstWord[1] : 0, count: firstWord.count)
                firstWords[key >> 6] |= 1 << UInt64(key & 63)
            }
            return true
        }

        /// A word's place in `firstWords`: its first two bytes, lower-cased (0 for a one-letter
        /// word), and its length. Words that share it only cost a walk of the trie.
        @inline(__always)
        static func firstWordKey(_ first: UInt8, _ second: UInt8, count: Int) -> Int {
            (Int(first | 0x20) &* 37 &+ Int(second | 0x20) &* 1031 &+ min(count, 63) &* 11) & 0xFFFF
        }
    }

    /// One scan of ASCII text over the trie.
    struct ByteScan {
        let bytes: UnsafeBufferPointer<UInt8>
        let word: UnsafeBufferPointer<Bool>
        let lower: UnsafeBufferPointer<UInt8>
        let next: UnsafeBufferPointer<Int32>
        let ends: UnsafeBufferPointer<Bool>
        let firstWords: UnsafeBufferPointer<UInt64>
        let otherStarts: UnsafeBufferPointer<Bool>
        let forms: [[Form]]
        /// Whether a form holds an apostrophe: then the text's `’` (SMART punctuation's, three
        /// bytes) is read as the straight `'` the trie holds.
        let curlyApostrophes: Bool

        func matches() -> [Match] {
            var found: [Match] = []
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                guard word[Int(byte)] else {
                    // Not a word character: a form may start here only with it, after a non-word character.
                    if otherStarts[Int(byte)], index == 0 || !word[Int(bytes[index - 1])], let match = longestMatch(from: index) {
                        found.append(match)
                        index = match.range.upperBound
                    } else {
                        index += 1
                    }
                    continue
                }
                // A word starts here (the byte before, if any, was not a word character: a
                // word is always read to its end). Its end, then the filter, then the trie.
                var end = index + 1
                while end < count, word[Int(bytes[end])] { end += 1 }
                let key = ASCIITrie.firstWordKey(byte, end - index > 1 ? bytes[index + 1] : 0, count: end - index)
                if firstWords[key >> 6] & (1 << UInt64(key & 63)) != 0, let match = longestMatch(from: index) {
                    found.append(match)
                    index = match.range.upperBound
                } else {
                    index = end
                }
            }
            return found
        }

        private func longestMatch(from start: Int) -> Match? {
            var state = 0
            var best: Match?
            var index = start
            while index < bytes.count {
                let width = curlyApostrophes ? curlyWidth(at: index) : 1
                let byte = width == 3 ? UInt8(ascii: "'") : bytes[index]
                let following = next[state * 256 + Int(lower[Int(byte)])]
                guard following >= 0 else { break }
                state = Int(following)
                index += width
                guard ends[state], index == bytes.count || !word[Int(bytes[index])] else { continue }
                let written = bytes[start..<index]
                if let form = forms[state].first(where: { !$0.caseSensitive || same(written, $0.characters) }) {
                    best = Match(range: start..<index, entry: form.entry)
                }
            }
            return best
        }

        /// 3 where a `’` starts, else 1.
        @inline(__always)
        private func curlyWidth(at index: Int) -> Int {
            bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 ? 3 : 1
        }

        /// Whether the text is exactly a case-sensitive form (ASCII, apostrophes straight), a `’` as `'`.
        private func same(_ written: Slice<UnsafeBufferPointer<UInt8>>, _ form: [Character]) -> Bool {
            var index = written.startIndex
            for character in form {
                guard index < written.endIndex else { return false }
                let width = curlyApostrophes ? curlyWidth(at: index) : 1
                let byte = width == 3 ? UInt8(ascii: "'") : bytes[index]
                guard byte == character.asciiValue else { return false }
                index += width
            }
            return index == written.endIndex
        }
    }
}
