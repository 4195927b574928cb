import Yams

/// Parses YAML (and JSON, which YAML reads) into located `YAMLNode`s, turning Yams' errors
/// into diagnostics at the file's own line and column.
enum YAMLParser {
    /// Aliases can make a few lines stand for billions of values; past this many, stop.
    static let nodeBudget = 100_000

    /// Yams' default encoding, asked once: `Parser.Encoding.default` reads the whole process
    /// environment on every call (for `YAMS_DEFAULT_ENCODING`), which was 40 % of parsing front matter.
    static var encoding: Parser.Encoding { defaultIsUTF16 ? .utf16 : .utf8 }
    private static let defaultIsUTF16 = Parser.Encoding.default == .utf16

    /// - Parameter firstLine: the file line the YAML text starts on (2 in front matter).
    static func parse(_ yaml: String, path: String, firstLine: Int = 1) throws(Diagnostics) -> YAMLNode? {
        // Only an alias can make the text stand for more values than it holds.
        if yaml.utf8.contains(UInt8(ascii: "*")), let (line, column) = YAMLAliasBudget.overrun(in: yaml, budget: nodeBudget) {
            throw Diagnostics([tooLarge(at: SourceLocation(path: path, line: line + firstLine - 1, column: column))])
        }
        let root: Node?
        do {
            root = try compose(yaml)
        } catch {
            let lineCount = yaml.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } + (yaml.hasSuffix("\n") || yaml.isEmpty ? 0 : 1)
            throw Diagnostics([diagnostic(for: error, in: yaml, path: path, firstLine: firstLine, lineCount: lineCount)])
        }
        guard let root else { return nil }
        var budget = nodeBudget
        let context = Context(path: path, firstLine: firstLine, text: yaml)
        return try convert(root, context, budget: &budget, depth: 0)
    }

    /// Yams' own parse, with the resolver that gives the same result at the least cost.
    ///
    /// We read only each scalar's text and style, so a resolver's rules matter only to Yams'
    /// duplicate-key check: two keys are the same when their text and resolved tag are. The
    /// default resolver tries seven regular expressions on every plain key for its tag, which
    /// was 3.5 % of a 10,000-article build. Without an explicit tag (no `!` in the text) every
    /// key's tag under `.basic` is `str`, so keys equal under `.default` are equal under
    /// `.basic` too; only keys of the same text that `.default` tells apart (`1:` and `"1":`)
    /// make `.basic` report a duplicate, and then the default's own answer is taken.
    static func compose(_ yaml: String) throws -> Node? {
        guard !yaml.utf8.contains(UInt8(ascii: "!")) else { return try Yams.compose(yaml: yaml, .default, constructor, encoding) }
        do {
            return try Yams.compose(yaml: yaml, .basic, constructor, encoding)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: yaml, .default, constructor, encoding)
        }
    }

    /// Yams' default constructor, made once: `Constructor.default` makes a new one, three
    /// dictionaries of closures, on every call (0.35 % of a 10,000-article build). Composing
    /// never constructs values, and nothing changes it after it is made.
    private nonisolated(unsafe) static let constructor = Constructor.default

    private struct Context {
        let path: String
        let firstLine: Int
        /// The text's last line (1-based), not counting the empty one after a final line break.
        let lastLine: Int
        /// The text's lines, split only when a block scalar asks for one (few front matters have any).
        let lines: Lines

        init(path: String, firstLine: Int, text: String) {
            self.path = path
            self.firstLine = firstLine
            lines = Lines(text)
            // As `Character`s split on "\n" would count (CR LF is one `Character`, not "\n"), by bytes.
            var breaks = 0
            var previous: UInt8 = 0
            for byte in text.utf8 {
                if byte == 10, previous != 13 { breaks += 1 }
                previous = byte
            }
            let endsWithBreak = previous == 10 && text.utf8.dropLast().last != 13
            lastLine = max(1, breaks + 1 - (endsWithBreak && breaks > 0 ? 1 : 0))
        }

        /// Leading spaces of the line after a block scalar's indicator.
        func indent(after line: Int) -> Int? {
            let lines = lines.value
            guard line < lines.count else { return nil }
            return lines[line].prefix { $0 == " " }.count
        }
    }

    private final class Lines {
        let text: String
        lazy var value: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)

        init(_ text: String) { self.text = text }
    }

    private static func convert(_ node: Node, _ context: Context, budget: inout Int, depth: Int) throws(Diagnostics) -> YAMLNode {
        let (path, firstLine) = (context.path, context.firstLine)
        // An empty value at the end of the text is marked on the line after it: keep it inside.
        let markLine = node.mark?.line ?? 1
        let line = min(markLine, context.lastLine)
        let location = SourceLocation(path: path, line: line + firstLine - 1, column: line < markLine ? 1 : node.mark?.column ?? 1)
        budget -= 1
        guard budget > 0, depth < 200 else { throw Diagnostics([tooLarge(at: location)]) }
        switch node {
        case .scalar(let scalar):
            var result = YAMLNode(value: .scalar(scalar.string, plain: scalar.style == .plain), location: location)
            if scalar.style == .literal || scalar.style == .folded { result.blockIndent = context.indent(after: node.mark?.line ?? 0) }
            return result
        case .alias(let alias):
            return YAMLNode(value: .scalar(String(describing: alias), plain: false), location: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, context, budget: &budget, depth: depth + 1))
            }
            return YAMLNode(value: .list(items), location: location)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyNode = try convert(key, context, budget: &budget, depth: depth + 1)
                let valueNode = try convert(value, context, budget: &budget, depth: depth + 1)
                entries.append(YAMLEntry(key: keyNode.string ?? "", keyLocation: keyNode.location, value: valueNode))
            }
            return YAMLNode(value: .map(entries), location: location)
        }
    }

    private static func tooLarge(at location: SourceLocation) -> Diagnostic {
        .error("YAML is too large or too deeply nested (aliases expanding to more than \(nodeBudget) values, or more than 200 levels)",
               at: location, code: "yaml-too-large")
    }

    private static func diagnostic(for error: Error, in yaml: String, path: String, firstLine: Int, lineCount: Int) -> Diagnostic {
        // At the end of the stream libyaml moves to a line after the last: keep it in the text.
        func at(_ mark: Mark) -> SourceLocation {
            let line = min(mark.line, max(lineCount, 1))
            return SourceLocation(path: path, line: line + firstLine - 1, column: line < mark.line ? 1 : mark.column)
        }
        guard let yamlError = error as? YamlError else {
            return .error("invalid YAML: \(error)", at: SourceLocation(path: path, line: firstLine), code: "yaml-syntax")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text.trimmed): \(problem)" } ?? problem
            return .error("invalid YAML: \(detail)", at: at(mark), code: "yaml-syntax")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // At the repeat, naming the first: the repeat is the line to remove or rename.
            if let key = duplicates.first, duplicates.count == 1,
               let again = YAMLDuplicateKey.repeated(key, after: context.mark.line, column: context.mark.column, in: yaml) {
                return .error("invalid YAML: duplicate key \(names), first written at line \(context.mark.line + firstLine - 1)",
                              at: SourceLocation(path: path, line: again.line + firstLine - 1, column: again.column), code: "yaml-duplicate-key")
            }
            return .error("invalid YAML: duplicate key \(names)", at: at(context.mark), code: "yaml-duplicate-key")
        case .reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: firstLine), code: "yaml-syntax")
        default:
            return .error("invalid YAML: \(yamlError)", at: SourceLocation(path: path, line: firstLine), code: "yaml-syntax")
        }
    }
}
