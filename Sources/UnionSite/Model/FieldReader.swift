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

    mutating func node(_ key: String) -> YAMLNode? {
        used.insert(key)
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { fail("missing required key `\(key)`", at: location, code: "missing-key") }
            return nil
        }
        guard let text = value.string else {
            fail("`\(key)` must be text, found \(value.kindName)", at: value.location, code: "wrong-type")
            return nil
        }
        if required && text.trimmed.isEmpty {
            fail("`\(key)` must not be empty", at: value.location, code: "missing-key")
            return nil
        }
        return text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("`\(key)` must be true or false", at: value.location, code: "wrong-type")
            return nil
        }
    }

    mutating func int(_ key: String) -> Int? {
        guard let value = node(key) else { return nil }
        guard let text = value.string, let number = Int(text.trimmed) else {
            fail("`\(key)` must be a whole number", at: value.location, code: "wrong-type")
            return nil
        }
        return number
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        date(key, required: required)?.day
    }

    mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = ContentDate.parse(text.trimmed, timeZone: timeZone) else {
            let shape = Day.looksLikeDay(text.trimmed) ? "is not a real date" : "must be a date, YYYY-MM-DD or ISO 8601"
            fail("`\(key)` \(shape): \(text.trimmed)", at: node(key)?.location ?? location, code: "invalid-date")
            return nil
        }
        return date
    }

    /// A list of strings: a YAML list, or in CSV text split on the list separator.
    mutating func stringList(_ key: String) -> [String] {
        guard let value = node(key) else { return [] }
        if let items = value.items {
            return items.compactMap { item in
                guard let text = item.string else {
                    fail("each item of `\(key)` must be text", at: item.location, code: "wrong-type")
                    return nil
                }
                return text.trimmed
            }.filter { !$0.isEmpty }
        }
        guard let text = value.string else {
            fail("`\(key)` must be a list", at: value.location, code: "wrong-type")
            return []
        }
        let separator = listSeparator ?? ","
        return text.split(separator: separator).map(\.trimmed).filter { !$0.isEmpty }
    }

    mutating func fail(_ message: String, at location: SourceLocation, code: String) {
        problems.append(.error(message, at: location, code: code))
    }

    mutating func warn(_ message: String, at location: SourceLocation, code: String) {
        problems.append(.warning(message, at: location, code: code))
    }

    /// The entries no reader asked for, in file order: template `params`, or unknown-field warnings.
    var unused: [YAMLEntry] { entries.filter { !used.contains($0.key) } }
}

extension Day {
    static func looksLikeDay(_ text: String) -> Bool {
        text.count == 10 && text.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : c.isASCIIDigit }
    }
}
