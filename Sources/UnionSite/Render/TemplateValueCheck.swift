import Foundation

/// Mustache renders a variable the page does not have as empty text, silently: the classic
/// theming bug (`{{page.autor}}`, or a value only some pages have). For the site's own
/// templates, every `{{page.…}}` and `{{site.…}}` written outside any section — so it is
/// always rendered — is looked up in each page's values, and a miss is a warning at the
/// tag, once per template and name. Only `page.` and `site.` names are checked: inside a
/// section a bare name may come from any level of the context stack; these two never do.
/// The built-in theme needs no check: the compiled twins and `CompiledThemeTests` fix it.
final class TemplateValueCheck: @unchecked Sendable {
    struct Use: Equatable {
        let name: String
        let line: Int
        let column: Int
    }

    /// Template name → the checked uses in it and every template it includes or extends, with their files.
    private let uses: [String: [(file: SourceFile, use: Use)]]
    private let lock = NSLock()
    private var found: [String: Diagnostic] = [:]

    /// - Parameters: overrides: the site's templates that differ from the built-in ones; all: every template by name.
    init(overrides: [String: SourceFile], all: [String: SourceFile]) {
        guard !overrides.isEmpty else { uses = [:]; return }
        let own = overrides.mapValues { file in Self.unguardedUses(in: file.text).map { (file, $0) } }
        var uses: [String: [(file: SourceFile, use: Use)]] = [:]
        for name in all.keys {
            let reached = Self.reachable(from: name, all: all)
            let list = reached.sorted().flatMap { own[$0] ?? [] }
            if !list.isEmpty { uses[name] = list }
        }
        self.uses = uses
    }

    var isEmpty: Bool { uses.isEmpty }

    /// Checks one page's values against the template it is rendered with.
    func check(_ template: String, _ values: TemplateRecord) {
        guard let list = uses[template] else { return }
        for (file, use) in list where !Self.resolves(use.name, in: values) {
            let key = "\(file.path)|\(use.name)"
            let page = values["page"]?["href"]?.text.map { " (on \($0), among others)" } ?? ""
            lock.lock()
            if found[key] == nil {
                found[key] = .warning("`{{\(use.name)}}` renders as empty text: \(template) pages have no `\(use.name)`\(page); "
                                      + "put it inside {{#\(use.name)}}…{{/\(use.name)}} if only some pages have it",
                                      at: file.location(line: use.line, column: use.column), code: "template-missing-value")
            }
            lock.unlock()
        }
    }

    var warnings: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return found.keys.sorted().compactMap { found[$0] }
    }

    /// Whether `page.a.b` is in the values; a name that goes on past a value that is not a
    /// record (`page.title.x`) counts as found, as it always has.
    static func resolves(_ name: String, in values: TemplateRecord) -> Bool {
        var current = TemplateValue.record(values)
        for part in name.split(separator: ".") {
            guard case .record(let record) = current else { return true }
            guard let next = record[String(part)] else { return false }
            current = next
        }
        return true
    }

    /// The template and everything it includes or extends, by name.
    static func reachable(from name: String, all: [String: SourceFile]) -> Set<String> {
        var seen: Set<String> = [name]
        var queue = [name]
        while let next = queue.popLast() {
            for reference in PartialReferences.find(in: all[next]?.text ?? "") where seen.insert(reference.name).inserted {
                queue.append(reference.name)
            }
        }
        return seen
    }

    /// `{{page.x}}`, `{{{site.y}}}` and `{{& page.z}}` outside every `{{#…}}` and `{{^…}}`.
    static func unguardedUses(in text: String) -> [Use] {
        var uses: [Use] = []
        var sections: [String] = []
        for tag in MustacheTags.scan(text) {
            switch tag.sigil {
            case "#", "^": sections.append(tag.name)
            case "/": if let index = sections.lastIndex(of: tag.name) { sections.removeSubrange(index...) }
            case nil, "&", "{":
                if sections.isEmpty, tag.name.hasPrefix("page.") || tag.name.hasPrefix("site.") {
                    uses.append(Use(name: tag.name, line: tag.line, column: tag.column))
                }
            default: break
            }
        }
        return uses
    }
}

/// The `{{…}}` tags of a template, with line and column (default delimiters only).
enum MustacheTags {
    struct Tag {
        let sigil: Character?
        let name: String
        let line: Int
        let column: Int
    }

    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                var inside = rest[open.upperBound..<close.lowerBound]
                var end = close.upperBound
                if inside.first == "{", end < line.endIndex, line[end] == "}" { end = line.index(after: end) }
                if inside.first == "{" && inside.last == "}" { inside = inside.dropLast() }
                let sigils: Set<Character> = ["#", "^", "/", ">", "<", "$", "!", "%", "&", "{", "="]
                let sigil = inside.first.flatMap { sigils.contains($0) ? $0 : nil }
                let name = (sigil == nil ? inside : inside.dropFirst()).trimmed
                tags.append(Tag(sigil: sigil, name: name, line: lineIndex + 1, column: line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                rest = line[end...]
            }
        }
        return tags
    }
}
