/// A value the templates read: what the page builders make and the compiled templates walk.
///
/// Typed rather than `Any` because the compiled runtime (`CompiledPage`) spent most of its time
/// (about a tenth of a build's samples at 10,000 articles) telling `Any` values apart: up to
/// six dynamic casts per section, an existential copy per lookup and the retains that come
/// with both. A switch over these cases does the same work. swift-mustache, which renders the
/// templates the compiler leaves out, gets the same values as `Any` (`anyValue`).
enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case record(TemplateRecord)

    /// The value as swift-mustache reads it: strings, integers, flags, `[Any]` and `[String: Any]`.
    var anyValue: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(\.anyValue)
        case .record(let record): record.anyValues
        }
    }

    /// A record's field; nil for a field it lacks or a value that is no record.
    subscript(_ name: String) -> TemplateValue? {
        if case .record(let record) = self { record[name] } else { nil }
    }

    /// The text, when the value is text.
    var text: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// A list of records.
    static func list(_ records: [TemplateRecord]) -> TemplateValue { .list(records.map(TemplateValue.record)) }

    /// A list of strings.
    static func list(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.text)) }

    /// Turns YAML values from front matter and site.yaml into what templates read: strings,
    /// lists and records (so `page.params.KEY` works in templates).
    static func of(_ entries: [YAMLEntry]) -> TemplateRecord {
        Dictionary(entries.map { ($0.key, of($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    static func of(_ node: YAMLNode) -> TemplateValue {
        switch node.value {
        case .scalar(let text, _): .text(text)
        case .list(let items): .list(items.map(of))
        case .map(let entries): .record(of(entries))
        }
    }
}

/// The names and values of one template context: a page's data, its `page` and `site`, a list's entry.
typealias TemplateRecord = [String: TemplateValue]

extension Dictionary where Key == String, Value == TemplateValue {
    /// The record as swift-mustache reads it (`TemplateValue.anyValue`).
    var anyValues: [String: Any] { mapValues(\.anyValue) }
}

extension TemplateValue: ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .record(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
