/// The reading steps of `TemplateParser`, each as swift-mustache's parser takes it.
extension TemplateParser {
    var atEnd: Bool { position == text.count }
    /// The character at the read position; NUL at the end, as swift-mustache's parser says.
    var current: Character { atEnd ? "\0" : text[position] }

    @discardableResult
    mutating func read(while matches: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, matches(text[position]) { position += 1 }
        return String(text[start..<position])
    }

    /// Whether the delimiter comes next; consumes it if so.
    mutating func read(_ delimiter: [Character]) throws(Unsupported) -> Bool {
        guard text.count - position >= delimiter.count else { throw Unsupported(reason: "unfinished tag") }
        guard Array(text[position..<position + delimiter.count]) == delimiter else { return false }
        position += delimiter.count
        return true
    }

    mutating func expect(_ character: Character) throws(Unsupported) {
        guard current == character else { throw Unsupported(reason: "expected \(character)") }
        position += 1
    }

    /// Text up to a line end or the opening delimiter, which is consumed.
    mutating func readText(_ state: State) throws(Unsupported) -> String {
        guard let first = state.start.first else { return "" }
        var text = ""
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != first }
            if current.isNewline { break }
            if current == first {
                if try read(state.start) { break }
                text.append(first)
                position += 1
            }
        }
        return text
    }

    mutating func readName(_ state: State) throws(Unsupported) -> String {
        read(while: \.isWhitespace)
        let name = read { Self.nameCharacters.contains($0) }
        read(while: \.isWhitespace)
        guard try read(state.end) else { throw Unsupported(reason: "unfinished name") }
        guard !name.contains("(") && !name.contains(")") else { throw Unsupported(reason: "transform in \(name)") }
        return name
    }

    mutating func readPartialName(_ state: State) throws(Unsupported) -> String {
        read(while: \.isWhitespace)
        guard current != "*" else { throw Unsupported(reason: "dynamic partial") }
        let name = read { Self.nameCharacters.contains($0) || $0 == "/" }
        read(while: \.isWhitespace)
        guard try read(state.end) else { throw Unsupported(reason: "unfinished partial name") }
        return name
    }

    mutating func skipComment(_ state: State) throws(Unsupported) {
        while !atEnd {
            if text.count - position >= state.end.count, try read(state.end) { return }
            position += 1
        }
        throw Unsupported(reason: "unclosed comment")
    }

    mutating func setDelimiters(_ state: inout State) throws(Unsupported) {
        read(while: \.isWhitespace)
        let start = read { !$0.isWhitespace }
        read(while: \.isWhitespace)
        let end = read { $0 != "=" && !$0.isWhitespace }
        read(while: \.isWhitespace)
        try expect("=")
        guard try read(state.end), !start.isEmpty, !end.isEmpty else { throw Unsupported(reason: "bad delimiters") }
        state.start = Array(start)
        state.end = Array(end)
        state.definitionTopLevel = false
    }

    mutating func readContentType(_ state: State) throws(Unsupported) -> String {
        let word: (Character) -> Bool = { Self.nameCharacters.contains($0) && $0 != "(" && $0 != ")" }
        read(while: \.isWhitespace)
        let variable = read(while: word)
        read(while: \.isWhitespace)
        try expect(":")
        read(while: \.isWhitespace)
        let value = read(while: word)
        read(while: \.isWhitespace)
        guard try read(state.end), variable == "CONTENT_TYPE", !value.isEmpty else { throw Unsupported(reason: "pragma") }
        return value
    }

    /// swift-mustache's rule: the rest of the line is spaces and tabs, then a line end, which is consumed.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var ahead = position
        while ahead < text.count, text[ahead] == " " || text[ahead] == "\t" { ahead += 1 }
        guard ahead < text.count, text[ahead].isNewline else { return false }
        position = ahead + 1
        return true
    }
}
