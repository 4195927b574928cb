import Foundation

/// Gathers every chapter's terms into the glossary, A to Z, and refuses a term or alias
/// defined twice (naming both places), since auto-linking could not tell which one is meant.
enum Glossary {
    static func terms(of chapters: [GuideChapter], problems: inout Diagnostics) -> [GlossaryTerm] {
        var names = NameTable()
        var anchors: [String: GlossaryTerm] = [:]
        var terms: [GlossaryTerm] = []
        for term in chapters.flatMap(\.terms) {
            var clash = false
            for (name, location) in Self.names(of: term) {
                if let first = names.add(name, at: location) {
                    problems.append(.error("glossary term `\(name)` is already defined at \(first)", at: location, code: "glossary-duplicate"))
                    clash = true
                }
            }
            if let first = anchors[term.anchor], !clash {
                problems.append(.error("glossary term `\(term.term)` has the same anchor #\(term.anchor) as `\(first.term)` at \(first.location)",
                                       at: term.location, code: "glossary-duplicate"))
                clash = true
            }
            anchors[term.anchor] = term
            if !clash { terms.append(term) }
        }
        // A to Z as members read it: `Über` under U, `éclair` under E, not after Z.
        let keyed = terms.map { (key: (alphabetical($0.term), $0.term.lowercased(), $0.term), term: $0) }
        return keyed.sorted { $0.key < $1.key }.map(\.term)
    }

    /// A term's place in the A to Z: lower case, accents off (`Über` → `uber`).
    static func alphabetical(_ term: String) -> String {
        // ASCII has no accents to take off; Foundation's folding (ICU) costs 40 ms the first time.
        guard !ASCIIBytes.isASCII(term) else { return term.lowercased() }
        let folded = term.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return String(folded.flatMap { unmarked[$0] ?? String($0) })
    }

    /// Letters that are not a letter and a mark, so folding leaves them: each as the letters
    /// an A to Z files it under.
    private static let unmarked: [Character: String] = ["ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
                                                       "ħ": "h", "ı": "i", "ß": "ss"]

    /// The A to Z's heading a term sits under: its first letter without accents, in capitals.
    static func initial(_ term: String) -> String {
        alphabetical(term).first.map { String($0).uppercased() } ?? "#"
    }

    /// The term and each alias with where it is written: by position, since one alias may be
    /// written twice (which is what is being looked for).
    private static func names(of term: GlossaryTerm) -> [(String, SourceLocation)] {
        let aliases = term.aliases.enumerated().map { index, alias in
            (alias, index < term.aliasLocations.count ? term.aliasLocations[index] : term.location(of: alias))
        }
        return [(term.term, term.location)] + aliases
    }

    /// Whether auto-linking would take two names for one: some text matches both. Acronyms
    /// (capitals after the first letter) match exactly and others in any case
    /// (`GlossaryMatcher`), so `MAT` and `mat` are one name but `MAT` and `MaT` are two.
    static func sameName(_ a: String, _ b: String) -> Bool {
        guard folded(a) == folded(b) else { return false }
        return !(GlossaryMatcher.isAcronym(a) && GlossaryMatcher.isAcronym(b)) || a == b
    }

    static func folded(_ name: String) -> String {
        String(name.map(GlossaryMatcher.fold))
    }

    /// Every name defined so far, by its folded form, with where it is written.
    private struct NameTable {
        private var byFolded: [String: [(name: String, location: SourceLocation)]] = [:]

        /// Adds a name; if an earlier one is the same name, nothing is added and its place is returned.
        mutating func add(_ name: String, at location: SourceLocation) -> SourceLocation? {
            let key = Glossary.folded(name)
            if let first = byFolded[key]?.first(where: { Glossary.sameName($0.name, name) }) { return first.location }
            byFolded[key, default: []].append((name, location))
            return nil
        }
    }
}
