import Foundation

/// Turns documents into stem counts, one pass over their text.
///
/// Every distinct word is stemmed once (`words` remembers the stem id, or -1 for a stop word),
/// and a document's counts are gathered in arrays indexed by stem id, so the work is linear in
/// the text. `serve` keeps one analyzer between rebuilds (`SearchAnalyses`, in `serve`'s cache); stem ids only
/// ever grow, so a cached `Analysis` stays valid.
final class SearchAnalyzer {
    /// The words of one document: each stem once, with its count in each field.
    struct Analysis: Sendable {
        var stems: [Int32] = []
        /// Per stem: the counts of `SearchDocument.Field`s packed 16 bits each (title lowest), saturating.
        var counts: [UInt64] = []
        /// Words in the body, for length normalisation.
        var length = 0
    }

    /// Everything the analyzer learns, as a value: the hot loop works on it through `inout`,
    /// so its accesses are checked when compiled, not one by one at run time (on a class's
    /// stored properties `swift_beginAccess` and retains were a third of the loop).
    private var vocabulary: Vocabulary?

    init(language: SearchLanguage = .english) {
        vocabulary = Vocabulary(language: language)
    }

    var stems: [String] { vocabulary!.stems }
    var vocabularySize: Int { vocabulary!.words.count }

    func analyse(_ document: SearchDocument) -> Analysis {
        // Taken out while in use, so the only reference is the local one: no copy on write.
        var taken = vocabulary!
        vocabulary = nil
        defer { vocabulary = taken }
        return taken.analyse(document)
    }

    private struct Vocabulary {
        let language: SearchLanguage
        var stems: [String] = []
        var stemIDs: [String: Int32] = [:]
        /// Word (UTF-8 bytes) → stem id, or -1 for a stop word.
        var words = WordTable()
        /// Per stem id: the document that last saw it and where its counts are in that document.
        var lastSeen: [Int32] = []
        var slot: [Int32] = []
        var generation: Int32 = 0

        mutating func analyse(_ document: SearchDocument) -> Analysis {
            generation &+= 1
            if generation == Int32.max { generation = 1; lastSeen = Array(repeating: 0, count: lastSeen.count) }
            var analysis = Analysis()
            for field in SearchDocument.Field.allCases {
                let shift = UInt64(field.rawValue * 16)
                for text in document.fields[field.rawValue] {
                    SearchTokenizer.scan(text) { word, hash in
                        let id = words.find(word, hash: hash) ?? stemID(of: word, hash: hash)
                        guard id >= 0 else { return }
                        if field == .body { analysis.length += 1 }
                        let index: Int
                        if lastSeen[Int(id)] == generation {
                            index = Int(slot[Int(id)])
                        } else {
                            lastSeen[Int(id)] = generation
                            slot[Int(id)] = Int32(analysis.stems.count)
                            index = analysis.stems.count
                            analysis.stems.append(id)
                            analysis.counts.append(0)
                        }
                        if (analysis.counts[index] >> shift) & 0xFFFF < 0xFFFF { analysis.counts[index] += 1 << shift }
                    }
                }
            }
            return analysis
        }

        /// The stem id of a word not seen before, or -1 for a stop word.
        private mutating func stemID(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            let word = String(decoding: bytes, as: UTF8.self)
            var id: Int32 = -1
            if let stem = language.key(word) {
                if let known = stemIDs[stem] {
                    id = known
                } else {
                    id = Int32(stems.count)
                    stems.append(stem)
                    stemIDs[stem] = id
                    lastSeen.append(0)
                    slot.append(0)
                }
            }
            words.insert(bytes, hash: hash, value: id)
            return id
        }
    }

    /// Analyses groups of documents on every core, each group with its own analyzer, then
    /// renumbers the groups' stems into one list (in group order, so the result is the same
    /// however the work was split).
    static func analyseInParallel(_ documents: [SearchDocument], language: SearchLanguage = .english) -> (analyses: [Analysis], stems: [String]) {
        let groupSize = max(64, documents.count / 32)
        let groups = stride(from: 0, to: documents.count, by: groupSize).map { $0..<min($0 + groupSize, documents.count) }
        let parts = Parallel.map(groups) { range in
            let analyzer = SearchAnalyzer(language: language)
            return (analyses: documents[range].map(analyzer.analyse), stems: analyzer.stems)
        }
        var ids: [String: Int32] = [:]
        var stems: [String] = []
        var analyses: [Analysis] = []
        analyses.reserveCapacity(documents.count)
        for part in parts {
            let global = part.stems.map { stem in
                if let id = ids[stem] { return id }
                let id = Int32(stems.count)
                stems.append(stem)
                ids[stem] = id
                return id
            }
            for var analysis in part.analyses {
                analysis.stems = analysis.stems.map { global[Int($0)] }
                analyses.append(analysis)
            }
        }
        return (analyses, stems)
    }

    static func count(_ packed: UInt64, _ field: SearchDocument.Field) -> Int {
        Int((packed >> UInt64(field.rawValue * 16)) & 0xFFFF)
    }
}

/// An open-addressing hash table from a word's UTF-8 bytes to an `Int32`, so the hot loop of
/// the index neither makes a `String` per word nor hashes one: the tokeniser's FNV-1a hash is used.
/// A slot holds its entry's number and the top of its hash, so a probe that meets another
/// word is mostly told apart in the slot; an entry's fields are together (one array), where four
/// arrays took four bounds checks and four cache lines per probe.
struct WordTable {
    private struct Entry {
        var hash: UInt64
        var start: Int32
        var length: Int32
        var value: Int32
    }

    /// Entry number + 1 in the low 32 bits (0: empty), the hash's top 32 bits above them.
    private var slots = [UInt64](repeating: 0, count: 1 << 14)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    var count: Int { entries.count }

    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                let mask = slots.count - 1
                let tag = hash >> 32
                var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                while true {
                    let slot = slots[index]
                    if slot == 0 { return nil }
                    if slot >> 32 == tag {
                        let entry = entries[Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1]
                        if entry.hash == hash, Int(entry.length) == word.count, equal(entry, word) { return entry.value }
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    private func equal(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = word.baseAddress else { return entry.length == 0 }
        return arena.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + Int(entry.start), base, word.count) == 0
        }
    }

    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(hash: hash, start: Int32(arena.count), length: Int32(word.count), value: value))
        arena.append(contentsOf: word)
        place(entries.count - 1)
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        let hash = entries[entry].hash
        var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for entry in entries.indices { place(entry) }
    }
}
