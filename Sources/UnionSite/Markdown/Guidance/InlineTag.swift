/// One inline HTML tag as cmark handed it over (`<abbr title="…">`, `</abbr>`, a comment),
/// parsed so that an allowlisted tag can be written again from its parts, never echoed.
struct InlineTag: Equatable {
    enum Kind: Equatable { case open, selfClosing, close, other }

    let kind: Kind
    /// Lower-cased.
    let name: String
    /// In the order written; values with entities decoded, nil for a bare attribute.
    let attributes: [(name: String, value: String?)]

    static func == (a: InlineTag, b: InlineTag) -> Bool {
        a.kind == b.kind && a.name == b.name && a.attributes.map(\.name) == b.attributes.map(\.name)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }

    /// Comments, processing instructions, declarations and anything unparsable are `.other`.
    static func parse(_ literal: String) -> InlineTag {
        var scanner = TagScanner(Array(literal.utf8))
        return scanner.tag() ?? InlineTag(kind: .other, name: "", attributes: [])
    }
}

/// A hand-written scanner over the tag's bytes (the grammar is CommonMark's raw HTML).
private struct TagScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func tag() -> InlineTag? {
        guard take(UInt8(ascii: "<")) else { return nil }
        let closing = take(UInt8(ascii: "/"))
        guard let name = name(first: isLetter, rest: { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) else { return nil }
        if closing {
            skipSpace()
            return take(UInt8(ascii: ">")) && index == bytes.count ? InlineTag(kind: .close, name: name.lowercased(), attributes: []) : nil
        }
        var attributes: [(name: String, value: String?)] = []
        while true {
            let spaced = skipSpace()
            if take(UInt8(ascii: ">")) { return finish(.open, name, attributes) }
            if take(UInt8(ascii: "/")) { return take(UInt8(ascii: ">")) ? finish(.selfClosing, name, attributes) : nil }
            guard spaced, let attribute = attribute() else { return nil }
            attributes.append(attribute)
        }
    }

    private func finish(_ kind: InlineTag.Kind, _ name: String, _ attributes: [(name: String, value: String?)]) -> InlineTag? {
        index == bytes.count ? InlineTag(kind: kind, name: name.lowercased(), attributes: attributes) : nil
    }

    private mutating func attribute() -> (name: String, value: String?)? {
        let nameStart: (UInt8) -> Bool = { isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
        let nameRest: (UInt8) -> Bool = { nameStart($0) || isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        guard let name = name(first: nameStart, rest: nameRest) else { return nil }
        let save = index
        skipSpace()
        guard take(UInt8(ascii: "=")) else {
            index = save
            return (name.lowercased(), nil)
        }
        skipSpace()
        guard let value = value() else { return nil }
        return (name.lowercased(), HTMLEntities.decode(value))
    }

    private mutating func value() -> String? {
        guard index < bytes.count else { return nil }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        let start = index
        let forbidden: Set<UInt8> = [32, 9, 10, 13, 12, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "<"),
                                     UInt8(ascii: ">"), UInt8(ascii: "`")]
        while index < bytes.count, !forbidden.contains(bytes[index]) { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    private mutating func name(first: (UInt8) -> Bool, rest: (UInt8) -> Bool) -> String? {
        guard index < bytes.count, first(bytes[index]) else { return nil }
        let start = index
        index += 1
        while index < bytes.count, rest(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, [32, 9, 10, 13, 12].contains(bytes[index]) { index += 1 }
        return index > start
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}

private func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
private func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

/// Character references in attribute values: numeric ones and the named ones guidance uses.
/// An unknown name stays as written (and is escaped on output, so it shows as typed).
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "pound": "£", "euro": "€", "copy": "©",
        "colon": ":", "sol": "/", "tab": "\t", "newline": "\n", "period": ".", "lpar": "(", "rpar": ")",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let decoded = reference(after[..<semicolon]) {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func reference(_ body: Substring) -> String? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(scalar)
        }
        if body.hasPrefix("#") { return UInt32(body.dropFirst(), radix: 10).flatMap(scalar) }
        return named[String(body)]
    }

    /// A valid, non-NUL scalar (U+FFFD otherwise, as HTML parsers do).
    private static func scalar(_ value: UInt32) -> String {
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}
