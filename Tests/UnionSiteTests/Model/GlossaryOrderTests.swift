import Testing
@testable import UnionSite

/// The glossary's A to Z as members read it, accents and all.
@Suite("Glossary: A to Z")
struct GlossaryOrderTests {
    @Test("accented initials sit under their letter, in order among the others")
    func accents() throws {
        let terms = ["Zero-hours contract", "Über", "éclair", "Academy", "Ŵyr", "appraisal", "Édition", "1265 pension", "MAT"]
        let chapter = "---\ntitle: Terms\nterms: [\(terms.map { "\"\($0)\"" }.joined(separator: ", "))]\n---\nDefined here.\n"
        let site = try TestSite(["content/guide/terms.md": chapter])
        let rendered = try site.render()
        let page = try #require(rendered.text("guide/glossary/index.html"))
        let headings = page.components(separatedBy: "id=\"letter-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(headings == ["1", "a", "e", "m", "u", "w", "z"])
        let order = terms.sorted { Glossary.alphabetical($0) < Glossary.alphabetical($1) }
        #expect(order == ["1265 pension", "Academy", "appraisal", "éclair", "Édition", "MAT", "Über", "Ŵyr", "Zero-hours contract"])
        let positions = order.compactMap { page.range(of: ">\($0)<")?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test("letters folding cannot take apart are filed as the letters they stand for", arguments: [
        ("Øresund", "O", "oresund"), ("Łódź", "L", "lodz"), ("Æsop", "A", "aesop"), ("Straße", "S", "strasse"), ("ßeta", "S", "sseta"),
    ])
    func unmarkedLetters(term: String, initial: String, key: String) {
        #expect(Glossary.initial(term) == initial)
        #expect(Glossary.alphabetical(term) == key)
    }
}
