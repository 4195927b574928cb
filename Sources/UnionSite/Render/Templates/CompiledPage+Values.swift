/// How a `CompiledPage` writes values and tells their kinds apart.
extension CompiledPage {
    /// `{{name}}`: what swift-mustache prints for a value, escaped as the template asks.
    /// Strings are written as they are, anything else as `String(describing:)` of its `Any`.
    mutating func write(_ value: TemplateValue?, _ escaping: TemplateEscaping) {
        switch value {
        case nil: return
        case .text(let text)?: append(text, escaping)
        case .number(let number)?: append(String(number), .none)
        case let value?: append(String(describing: value.anyValue), escaping)
        }
    }

    private mutating func append(_ text: String, _ escaping: TemplateEscaping) {
        switch escaping {
        case .none: appendUTF8(text)
        case .fastHTML: appendEscaped(text)
        case .html: appendUTF8(HTML.needsEscaping(text) ? Self.mustacheEscape(text) : text)
        }
    }

    /// `HTML.escape(text)` written straight into the page, in one pass over the text's bytes:
    /// a test for escapes, an escaped copy and the copy into the page were three, with a
    /// reference counted on the text for each (the built-in theme's `{{name}}`).
    private mutating func appendEscaped(_ text: String) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscapedHTML($0) }
        if written == nil { appendUTF8(HTML.escape(text)) }
    }

    /// The text's bytes, without `withUTF8`'s mutable copy of it when they are at hand, as they
    /// almost always are.
    mutating func appendUTF8(_ text: String) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if written == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
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
}
