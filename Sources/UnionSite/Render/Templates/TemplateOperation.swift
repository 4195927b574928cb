/// One step of a compiled template (`TemplateCompiler`'s output, which `CompiledTemplate` flattens).
indirect enum TemplateOperation: Sendable {
    /// Template text, as UTF-8.
    case text([UInt8])
    case value(TemplateName, TemplateEscaping)
    /// A section's body is rendered with `indentation` when it sits in an indented partial or block.
    case section(TemplateName, body: [TemplateOperation], indentation: [UInt8]?)
    case inverted(TemplateName, body: [TemplateOperation], indentation: [UInt8]?)
    /// A partial or block standing on its own, indented, line: its lines after the first are indented too.
    case indented([UInt8], [TemplateOperation])
}

/// How `{{name}}` is escaped: decided at load from the template's `CONTENT_TYPE` pragma.
enum TemplateEscaping: Sendable {
    /// `{{{name}}}`, `{{&name}}` and `CONTENT_TYPE: TEXT`.
    case none
    /// swift-mustache's own escaper (templates without a pragma).
    case html
    /// The built-in theme's `UNIONSITE_HTML` (`FastHTMLContentType`).
    case fastHTML

    init?(contentType: String) {
        switch contentType {
        case "HTML": self = .html
        case "TEXT": self = .none
        case FastHTMLContentType.name: self = .fastHTML
        default: return nil
        }
    }
}

/// A variable's name, split once at load.
struct TemplateName: Sendable {
    enum Scope: Sendable {
        /// `{{.}}`: the innermost value.
        case current
        /// `{{.name}}`: looked up in the innermost value only.
        case innermost
        /// `{{name}}`: the first part searched from the innermost value outwards.
        case stack
    }

    /// The page's own `page` and `site`, which most names start with.
    enum Root: Sendable { case page, site }

    let scope: Scope
    let parts: [String]
    let root: Root?

    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        scope = name == "." || parts.isEmpty ? .current : name.hasPrefix(".") ? .innermost : .stack
        root = scope != .stack ? nil : parts.first == "page" ? .page : parts.first == "site" ? .site : nil
    }
}
