import Foundation

/// Reads typed fields out of a YAML mapping (front matter, a vacancy record, site.yaml),
/// collecting one diagnostic per wrong field at that field's own line and column.
struct FieldReader {
    let entries: [YAMLEntry]
    /// Where "missing key" problems point: the record or the front matter's first line.
    let location: SourceLocation
    let timeZone: TimeZone
    /// CSV cells are all strings; lists arrive as `a; b; c`.
    var listSeparator: Character? = nil
    private(set) var problems: [Diagnostic] = []
    private var used: Set<String> = []

    init(_ node: YAMLNode, at location: SourceLocation, timeZone: TimeZone) {
        self.init(entries: node.entries ?? [], at: location, timeZone: timeZone)
    }

    init(entries: [YAMLEntry], at location: SourceLocation, timeZone: TimeZone) {
        self.entries = entries
        self.location = location
        self.timeZone = timeZone
    }

    /// The value of `key`, or nil when it is absent or blank: `key:`, `key: ""` and `key: "  "`
    /// all mean "not given", so an optional key left empty (the `new` command writes
    /// `summary: ""`) is no error, and a required one is reported by `string(_:required:)`.
    mutating func node(_ key: String) -> YAMLNode? {
        used.insert(key)
        guard let value = entry(key)?.value, !value.isBlank else { return nil }
        return value
    }

    func entry(_ key: String) -> YAMLEntry? {
        entries.first { $0.key == key }
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = value.string else {
            fail("`\(key)` must be text, found \(value.kindName)", at: value.location, code: "wrong-type")
            return nil
        }
        return text
    }

    /// A required key left out is reported where the record starts; one written but left
    /// empty, at its own line.
    private mutating func missing(_ key: String) {
        guard let entry = entry(key) else {
            fail("missing required key `\(key)`", at: location, code: "missing-key")
            return
        }
        let at = entry.value.isNull ? entry.keyLocation : entry.value.location
        fail("`\(key)` must not be empty", at: at, code: "missing-key")
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("`\(key)` must be true or false, found \(Self.shown(value))", at: value.location, code: "wrong-type")
            return nil
        }
    }

    mutating func int(_ key: String) -> Int? {
        guard let value = node(key) else { return nil }
        guard let text = value.string, let number = Int(text.trimmed) else {
            fail("`\(key)` must be a whole number, found \(Self.shown(value))", at: value.location, code: "wrong-type")
            return nil
        }
        return number
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        date(key, required: required)?.day
    }

    mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
        if let value = node(key), value.string == nil {
            fail("`\(key)` must be a date, found \(value.kindName)", at: value.location, code: "wrong-type")
            return nil
        }
        guard let text = string(key, required: required) else { return nil }
        guard let date = ContentDate.parse(text.trimmed, timeZone: timeZone) else {
            let shape = Day.looksLikeDay(text.trimmed) ? "is not a real date" : "must be a date, YYYY-MM-DD or ISO 8601"
            fail("`\(key)` \(shape): \(text.trimmed)", at: node(key)?.location ?? location, code: "invalid-date")
            return nil
        }
        return date
    }

    /// A scalar as written, anything else by its kind: for "found …" in messages.
    static func shown(_ value: YAMLNode) -> String {
        value.string.map { $0.trimmed } ?? value.kindName
    }

    /// A list of strings: a YAML list, whose items must each be non-empty text, or one text
    /// split on the list separator (`,`; `;` in CSV), where empty pieces are only extra
    /// separators and are skipped.
    mutating func stringList(_ key: String) -> [String] {
        locatedList(key).map(\.text)
    }

    /// `stringList`, each item with where it is written (the list's own place for a split text).
    mutating func locatedList(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let value = node(key) else { return [] }
        if let items = value.items {
            return items.compactMap { item in listItem(item, of: key).map { ($0, item.location) } }
        }
        guard let text = value.string else {
            fail("`\(key)` must be a list, found \(value.kindName)", at: value.location, code: "wrong-type")
            return []
        }
        let separator = listSeparator ?? ","
        return text.split(separator: separator).map(\.trimmed).filter { !$0.isEmpty }.map { ($0, value.location) }
    }

    mutating func listItem(_ item: YAMLNode, of key: String) -> String? {
        guard let text = item.string else {
            fail("each item of `\(key)` must be text, found \(item.kindName)", at: item.location, code: "wrong-type")
            return nil
        }
        guard !item.isBlank else {
            fail("an item of `\(key)` is empty", at: item.location, code: "empty-item")
            return nil
        }
        return text.trimmed
    }

    /// - Parameter location: nil for a value given on the command line, not in a file.
    mutating func fail(_ message: String, at location: SourceLocation?, code: String) {
        problems.append(.error(message, at: location, code: code))
    }

    mutating func warn(_ message: String, at location: SourceLocation, code: String) {
        problems.append(.warning(message, at: location, code: code))
    }

    /// The entries no reader asked for, in file order: template `params`, or unknown-field warnings.
    var unused: [YAMLEntry] { entries.filter { !used.contains($0.key) } }

    /// Takes in the problems of a reader of a nested mapping (`organisation`, a `nav` item).
    mutating func include(_ inner: FieldReader) {
        problems.append(contentsOf: inner.problems)
    }
}

extension YAMLNode {
    /// Null (`key:`, `~`, `null`) or text of nothing but spaces: a value not given.
    var isBlank: Bool {
        isNull || string.map { $0.trimmed.isEmpty } ?? false
    }
}

extension Day {
    static func looksLikeDay(_ text: String) -> Bool {
        text.count == 10 && text.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : c.isASCIIDigit }
    }
}
