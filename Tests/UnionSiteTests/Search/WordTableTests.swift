import Testing
@testable import UnionSite

/// `WordTable` is the search index's word → stem id cache: a wrong answer would put a word
/// under another word's stem, and nothing else would notice.
struct WordTableTests {
    private static func bytes(_ word: String) -> [UInt8] { Array(word.utf8) }

    private static func find(_ table: WordTable, _ word: String, hash: UInt64? = nil) -> Int32? {
        let bytes = bytes(word)
        return bytes.withUnsafeBufferPointer { table.find($0, hash: hash ?? SearchTokenizer.hash($0)) }
    }

    private static func insert(_ table: inout WordTable, _ word: String, _ value: Int32, hash: UInt64? = nil) {
        let bytes = bytes(word)
        bytes.withUnsafeBufferPointer { table.insert($0, hash: hash ?? SearchTokenizer.hash($0), value: value) }
    }

    @Test("every word inserted is found with its value, through growth, and no other word is")
    func manyWords() {
        var table = WordTable()
        var generator = SystemRandomNumberGenerator()
        var words: [String: Int32] = [:]
        while words.count < 40_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let word = String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyzé".randomElement(using: &generator)! })
            if words[word] == nil {
                let value = Int32(words.count) - 1
                words[word] = value
                Self.insert(&table, word, value)
            }
        }
        #expect(table.count == words.count)
        for (word, value) in words { #expect(Self.find(table, word) == value, "\(word)") }
        for missing in ["", "zzzzzzzzzzzzz", "abcdefghijklmn", "éééééééééééééé"] where words[missing] == nil {
            #expect(Self.find(table, missing) == nil, "\(missing)")
        }
    }

    @Test("words with the same hash, or the same top half of one, are told apart by their bytes")
    func collisions() {
        var table = WordTable()
        Self.insert(&table, "pay", 1, hash: 42)
        Self.insert(&table, "pat", 2, hash: 42)
        Self.insert(&table, "pan", 3, hash: 42 | 7 << 40)
        Self.insert(&table, "", 4, hash: 42)
        #expect(Self.find(table, "pay", hash: 42) == 1)
        #expect(Self.find(table, "pat", hash: 42) == 2)
        #expect(Self.find(table, "pan", hash: 42 | 7 << 40) == 3)
        #expect(Self.find(table, "", hash: 42) == 4)
        #expect(Self.find(table, "pa", hash: 42) == nil)
        #expect(Self.find(table, "pan", hash: 42) == nil)
        #expect(Self.find(table, "pay", hash: 43) == nil)
    }

    @Test("the hash the scan gives each word is the hash of its bytes, whatever came before it in the buffer")
    func scanHashes() {
        var random = SeededRandom(seed: 20261206)
        let pieces = ["a", "Pay", "governance", "MULTI", "academy", "trusts", "x9", "ünïcode", "日本語", " ", ", ", "-", "\n",
                      "averyveryverylongwordthatgoespasteightbytes", "eightchr", "sevench", "ninechars"]
        for _ in 0..<300 {
            let text = (0..<random.next(40)).map { _ in pieces[random.next(pieces.count)] }.joined()
            var words = 0
            SearchTokenizer.scan(text) { word, hash in
                words += 1
                #expect(hash == SearchTokenizer.hash(word), "\(String(decoding: word, as: UTF8.self)) in \(text)")
            }
            var expected = 0
            SearchTokenizer.forEachWord(in: text) { _ in expected += 1 }
            #expect(words == expected)
        }
        // Words of one to sixteen bytes differ in their hashes from their prefixes and zero-padded forms.
        let word = Array("abcdefghijklmnop".utf8)
        let hashes = (0...16).map { count in word.withUnsafeBufferPointer { SearchTokenizer.hash(UnsafeBufferPointer(rebasing: $0[0..<count])) } }
        #expect(Set(hashes).count == hashes.count)
        let padded: [UInt8] = Array("abc".utf8) + [0]
        #expect(padded.withUnsafeBufferPointer { SearchTokenizer.hash($0) } != word.withUnsafeBufferPointer { SearchTokenizer.hash(UnsafeBufferPointer(rebasing: $0[0..<3])) })
    }
}
