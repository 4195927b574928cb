/// Turns parsed templates into `CompiledTemplate`s, following swift-mustache's rendering
/// rules: a partial starts over with HTML escaping, a block is rendered with the escaping in
/// force where it is used, the outermost override of a block wins, and an indented standalone
/// partial or block indents each line it writes after the first.
struct TemplateCompiler {
    struct Unsupported: Error { let reason: String }

    /// Every template's parse, by name.
    let templates: [String: [TemplateSyntax]]
    /// Templates the parser left to swift-mustache: whatever uses one is left to it too.
    let uncompiled: Set<String>

    /// What is in force while one template is rendered (swift-mustache's `MustacheContext`, less the data).
    private struct Scope {
        var escaping = TemplateEscaping.html
        var indentation = ""
        var overrides: [String: [TemplateSyntax]] = [:]
        var depth = 0
    }

    func compile(_ name: String) throws(Unsupported) -> CompiledTemplate {
        guard let syntax = templates[name] else { throw Unsupported(reason: "no template \(name)") }
        return CompiledTemplate(operations: try render(syntax, Scope()))
    }

    /// One template rendering (swift-mustache's `render(context:)`): its own operations, wrapped
    /// when indented, because the indentation rule looks at that rendering's output alone.
    private func render(_ syntax: [TemplateSyntax], _ scope: Scope) throws(Unsupported) -> [TemplateOperation] {
        guard scope.depth < 64 else { throw Unsupported(reason: "partials nested too deeply (recursive?)") }
        let operations = try compile(syntax, scope)
        return scope.indentation.isEmpty ? operations : [.indented(Array(scope.indentation.utf8), operations)]
    }

    private func compile(_ syntax: [TemplateSyntax], _ outer: Scope) throws(Unsupported) -> [TemplateOperation] {
        var scope = outer
        scope.depth += 1
        var operations: [TemplateOperation] = []
        for token in syntax {
            switch token {
            case .text(let text):
                operations.append(.text(Array(text.utf8)))
            case .variable(let name, let escaped):
                operations.append(.value(TemplateName(name), escaped ? scope.escaping : .none))
            case .section(let name, let inverted, let body):
                let body = try compile(body, scope)
                let indentation = scope.indentation.isEmpty ? nil : Array(scope.indentation.utf8)
                operations.append(inverted ? .inverted(TemplateName(name), body: body, indentation: indentation)
                                           : .section(TemplateName(name), body: body, indentation: indentation))
            case .contentType(let type):
                guard let escaping = TemplateEscaping(contentType: type) else { throw Unsupported(reason: "content type \(type)") }
                scope.escaping = escaping
            case .partial(let name, let indentation, let overrides, _):
                // swift-mustache writes nothing for a missing partial; `TemplateSet` reports it first.
                guard !uncompiled.contains(name) else { throw Unsupported(reason: "partial \(name) is not compiled") }
                guard let partial = templates[name] else { continue }
                var inner = scope
                inner.escaping = .html
                inner.indentation += indentation ?? ""
                inner.overrides.merge(overrides ?? [:]) { outer, _ in outer }
                operations += try render(partial, inner)
            case .block(let name, let defaultBody, let indentation):
                var inner = scope
                inner.indentation += indentation
                operations += try render(scope.overrides[name] ?? defaultBody, inner)
            case .blockDefinition:
                throw Unsupported(reason: "block definition outside a parent")
            }
        }
        return scope.indentation.isEmpty ? Self.joiningText(operations) : operations
    }

    /// Adjacent text joined into one operation: only where no indentation looks at where each piece ends.
    private static func joiningText(_ operations: [TemplateOperation]) -> [TemplateOperation] {
        var joined: [TemplateOperation] = []
        for operation in operations {
            if case .text(let next) = operation, case .text(let previous)? = joined.last {
                joined[joined.count - 1] = .text(previous + next)
            } else {
                joined.append(operation)
            }
        }
        return joined
    }
}
