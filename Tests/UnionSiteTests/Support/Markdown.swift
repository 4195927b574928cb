@testable import UnionSite

/// A parsed Markdown body for unit tests; `firstLine` is the file line it starts on.
func markdown(_ text: String, path: String = "content/guide/test.md", firstLine: Int = 1) -> MarkdownDocument {
    MarkdownDocument(MarkdownSource(text: text, path: path, firstLine: firstLine))
}

/// A glossary term defined by `chapter`.
func glossaryTerm(_ term: String, aliases: [String] = [], chapter: String = "guide/terms.md", definition: String? = nil) -> GlossaryTerm {
    GlossaryTerm(term: term, definition: definition, aliases: aliases, chapterID: chapter,
                 location: UnionSite.SourceLocation(path: "content/" + chapter, line: 3))
}
