import Foundation

extension SearchIndex {
    /// Every stem in use, sorted, with its best postings. A stem's document frequency is
    /// counted first, so each score is final when made and only each stem's best
    /// `postingsCap` are kept as they come (`BestPostings`): at 10,000 articles there are 1.6
    /// million postings and the index keeps 95,000. (A list per stem of every posting with a
    /// `Double` score beside each was 46 MB at the build's peak.)
    static func postings(_ analyses: [SearchAnalyzer.Analysis], stems: [String]) -> [(stem: String, postings: [(doc: Int32, score: Int)])] {
        let documentCount = Double(analyses.count)
        let averageLength = max(1, Double(analyses.reduce(0) { $0 + $1.length }) / max(1, documentCount))
        let frequencies = documentFrequencies(analyses, stems: stems.count)
        let idf = frequencies.map { count in
            let df = Double(count)
            return log(1 + (documentCount - df + 0.5) / (df + 0.5))
        }
        // The stems in ranges of about equal postings, one range per task: each task reads
        // every document but scores and keeps only its own stems' postings, in document order
        // as one pass would (a pass over 1.6 million postings was a tenth of a second on one core).
        let ranges = stemRanges(frequencies, parts: ProcessInfo.processInfo.activeProcessorCount * 2)
        let kept = Parallel.map(ranges, minimum: 2) { range in
            var best = BestPostings(frequencies: frequencies.indices.map { range.contains($0) ? frequencies[$0] : 0 }, cap: postingsCap)
            for (doc, analysis) in analyses.enumerated() {
                let norm = 1 - b + b * Double(analysis.length) / averageLength
                for (stem, counts) in zip(analysis.stems, analysis.counts) where range.contains(Int(stem)) {
                    let score = max(1, Int((weighted(counts, norm: norm) * idf[Int(stem)] * 10).rounded()))
                    best.offer(Posting.packed(doc: Int32(doc), score: score), stem: Int(stem))
                }
            }
            return best
        }
        var result = Parallel.map(stems.indices.filter { frequencies[$0] > 0 }) { id in
            let part = ranges.firstIndex { $0.contains(id) }!
            return (stem: stems[id], postings: kept[part].sorted(id).map(Posting.unpacked))
        }
        result.sort { $0.stem < $1.stem }
        return result
    }

    /// How many documents hold each stem.
    private static func documentFrequencies(_ analyses: [SearchAnalyzer.Analysis], stems: Int) -> [Int] {
        var frequencies = [Int](repeating: 0, count: stems)
        for analysis in analyses { for stem in analysis.stems { frequencies[Int(stem)] += 1 } }
        return frequencies
    }

    /// Consecutive ranges of stem ids covering them all, each with about an equal share of
    /// the postings.
    static func stemRanges(_ frequencies: [Int], parts: Int) -> [Range<Int>] {
        let total = frequencies.reduce(0, +)
        var ranges: [Range<Int>] = []
        var start = 0, sum = 0
        for (stem, frequency) in frequencies.enumerated() {
            sum += frequency
            if ranges.count < parts - 1, sum * parts >= total * (ranges.count + 1) {
                ranges.append(start..<(stem + 1))
                start = stem + 1
            }
        }
        ranges.append(start..<frequencies.count)
        return ranges
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

    /// Each stem's best postings (`Posting`, larger is better) while they are made, in one
    /// array: a stem's run holds up to `cap`, and once full is a min-heap whose least is
    /// replaced by any better posting. What is kept is what sorting all of a stem's postings
    /// and keeping the first `cap` would keep (no two postings of a stem are equal).
    struct BestPostings: Sendable {
        private var kept: [UInt64]
        /// Where each stem's run starts in `kept`; a run is at most `cap` long.
        private let start: [Int]
        private var count: [Int32]

        init(frequencies: [Int], cap: Int) {
            var start = [Int](repeating: 0, count: frequencies.count + 1)
            for (stem, frequency) in frequencies.enumerated() { start[stem + 1] = start[stem] + min(frequency, cap) }
            self.start = start
            kept = [UInt64](repeating: 0, count: start[frequencies.count])
            count = [Int32](repeating: 0, count: frequencies.count)
        }

        mutating func offer(_ posting: UInt64, stem: Int) {
            let base = start[stem], size = start[stem + 1] - base, filled = Int(count[stem])
            if filled < size {
                kept[base + filled] = posting
                count[stem] += 1
                if filled + 1 == size { heapify(base, size) }
            } else if size > 0, posting > kept[base] {
                kept[base] = posting
                siftDown(0, base, size)
            }
        }

        /// A stem's kept postings, best first.
        func sorted(_ stem: Int) -> [UInt64] {
            kept[start[stem]..<start[stem] + Int(count[stem])].sorted(by: >)
        }

        private mutating func heapify(_ base: Int, _ size: Int) {
            for node in stride(from: size / 2 - 1, through: 0, by: -1) { siftDown(node, base, size) }
        }

        /// Moves a node down the min-heap `kept[base..<base + size]` until no child is less.
        private mutating func siftDown(_ node: Int, _ base: Int, _ size: Int) {
            var node = node
            while true {
                let left = 2 * node + 1, right = left + 1
                var least = node
                if left < size, kept[base + left] < kept[base + least] { least = left }
                if right < size, kept[base + right] < kept[base + least] { least = right }
                if least == node { return }
                kept.swapAt(base + node, base + least)
                node = least
            }
        }
    }
}
