import Foundation

extension SearchIndex {
    /// Every stem in use, sorted, with its best postings. Gathered by a counting sort on stem id
    /// into one array of packed postings (`Posting`), then each stem's run sorted: at
    /// 10,000 articles there are 1.6 million postings, of which the index keeps a twentieth,
    /// so a list per stem of every posting (and a `Double` score beside each) was 46 MB at the
    /// build's peak, and this is 13 MB.
    static func postings(_ analyses: [SearchAnalyzer.Analysis], stems: [String]) -> [(stem: String, postings: [(doc: Int32, score: Int)])] {
        let documentCount = Double(analyses.count)
        let averageLength = max(1, Double(analyses.reduce(0) { $0 + $1.length }) / max(1, documentCount))
        var start = [Int](repeating: 0, count: stems.count + 1)
        for analysis in analyses { for stem in analysis.stems { start[Int(stem) + 1] += 1 } }
        for index in stems.indices { start[index + 1] += start[index] }
        // A stem's document frequency is known from the count, so a score is final when made.
        let idf = stems.indices.map { id in
            let df = Double(start[id + 1] - start[id])
            return log(1 + (documentCount - df + 0.5) / (df + 0.5))
        }
        var fill = start
        var packed = [UInt64](repeating: 0, count: start[stems.count])
        for (doc, analysis) in analyses.enumerated() {
            let norm = 1 - b + b * Double(analysis.length) / averageLength
            for (stem, counts) in zip(analysis.stems, analysis.counts) {
                let score = max(1, Int((weighted(counts, norm: norm) * idf[Int(stem)] * 10).rounded()))
                packed[fill[Int(stem)]] = Posting.packed(doc: Int32(doc), score: score)
                fill[Int(stem)] += 1
            }
        }
        // Each stem's run sorted on every core.
        let filled = packed, runs = start
        var result = Parallel.map(stems.indices.filter { runs[$0 + 1] > runs[$0] }) { id in
            var run = Array(filled[runs[id]..<runs[id + 1]])
            run.sort(by: >)
            return (stem: stems[id], postings: run.prefix(postingsCap).map(Posting.unpacked))
        }
        result.sort { $0.stem < $1.stem }
        return result
    }

    /// A posting as one integer that sorts best first when sorted descending: the score in
    /// the high half, the document number inverted in the low half (a tie goes to the lower number).
    enum Posting {
        static func packed(doc: Int32, score: Int) -> UInt64 {
            // A score is at most 10 × 37.4 (every field's weight, saturated) × the IDF (under 22
            // for 2³¹ documents): far below 2³².
            assert(score >= 0 && score < 1 << 32 && doc >= 0)
            return UInt64(score) << 32 | UInt64(UInt32.max - UInt32(doc))
        }

        static func unpacked(_ posting: UInt64) -> (doc: Int32, score: Int) {
            (doc: Int32(UInt32.max - UInt32(truncatingIfNeeded: posting)), score: Int(posting >> 32))
        }
    }

    /// A document's score for one stem before IDF.
    static func weighted(_ counts: UInt64, norm: Double) -> Double {
        var score = 0.0
        for field in SearchDocument.Field.allCases {
            let tf = Double(SearchAnalyzer.count(counts, field))
            guard tf > 0 else { continue }
            let lengthNorm = field == .body ? norm : 1
            score += field.weight * tf * (k1 + 1) / (tf + k1 * lengthNorm)
        }
        return score
    }
}
