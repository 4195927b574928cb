import Foundation
import Testing
@testable import UnionSite

/// The postings (`SearchIndex.postings`) against the way they were gathered before: a list per
/// stem of every posting with a `Double` score, scored with its IDF, sorted and cut.
struct SearchPostingsTests {
    /// The earlier gathering, kept as the reference.
    static func reference(_ analyses: [SearchAnalyzer.Analysis], stems: [String]) -> [(stem: String, postings: [(doc: Int32, score: Int)])] {
        let documentCount = Double(analyses.count)
        let averageLength = max(1, Double(analyses.reduce(0) { $0 + $1.length }) / max(1, documentCount))
        var byStem: [[(doc: Int32, score: Double)]] = Array(repeating: [], count: stems.count)
        for (doc, analysis) in analyses.enumerated() {
            let norm = 1 - SearchIndex.b + SearchIndex.b * Double(analysis.length) / averageLength
            for (stem, counts) in zip(analysis.stems, analysis.counts) {
                byStem[Int(stem)].append((Int32(doc), SearchIndex.weighted(counts, norm: norm)))
            }
        }
        var result: [(stem: String, postings: [(doc: Int32, score: Int)])] = []
        for (id, list) in byStem.enumerated() where !list.isEmpty {
            let df = Double(list.count)
            let idf = log(1 + (documentCount - df + 0.5) / (df + 0.5))
            var scored = list.map { (doc: $0.doc, score: max(1, Int(($0.score * idf * 10).rounded()))) }
            scored.sort { ($0.score, $1.doc) > ($1.score, $0.doc) }
            result.append((stems[id], Array(scored.prefix(SearchIndex.postingsCap))))
        }
        return result.sorted { $0.stem < $1.stem }
    }

    static func same(_ a: [(stem: String, postings: [(doc: Int32, score: Int)])],
                     _ b: [(stem: String, postings: [(doc: Int32, score: Int)])]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.stem == y.stem && x.postings.count == y.postings.count
                && zip(x.postings, y.postings).allSatisfy { $0.doc == $1.doc && $0.score == $1.score }
        }
    }

    @Test func packedPostingsAreTheListsTheyReplaced() {
        // 900 documents over 400 stems: common stems pass the cap of 300, many scores tie, and
        // counts vary per field (up to the 16-bit saturation) and lengths per document.
        var random = SeededRandom(seed: 20261206)
        let stems = (0..<400).map { "s\($0)" }
        let analyses = (0..<900).map { _ in
            var analysis = SearchAnalyzer.Analysis()
            var used = Set<Int32>()
            // Stems 0 to 4 in two documents of three, so they pass the cap; the rest low ids more often.
            let common = (0..<5).filter { _ in random.next(3) != 0 }
            for _ in 0..<common.count + random.next(60) {
                let stem = Int32(analysis.stems.count < common.count ? common[analysis.stems.count] : min(random.next(400), random.next(400)))
                guard used.insert(stem).inserted else { continue }
                analysis.stems.append(stem)
                let fields = (0..<4).map { _ in UInt64(random.next(4) == 0 ? random.next(5) : 0) }
                let counts = fields.enumerated().reduce(UInt64(0)) { $0 | ($1.element << UInt64($1.offset * 16)) }
                analysis.counts.append(counts == 0 ? 1 << 48 : (random.next(50) == 0 ? 0xFFFF << 48 : counts))
            }
            analysis.length = random.next(2_000)
            return analysis
        }
        let packed = SearchIndex.postings(analyses, stems: stems)
        #expect(Self.same(packed, Self.reference(analyses, stems: stems)))
        #expect(packed.contains { $0.postings.count == SearchIndex.postingsCap })
        #expect(packed.contains { list in zip(list.postings, list.postings.dropFirst()).contains { $0.score == $1.score } })
    }

    @Test func bestPostingsKeepWhatSortingAllWouldKeep() {
        // Stems with fewer postings than the cap, as many, one more, and many more, offered in
        // random order with many equal scores.
        var random = SeededRandom(seed: 7)
        let frequencies = [0, 1, 2, 4, 5, 6, 40, 400]
        var best = SearchIndex.BestPostings(frequencies: frequencies, cap: 5)
        var all: [[UInt64]] = frequencies.map { _ in [] }
        var offers = frequencies.enumerated().flatMap { stem, count in (0..<count).map { (stem, Int32($0)) } }
        for index in offers.indices.reversed() { offers.swapAt(index, random.next(index + 1)) }
        for (stem, doc) in offers {
            let posting = SearchIndex.Posting.packed(doc: doc, score: 1 + random.next(4))
            best.offer(posting, stem: stem)
            all[stem].append(posting)
        }
        for stem in frequencies.indices {
            #expect(best.sorted(stem) == Array(all[stem].sorted(by: >).prefix(5)), "stem \(stem)")
        }
    }

    @Test func aPostingPacksAndUnpacks() {
        for (doc, score) in [(Int32(0), 1), (Int32.max, 1), (12, 7_480), (3, Int(UInt32.max))] {
            let posting = SearchIndex.Posting.unpacked(SearchIndex.Posting.packed(doc: doc, score: score))
            #expect(posting.doc == doc && posting.score == score)
        }
        // Sorted descending: the higher score first, then the lower document.
        let sorted = [(Int32(5), 10), (Int32(2), 10), (Int32(9), 11)].map { SearchIndex.Posting.packed(doc: $0.0, score: $0.1) }
            .sorted(by: >).map(SearchIndex.Posting.unpacked)
        #expect(sorted.map(\.doc) == [9, 2, 5])
    }

    @Test("stem ranges cover every stem once, in order, in at most the parts asked for", arguments: [1, 2, 4, 7])
    func stemRanges(parts: Int) {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 3, 50, 1_000] {
            let frequencies = (0..<count).map { _ in Int.random(in: 0...(Bool.random(using: &generator) ? 3 : 2_000), using: &generator) }
            let ranges = SearchIndex.stemRanges(frequencies, parts: parts)
            #expect(ranges.count <= parts)
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }
}
