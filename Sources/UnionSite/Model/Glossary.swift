/// Gathers every chapter's terms into the glossary, A to Z, and refuses a term or alias
/// defined twice (naming both places), since auto-linking could not tell which one is meant.
enum Glossary {
    static func terms(of chapters: [GuideChapter], problems: inout Diagnostics) -> [GlossaryTerm] {
        var seen: [String: GlossaryTerm] = [:]
        var anchors: [String: GlossaryTerm] = [:]
        var terms: [GlossaryTerm] = []
        for term in chapters.flatMap(\.terms) {
            var clash = false
            for name in [term.term] + term.aliases {
                let key = name.lowercased()
                if let first = seen[key] {
                    problems.append(.error("glossary term `\(name)` is already defined at \(first.location(of: name.lowercased() == first.term.lowercased() ? first.term : first.aliases.first { $0.lowercased() == name.lowercased() } ?? first.term))",
                                           at: term.location(of: name), code: "glossary-duplicate"))
                    clash = true
                } else {
                    seen[key] = term
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
        return terms.sorted { ($0.term.lowercased(), $0.term) < ($1.term.lowercased(), $1.term) }
    }
}
