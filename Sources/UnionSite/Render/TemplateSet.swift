import Mustache

/// The Mustache templates a build renders with: the built-in theme, with the site's own
/// `templates/*.mustache` replacing built-in ones file by file.
///
/// Every template, built-in or the site's own, is compiled here, once, into a
/// `CompiledTemplate` with its partials and blocks in place. swift-mustache parses each one
/// first (its errors carry the line and column) and renders any template the compiler leaves
/// out (transforms such as `{{x(y)}}`, dynamic or recursive partials); it is also the
/// reference the compiler is tested against (`TemplateCompilerTests`), given the same
/// `TemplateValue`s as `Any`.
///
/// swift-mustache renders a missing partial as empty text without a word, so every
/// `{{>partial}}` and `{{<parent}}` is checked here, at the template's own line and column.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Changes whenever any template's text does, so cached pages are rendered again.
    let fingerprint: Int
    /// The templates that run compiled: all of them unless one uses a construct left to swift-mustache.
    let compiled: [String: CompiledTemplate]
    /// The site's own templates' `page.`/`site.` values, checked on every page they render.
    let valueCheck: TemplateValueCheck

    /// - Parameter compiled: false renders every page through swift-mustache (the tests that
    ///   compare the two ways).
    /// - Parameter site: the site's `templates/` files; only those that differ from the built-in
    ///   ones override (`ThemeOverrides`).
    static func load(overrides site: [String: SourceFile], compiled: Bool = true) throws(Diagnostics) -> TemplateSet {
        FastHTMLContentType.register()
        let overrides = ThemeOverrides.templates(site)
        var sources: [String: SourceFile] = ThemeFiles.templates
        for (name, file) in overrides { sources[name] = file }
        var library = MustacheLibrary()
        var problems = Diagnostics()
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error("template error: \(error.error)", at: file.location(line: error.context.lineNumber, column: error.context.columnNumber + 1),
                                       code: "template-syntax"))
            } catch {
                problems.append(.error("template error: \(error)", at: file.location(), code: "template-syntax"))
            }
        }
        let syntax = sources.compactMapValues { try? TemplateParser.parse($0.text) }
        for (name, file) in sources {
            for reference in PartialReferences.find(in: file.text, syntax: syntax[name]) where sources[reference.name] == nil {
                problems.append(.error("template refers to `\(reference.name)`, which does not exist", at: file.location(line: reference.line, column: reference.column),
                                       code: "template-missing-partial"))
            }
        }
        try problems.throwIfErrors()
        var hasher = Hasher()
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(file.text)
        }
        return TemplateSet(library: library, fingerprint: hasher.finalize(), compiled: compiled ? compile(sources, syntax) : [:],
                           valueCheck: TemplateValueCheck(overrides: overrides, all: sources))
    }

    private static func compile(_ sources: [String: SourceFile], _ syntax: [String: [TemplateSyntax]]) -> [String: CompiledTemplate] {
        let compiler = TemplateCompiler(templates: syntax, uncompiled: Set(sources.keys).subtracting(syntax.keys))
        var compiled: [String: CompiledTemplate] = [:]
        for name in syntax.keys { compiled[name] = try? compiler.compile(name) }
        return compiled
    }

    /// The page as swift-mustache renders it, from the same values as `Any`.
    func render(_ name: String, _ context: TemplateRecord) -> String {
        library.render(context.anyValues, withTemplate: name) ?? ""
    }

    /// Each compiled template's `site.…` values, resolved against the `site` every page of a
    /// render shares (`SiteContext.sharedSite`).
    func siteConstants(for site: TemplateRecord) -> [String: SiteConstants] {
        compiled.mapValues { SiteConstants($0, site: site) }
    }

    /// Reports the site's own templates' values this page lacks (`TemplateValueCheck`); run
    /// for every page, cached or not, so `serve` keeps reporting them.
    func checkValues(_ name: String, _ context: TemplateRecord) {
        if !valueCheck.isEmpty { valueCheck.check(name, context) }
    }

    /// The page as UTF-8: by the compiled template, or by swift-mustache when the template was
    /// not compiled.
    /// - Parameter site: the template's `site.…` values resolved once (`siteConstants(for:)`),
    ///   for a context whose `site` is the values they were resolved from plus `nav`.
    func bytes(_ name: String, _ context: TemplateRecord, site: SiteConstants? = nil) -> [UInt8] {
        guard let template = compiled[name] else { return Array(render(name, context).utf8) }
        var page = CompiledPage(context, site: site)
        page.run(template)
        return page.bytes
    }
}

/// Finds `{{>name}}` and `{{<name}}` tags in a template.
enum PartialReferences {
    struct Reference: Equatable { let name: String; let line: Int; let column: Int }

    /// From the template's parse when the compiler could read it (which follows set delimiters
    /// and skips comments); from the text, tag by tag, when it could not.
    static func find(in text: String, syntax: [TemplateSyntax]?) -> [Reference] {
        guard let syntax else { return find(in: text) }
        let characters = Array(text)
        return syntax.partialReferences.map { name, at in
            var line = 1, column = 1
            for character in characters[..<at] {
                if character == "\n" || character == "\r\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            }
            return Reference(name: name, line: line, column: column)
        }
    }

    static func find(in text: String) -> [Reference] {
        var found: [Reference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                      let close = afterOpen.range(of: "}}") else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound].trimmed
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                found.append(Reference(name: name, line: lineIndex + 1, column: column))
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }
}

/// The HTML escaper the built-in templates use (`{{% CONTENT_TYPE: UNIONSITE_HTML }}` on their
/// first line). It escapes the same characters as swift-mustache's own, but returns the string
/// untouched when there is nothing to escape, which is almost always: the built-in escaper's
/// per-character dictionary lookups were a tenth of a build. Site templates without the pragma
/// get swift-mustache's escaper, which is equally safe.
struct FastHTMLContentType: MustacheContentType {
    static let name = "UNIONSITE_HTML"
    private static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    static func register() { _ = registered }

    func escapeText(_ text: String) -> String {
        HTML.needsEscaping(text) ? HTML.escape(text) : text
    }
}
