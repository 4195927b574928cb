/// Reads `changes:`: a list of `{date, note}` (and `version` on principle documents).
///
/// Each wrong entry is an error at its own line, all of them at once; notes that say nothing
/// and repeated entries are warnings, because the history is what members read to learn what
/// changed (GOV.UK's rule: a note per major change, saying what changed).
enum ChangeReader {
    /// Notes shorter than this many words ("Updated.") tell a member nothing.
    static let shortestNoteWords = 4

    static func changes(_ fields: inout FieldReader, allowsVersion: Bool) -> [Change] {
        guard let node = fields.node("changes") else { return [] }
        guard let items = node.items else {
            fields.fail("`changes` must be a list of {date, note}, found \(node.kindName)", at: node.location, code: "wrong-type")
            return []
        }
        var result: [Change] = []
        for (position, item) in items.enumerated() {
            guard let change = change(item, position: position, allowsVersion: allowsVersion, fields: &fields) else { continue }
            if let twin = result.first(where: { $0.date.day == change.date.day && $0.note == change.note }) {
                fields.warn("this change repeats the one at line \(twin.location.line)", at: change.location, code: "duplicate-change")
            }
            result.append(change)
        }
        return result
    }

    private static func change(_ node: YAMLNode, position: Int, allowsVersion: Bool, fields: inout FieldReader) -> Change? {
        guard node.entries != nil else {
            fields.fail("each item of `changes` must be a mapping {date, note}, found \(node.kindName)", at: node.location, code: "wrong-type")
            return nil
        }
        var inner = FieldReader(node, at: node.location, timeZone: fields.timeZone)
        let date = inner.date("date", required: true)
        let note = inner.string("note", required: true)?.trimmed
        let version = allowsVersion ? inner.string("version")?.trimmed : nil
        inner.warnIgnoredKeys(defined: allowsVersion ? KnownKeys.principleChange : KnownKeys.change, what: "change key")
        if let note, note.split(whereSeparator: \.isWhitespace).count < shortestNoteWords {
            inner.warn("the note `\(note)` says little: say what changed, in a sentence members can act on",
                       at: inner.entry("note")?.value.location ?? node.location, code: "vague-change-note")
        }
        fields.include(inner)
        guard let date, let note else { return nil }
        return Change(date: date, note: note, version: version, position: position, location: node.location)
    }
}
