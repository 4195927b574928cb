/// One piece of a parsed template: what swift-mustache's own parser makes of the same text.
indirect enum TemplateSyntax: Sendable {
    case text(String)
    case variable(String, escaped: Bool)
    case section(String, inverted: Bool, body: [TemplateSyntax])
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides; `at` is the tag's
    /// first character, counted in `Character`s from the start of the template.
    case partial(String, indentation: String?, overrides: [String: [TemplateSyntax]]?, at: Int)
    /// `{{$name}}default{{/name}}` where the block is used.
    case block(String, defaultBody: [TemplateSyntax], indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: the block's override.
    case blockDefinition(String, body: [TemplateSyntax])
    /// `{{% CONTENT_TYPE: NAME }}`
    case contentType(String)
}

extension [TemplateSyntax] {
    /// Every `{{>name}}` and `{{<name}}`, with where its tag starts, however deep.
    var partialReferences: [(name: String, at: Int)] {
        flatMap { token -> [(name: String, at: Int)] in
            switch token {
            case .partial(let name, _, let overrides, let at):
                [(name, at)] + (overrides ?? [:]).sorted { $0.key < $1.key }.flatMap(\.value.partialReferences)
            case .section(_, _, let body), .block(_, let body, _), .blockDefinition(_, let body):
                body.partialReferences
            case .text, .variable, .contentType:
                []
            }
        }
    }
}
