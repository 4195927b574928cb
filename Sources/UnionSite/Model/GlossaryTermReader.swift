/// Reads a chapter's `terms:`: each item a string, or `{term, definition, aliases}`.
///
/// Every name must hold text: an empty term or alias would define nothing and link nothing,
/// so it is an error at its line rather than a name quietly left out.
enum GlossaryTermReader {
    static func terms(_ fields: inout FieldReader, chapterID: String) -> [GlossaryTerm] {
        guard let node = fields.node("terms") else { return [] }
        guard let items = node.items else {
            fields.fail("`terms` must be a list of terms, found \(node.kindName)", at: node.location, code: "wrong-type")
            return []
        }
        return items.compactMap { term($0, fields: &fields, chapterID: chapterID) }
    }

    private static func term(_ node: YAMLNode, fields: inout FieldReader, chapterID: String) -> GlossaryTerm? {
        switch node.value {
        case .scalar:
            guard let text = fields.listItem(node, of: "terms") else { return nil }
            return GlossaryTerm(term: text, definition: nil, aliases: [], chapterID: chapterID, location: node.location)
        case .list:
            fields.fail("each item of `terms` must be a term or a mapping {term, definition, aliases}, found a list",
                        at: node.location, code: "wrong-type")
            return nil
        case .map:
            return mappedTerm(node, fields: &fields, chapterID: chapterID)
        }
    }

    private static func mappedTerm(_ node: YAMLNode, fields: inout FieldReader, chapterID: String) -> GlossaryTerm? {
        var inner = FieldReader(node, at: node.location, timeZone: fields.timeZone)
        let term = inner.string("term", required: true)?.trimmed
        let definition = inner.string("definition")?.trimmed
        var aliases = inner.locatedList("aliases")
        inner.warnIgnoredKeys(defined: KnownKeys.glossaryTerm, what: "glossary term key")
        if let term { aliases = withoutOwnTerm(aliases, term: term, fields: &inner) }
        fields.include(inner)
        guard let term else { return nil }
        var result = GlossaryTerm(term: term, definition: definition, aliases: aliases.map(\.text), chapterID: chapterID,
                                  location: inner.node("term")?.location ?? node.location)
        result.aliasLocations = aliases.map(\.location)
        return result
    }

    /// An alias that auto-linking cannot tell from its own term adds nothing: it is left out,
    /// with a warning, since the author probably meant another name.
    private static func withoutOwnTerm(_ aliases: [(text: String, location: SourceLocation)], term: String,
                                       fields: inout FieldReader) -> [(text: String, location: SourceLocation)] {
        aliases.filter { alias in
            guard Glossary.sameName(alias.text, term) else { return true }
            fields.warn("alias `\(alias.text)` is the same name as its term `\(term)`: auto-linking finds it already",
                        at: alias.location, code: "glossary-alias-is-term")
            return false
        }
    }
}
