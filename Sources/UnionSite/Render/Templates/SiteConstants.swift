/// The `site.…` values one compiled template names, looked up once per render instead of on
/// every page.
///
/// Every page's `site` is the same dictionary (`SiteContext`'s shared values) with its own
/// `nav` added, and the built-in theme names about sixty `site.…` values per article page,
/// each a string hash and a cast per dotted part. A name whose second part is not `nav` gives
/// the same value on every page, so it is resolved here once; `CompiledPage` still looks in
/// each inner section's value first, so a section whose value has a `site` key of its own
/// shadows it exactly as before.
struct SiteConstants: Sendable {
    enum Resolved {
        case value(Any)
        case missing
        /// The name crosses a value `CompiledPage` does not model: the page goes to swift-mustache.
        case unmodelled
    }

    private let values: FrozenResolved

    /// - Parameter site: the `site` value every page gets, less `nav` (`SiteContext.shared`).
    init(_ template: CompiledTemplate, site: [String: Any]) {
        values = FrozenResolved(values: template.siteNames.map { rest in
            var unmodelled = false
            let found = site[rest[rest.startIndex]].flatMap { CompiledPage.descend(rest.dropFirst(), from: $0, unmodelled: &unmodelled) }
            return unmodelled ? .unmodelled : found.map(Resolved.value) ?? .missing
        })
    }

    subscript(slot: Int32) -> Resolved { values.values[Int(slot)] }

    /// The parts after `site` of a name that reads a shared value (`site.title`, `site.t.tags`),
    /// or nil: `site` alone and `site.nav…` differ from page to page.
    static func slot(of name: TemplateName) -> ArraySlice<String>? {
        guard name.scope == .stack, name.root == .site, name.parts.count > 1, name.parts[1] != "nav" else { return nil }
        return name.parts.dropFirst()
    }

    /// Template values are strings, flags, lists and dictionaries of them, never mutated.
    private struct FrozenResolved: @unchecked Sendable {
        let values: [Resolved]
    }
}
