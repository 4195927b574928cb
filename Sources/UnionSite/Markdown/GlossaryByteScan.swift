extension GlossaryMatcher {
    /// One scan of ASCII text over the byte trie.
    struct ByteScan {
        let bytes: UnsafeBufferPointer<UInt8>
        let word: UnsafeBufferPointer<Bool>
        let lower: UnsafeBufferPointer<UInt8>
        let next: UnsafeBufferPointer<Int32>
        let ends: UnsafeBufferPointer<Bool>
        let forms: [[Form]]

        func matches() -> [Match] {
            var found: [Match] = []
            var index = 0
            while index < bytes.count {
                // A match starts only where the character before is not a word character.
                if index == 0 || !word[Int(bytes[index - 1])], let match = longestMatch(from: index) {
                    found.append(match)
                    index = match.range.upperBound
                } else {
                    index += 1
                }
            }
            return found
        }

        private func longestMatch(from start: Int) -> Match? {
            var state = 0
            var best: Match?
            var index = start
            while index < bytes.count {
                let following = next[state * 256 + Int(lower[Int(bytes[index])])]
                guard following >= 0 else { break }
                state = Int(following)
                index += 1
                guard ends[state], index == bytes.count || !word[Int(bytes[index])] else { continue }
                let written = bytes[start..<index]
                if let form = forms[state].first(where: { !$0.caseSensitive || written.elementsEqual($0.characters.map { $0.asciiValue! }) }) {
                    best = Match(range: start..<index, entry: form.entry)
                }
            }
            return best
        }
    }
}
