/// The output and the context stack of one page rendered by a compiled template.
///
/// It reads the same `[String: Any]` values swift-mustache gets and follows Mustache's rules
/// for them: a name is looked up from the innermost section outwards, dotted names descend
/// into dictionaries, a list repeats its section, `false`, nil and an empty list skip it.
/// What it saves is swift-mustache's per-lookup work: splitting the name, and up to four
/// protocol casts per stack level, which were a quarter of a 10,000-article build.
struct CompiledPage {
    private(set) var bytes: [UInt8] = []
    /// Each section's value, the page's data first; dictionaries are cast once, when pushed.
    private var stack: [Frame]

    private enum Frame {
        case dictionary([String: Any])
        case other(Any)

        var value: Any {
            switch self {
            case .dictionary(let dictionary): dictionary
            case .other(let value): value
            }
        }
    }

    /// The page's `page` and `site`, cast once: most lookups start with one of them.
    private let rootPage: [String: Any]?
    private let rootSite: [String: Any]?

    init(_ data: [String: Any]) {
        stack = [.dictionary(data)]
        rootPage = data["page"] as? [String: Any]
        rootSite = data["site"] as? [String: Any]
        bytes.reserveCapacity(16_384)
    }

    // MARK: Output

    /// Template text, written as it is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `{{name}}`: the value as text, HTML-escaped (the built-in theme's `UNIONSITE_HTML`).
    mutating func text(_ value: Any?) {
        guard let value else { return }
        append(Self.describe(value), escaped: true)
    }

    /// `{{{name}}}`: the value as text, unescaped.
    mutating func unescaped(_ value: Any?) {
        guard let value else { return }
        append(Self.describe(value), escaped: false)
    }

    private mutating func append(_ text: String, escaped: Bool) {
        var text = text
        if escaped, HTML.needsEscaping(text) { text = HTML.escape(text) }
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// What swift-mustache prints for a value: strings as they are, anything else as
    /// `String(describing:)` (numbers, `true`/`false`).
    private static func describe(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let number = value as? Int { return String(number) }
        return String(describing: value)
    }

    // MARK: Lookup

    /// `name`, searched from the innermost section outwards.
    func value(_ name: String) -> Any? {
        for case .dictionary(let dictionary) in stack.reversed() {
            if let found = dictionary[name] { return found }
        }
        return nil
    }

    /// `first.second`: `first` searched outwards, `second` inside it only.
    func value(_ first: String, _ second: String) -> Any? {
        if stack.count == 1 {
            if first == "page", let rootPage { return rootPage[second] }
            if first == "site", let rootSite { return rootSite[second] }
        }
        return (value(first) as? [String: Any])?[second]
    }

    /// `first.second.third`.
    func value(_ first: String, _ second: String, _ third: String) -> Any? {
        (value(first, second) as? [String: Any])?[third]
    }

    /// `{{.}}`: the innermost value.
    var current: Any? { stack.last?.value }

    // MARK: Sections

    /// `{{#value}}…{{/value}}`: once per list item, once for `true` or any other value (which
    /// becomes the innermost context), never for nil, `false` or an empty list.
    mutating func section(_ value: Any?, _ body: (inout CompiledPage) -> Void) {
        guard let value else { return }
        if let flag = value as? Bool {
            if flag { body(&self) }
        } else if let list = value as? [[String: Any]] {
            for item in list { nested(.dictionary(item), body) }
        } else if let dictionary = value as? [String: Any] {
            nested(.dictionary(dictionary), body)
        } else if let list = value as? [String] {
            for item in list { nested(.other(item), body) }
        } else if let list = value as? [Any] {
            for item in list { nested(Self.frame(item), body) }
        } else {
            nested(.other(value), body)
        }
    }

    /// `{{^value}}…{{/value}}`: only for nil, `false` or an empty list.
    mutating func inverted(_ value: Any?, _ body: (inout CompiledPage) -> Void) {
        guard let value else { return body(&self) }
        if let flag = value as? Bool {
            if !flag { body(&self) }
        } else if let list = value as? [Any], list.isEmpty {
            body(&self)
        }
    }

    private static func frame(_ value: Any) -> Frame {
        if let dictionary = value as? [String: Any] { return .dictionary(dictionary) }
        return .other(value)
    }

    private mutating func nested(_ value: Frame, _ body: (inout CompiledPage) -> Void) {
        stack.append(value)
        body(&self)
        stack.removeLast()
    }
}
