/// Reads a chapter's `terms:`: each item a string, or `{term, definition, aliases}`.
enum GlossaryTermReader {
    static func terms(_ fields: inout FieldReader, chapterID: String) -> [GlossaryTerm] {
        guard let node = fields.node("terms") else { return [] }
        guard let items = node.items else {
            fields.fail("`terms` must be a list of terms", at: node.location, code: "wrong-type")
            return []
        }
        return items.compactMap { term($0, fields: &fields, chapterID: chapterID) }
    }

    private static func term(_ node: YAMLNode, fields: inout FieldReader, chapterID: String) -> GlossaryTerm? {
        if let text = node.string {
            return text.trimmed.isEmpty ? nil : GlossaryTerm(term: text.trimmed, definition: nil, aliases: [], chapterID: chapterID, location: node.location)
        }
        var inner = FieldReader(node, at: node.location, timeZone: fields.timeZone)
        let term = inner.string("term", required: true)
        let definition = inner.string("definition")
        let aliases = inner.stringList("aliases")
        let aliasNodes = inner.node("aliases")?.items?.filter { !($0.string?.trimmed.isEmpty ?? true) } ?? []
        for problem in inner.problems { fields.fail(problem.message, at: problem.location ?? node.location, code: problem.code) }
        guard let term else { return nil }
        var result = GlossaryTerm(term: term.trimmed, definition: definition?.trimmed, aliases: aliases, chapterID: chapterID,
                                  location: inner.node("term")?.location ?? node.location)
        if aliasNodes.count == aliases.count { result.aliasLocations = aliasNodes.map(\.location) }
        return result
    }
}
