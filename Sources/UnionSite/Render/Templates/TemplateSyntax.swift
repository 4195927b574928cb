/// One piece of a parsed template: what swift-mustache's own parser makes of the same text.
indirect enum TemplateSyntax: Sendable {
    case text(String)
    case variable(String, escaped: Bool)
    case section(String, inverted: Bool, body: [TemplateSyntax])
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides.
    case partial(String, indentation: String?, overrides: [String: [TemplateSyntax]]?)
    /// `{{$name}}default{{/name}}` where the block is used.
    case block(String, defaultBody: [TemplateSyntax], indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: the block's override.
    case blockDefinition(String, body: [TemplateSyntax])
    /// `{{% CONTENT_TYPE: NAME }}`
    case contentType(String)
}
