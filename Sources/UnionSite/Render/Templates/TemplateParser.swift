/// Reads a template the way swift-mustache 2.1 does, whitespace rules included.
///
/// The rules are swift-mustache's, not the Mustache spec's, because its output is the
/// reference: where a standalone tag's line goes, which whitespace becomes a partial's
/// indentation, how a block definition's first-line indentation is removed. Text is read as
/// `Character`s, as swift-mustache reads it. Templates are parsed by swift-mustache first
/// (which reports syntax errors with a location), so a failure here only means "not
/// compiled": transforms (`{{x(y)}}`) and dynamic partials (`{{>*x}}`) are left to swift-mustache.
struct TemplateParser {
    struct Unsupported: Error { let reason: String }

    struct State {
        var sectionName: String?
        var newLine = true
        var inDefinition = false
        var definitionTopLevel = false
        var definitionIndent: Int?
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]

        /// The state inside a section or block named `name`.
        func section(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.definitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }
    }

    let text: [Character]
    var position = 0

    static func parse(_ source: String) throws(Unsupported) -> [TemplateSyntax] {
        var parser = TemplateParser(text: Array(source))
        return try parser.parse(State())
    }

    private init(text: [Character]) { self.text = text }

    // MARK: - Tags

    private mutating func parse(_ initial: State) throws(Unsupported) -> [TemplateSyntax] {
        var tokens: [TemplateSyntax] = []
        var state = initial
        var white = ""
        /// Writes the whitespace before a tag as text, as swift-mustache does for inline tags.
        func flushWhite() {
            if !white.isEmpty { tokens.append(.text(white)) }
            white = ""
        }
        while !atEnd {
            if state.newLine {
                let indent = read { $0 == " " || $0 == "\t" }
                if state.inDefinition, !state.definitionTopLevel {
                    if let count = state.definitionIndent { white = String(indent.dropFirst(count)) } else { state.definitionIndent = indent.count }
                } else {
                    white = indent
                }
            }
            let plain = try readText(state)
            if current.isNewline {
                tokens.append(.text(white + plain + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !plain.isEmpty {
                tokens.append(.text(white + plain))
                white = ""
                state.newLine = false
            }
            if atEnd { break }
            var standalone = false
            let tagStart = position - state.start.count
            let sigil = current
            switch sigil {
            case "#", "^":
                position += 1
                let name = try readName(state)
                if isStandalone(state) { standalone = true } else { flushWhite() }
                let body = try parse(state.section(name, newLine: standalone))
                tokens.append(.section(name, inverted: sigil == "^", body: body))
            case "/":
                position += 1
                guard try readName(state) == state.sectionName else { throw Unsupported(reason: "mismatched section end") }
                if !isStandalone(state) { flushWhite() }
                return tokens
            case "!":
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)
            case "{", "&":
                flushWhite()
                position += 1
                tokens.append(.variable(try readName(state), escaped: false))
                if sigil == "{" { try expect("}") }
            case ">":
                position += 1
                let name = try readPartialName(state)
                if !white.isEmpty { tokens.append(.text(white)) }
                standalone = isStandalone(state)
                tokens.append(.partial(name, indentation: standalone ? white : nil, overrides: nil, at: tagStart))
                white = ""
            case "<":
                position += 1
                let name = try readPartialName(state)
                if !white.isEmpty { tokens.append(.text(white)) }
                standalone = isStandalone(state)
                tokens.append(.partial(name, indentation: white, overrides: try overrides(name, state), at: tagStart))
                white = ""
            case "$":
                position += 1
                let name = try readName(state)
                if state.definitionTopLevel {
                    standalone = isStandalone(state)
                    tokens.append(.blockDefinition(name, body: try parse(state.section(name, newLine: standalone))))
                } else {
                    if !white.isEmpty { tokens.append(.text(white)) }
                    standalone = isStandalone(state)
                    tokens.append(.block(name, defaultBody: try parse(state.section(name, newLine: standalone)), indentation: white))
                    white = ""
                }
            case "=":
                position += 1
                try setDelimiters(&state)
                standalone = isStandalone(state)
            case "%":
                position += 1
                tokens.append(.contentType(try readContentType(state)))
                standalone = isStandalone(state)
            default:
                flushWhite()
                tokens.append(.variable(try readName(state), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw Unsupported(reason: "unclosed section") }
        return tokens
    }

    /// The body of `{{<name}}`: only block definitions count, as in swift-mustache.
    private mutating func overrides(_ name: String, _ state: State) throws(Unsupported) -> [String: [TemplateSyntax]] {
        guard !name.hasPrefix("*") else { throw Unsupported(reason: "dynamic parent") }
        var inner = state
        inner.sectionName = name
        inner.newLine = true
        inner.inDefinition = true
        inner.definitionTopLevel = true
        var blocks: [String: [TemplateSyntax]] = [:]
        for token in try parse(inner) {
            switch token {
            case .blockDefinition(let block, let body): blocks[block] = body
            case .text: break
            default: throw Unsupported(reason: "tag inside a parent that is not a block")
            }
        }
        return blocks
    }

    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
}
