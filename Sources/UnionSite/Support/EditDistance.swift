/// How many single-character edits (insert, delete, replace, or swap two neighbours) turn one
/// word into another: the measure for "did you mean …?" suggestions (`sumary` → `summary`).
enum EditDistance {
    /// Optimal string alignment distance, computed row by row; keys are short, so the
    /// quadratic table costs nothing.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous) = (previous, current)
        }
        return previous[b.count]
    }

    /// The nearest of `candidates` to `word`, if it is near enough to be a slip of the keyboard:
    /// within 2 edits, or 1 for names of four letters or fewer (two edits turn `note` into
    /// `date`, which is no typo). Ties go to the earlier candidate.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = between(word.lowercased(), candidate.lowercased())
            let limit = min(word.count, candidate.count) <= 4 ? 1 : 2
            guard distance <= limit, distance < best?.distance ?? .max else { continue }
            best = (candidate, distance)
        }
        return best?.name
    }
}
