/// How a `CompiledPage` writes values and tells their kinds apart.
extension CompiledPage {
    /// `{{name}}`: what swift-mustache prints for a value, escaped as the template asks.
    /// Strings are written as they are, anything else as `String(describing:)`.
    mutating func write(_ value: Any?, _ escaping: TemplateEscaping) {
        guard let value else { return }
        if let text = value as? String {
            append(text, escaping)
        } else if let number = value as? Int {
            append(String(number), .none)
        } else if Self.isLeaf(value) || value is [String: Any] {
            append(String(describing: value), escaping)
        } else {
            markNeedsReference()
        }
    }

    private mutating func append(_ text: String, _ escaping: TemplateEscaping) {
        var text = text
        switch escaping {
        case .none: break
        case .fastHTML: if HTML.needsEscaping(text) { text = HTML.escape(text) }
        case .html: if HTML.needsEscaping(text) { text = Self.mustacheEscape(text) }
        }
        appendUTF8(text)
    }

    /// swift-mustache's own HTML escaper, which reads `Character`s: a quote followed by a
    /// combining mark is one character, and is left alone.
    static func mustacheEscape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let entity = HTML.entity(scalars[scalars.startIndex]) { escaped += entity } else { escaped.append(character) }
        }
        return escaped
    }

    /// Whether a value is one with no names inside: a string, number, flag or list.
    static func isLeaf(_ value: Any) -> Bool {
        value is String || value is Int || value is Bool || value is Double || TemplateValue.isEmptyList(value) != nil
    }
}
