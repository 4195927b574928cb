import Foundation

/// Turns `content/site.yaml` into `SiteSettings`, checking `base_url`, the time zone and the
/// shape of every nested setting; unknown keys become `site.params` for templates.
enum SettingsReader {
    static func read(_ node: YAMLNode, path: String, baseURLOverride: String?) -> (SiteSettings?, [Diagnostic]) {
        let location = SourceLocation(path: path)
        var zoneProblems: [Diagnostic] = []
        let timeZone = readTimeZone(node, problems: &zoneProblems)
        var fields = FieldReader(node, at: location, timeZone: timeZone)
        let title = fields.string("title", required: true)
        let baseURL = baseURLOverride.map { checkedBaseURL($0, at: nil, fields: &fields) }
            ?? fields.string("base_url", required: true).flatMap { checkedBaseURL($0, at: fields.node("base_url")?.location ?? location, fields: &fields) }
        let language = fields.string("language") ?? "en-GB"
        let description = fields.string("description")
        let organisation = readOrganisation(&fields)
        let nav = readNav(&fields)
        let languages = LanguageReader.languages(&fields, defaultLanguage: language)
        _ = fields.node("timezone")
        checkMaxFileSize(&fields)
        let autolink = fields.bool("autolink") ?? true
        let disabled = Set(readLintOff(&fields))
        fields.warnMistakenKeys(defined: KnownKeys.site, unsupported: KnownKeys.unsupportedSite, params: "site.params", noun: "site.yaml")
        let problems = zoneProblems + fields.problems
        guard let title, let baseURL, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        let settings = SiteSettings(title: title, baseURL: baseURL, language: language, description: description,
                                    organisation: organisation, nav: nav, timeZone: timeZone, autolink: autolink,
                                    disabledWarnings: disabled, params: fields.unused, location: location, languages: languages,
                                    languageLocation: fields.entry("language")?.value.location)
        return (settings, problems)
    }

    /// An absolute http(s) URL, normalised to end with `/`.
    /// - Parameter location: where `base_url` is written; nil for `--base-url`, a command-line value.
    private static func checkedBaseURL(_ text: String, at location: SourceLocation?, fields: inout FieldReader) -> String? {
        let trimmed = text.trimmed
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil else {
            let name = location == nil ? "--base-url" : "`base_url`"
            fields.fail("\(name) must be an absolute http or https URL such as https://example.org/guidance/, found \(trimmed)",
                        at: location, code: "settings-base-url")
            return nil
        }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    static let defaultTimeZone = TimeZone(identifier: "Europe/London")!

    /// The site's time zone, or nil when `timezone` is not a known zone (for `new`, which
    /// reports nothing).
    static func timeZone(of node: YAMLNode) -> TimeZone? {
        var problems: [Diagnostic] = []
        let zone = readTimeZone(node, problems: &problems)
        return problems.isEmpty ? zone : nil
    }

    /// Read before the other keys, which need it for dates; blank means the default.
    private static func readTimeZone(_ node: YAMLNode, problems: inout [Diagnostic]) -> TimeZone {
        let london = defaultTimeZone
        guard let entry = node.entry("timezone"), !entry.value.isBlank else { return london }
        guard let name = entry.value.string else {
            problems.append(.error("`timezone` must be text, found \(entry.value.kindName)", at: entry.value.location, code: "wrong-type"))
            return london
        }
        guard let zone = TimeZone(identifier: name.trimmed) else {
            problems.append(.error("unknown time zone `\(name)`: use a name such as Europe/London", at: entry.value.location, code: "settings-timezone"))
            return london
        }
        return zone
    }

    /// The loader has already used it (or the default, when it is not a number): here a value
    /// that could not be used is reported.
    private static func checkMaxFileSize(_ fields: inout FieldReader) {
        guard let size = fields.int("max_file_size"), size <= 0 else { return }
        fields.fail("`max_file_size` must be a number of bytes above 0, found \(size)", at: fields.node("max_file_size")!.location, code: "wrong-type")
    }

    /// A nested mapping of settings; anything else is an error naming the keys it takes.
    private static func mapping(_ key: String, shape: String, _ fields: inout FieldReader) -> YAMLNode? {
        guard let node = fields.node(key) else { return nil }
        guard node.entries != nil else {
            fields.fail("`\(key)` must be a mapping \(shape), found \(node.kindName)", at: node.location, code: "wrong-type")
            return nil
        }
        return node
    }

    private static func readOrganisation(_ fields: inout FieldReader) -> SiteSettings.Organisation? {
        guard let node = mapping("organisation", shape: "{name, url, join_url}", &fields) else { return nil }
        var inner = FieldReader(node, at: node.location, timeZone: fields.timeZone)
        let name = inner.string("name", required: true)
        let url = inner.string("url").flatMap { checkedWebURL($0, key: "url", at: inner.node("url")?.location, fields: &inner) }
        let join = inner.string("join_url").flatMap { checkedWebURL($0, key: "join_url", at: inner.node("join_url")?.location, fields: &inner) }
        inner.warnIgnoredKeys(defined: KnownKeys.organisation, what: "`organisation` key")
        fields.include(inner)
        return name.map { SiteSettings.Organisation(name: $0, url: url, joinURL: join) }
    }

    static func readNav(_ fields: inout FieldReader) -> [SiteSettings.NavEntry] {
        guard let node = fields.node("nav") else { return [] }
        guard let items = node.items else {
            fields.fail("`nav` must be a list of {title, link}, found \(node.kindName)", at: node.location, code: "wrong-type")
            return []
        }
        return items.compactMap { navEntry($0, &fields) }
    }

    private static func navEntry(_ item: YAMLNode, _ fields: inout FieldReader) -> SiteSettings.NavEntry? {
        guard item.entries != nil else {
            fields.fail("each item of `nav` must be a mapping {title, link}, found \(item.kindName)", at: item.location, code: "wrong-type")
            return nil
        }
        var inner = FieldReader(item, at: item.location, timeZone: fields.timeZone)
        let title = inner.string("title", required: true)
        let link = inner.string("link", required: true)
        inner.warnIgnoredKeys(defined: KnownKeys.navItem, what: "`nav` key")
        fields.include(inner)
        guard let title, let link else { return nil }
        return SiteSettings.NavEntry(title: title, link: link.trimmed, location: inner.node("link")?.location ?? item.location)
    }

    /// `lint: { off: [code, …] }`. A code no warning carries would switch nothing off, so it
    /// is reported, with the nearest real code.
    private static func readLintOff(_ fields: inout FieldReader) -> [String] {
        guard let node = mapping("lint", shape: "such as { off: [image-alt] }", &fields) else { return [] }
        var inner = FieldReader(node, at: node.location, timeZone: fields.timeZone)
        let codes = inner.locatedList("off")
        inner.warnIgnoredKeys(defined: KnownKeys.lint, what: "`lint` key")
        for (code, at) in codes where !WarningCodes.all.contains(code) {
            let hint = EditDistance.suggestion(for: code, among: WarningCodes.all).map { ": did you mean `\($0)`?" } ?? ""
            inner.warn("`\(code)` is not a warning code, so it switches nothing off\(hint)", at: at, code: "unknown-lint-code")
        }
        fields.include(inner)
        return codes.map(\.text)
    }

    static func checkedWebURL(_ text: String, key: String, at location: SourceLocation?, fields: inout FieldReader) -> String? {
        let trimmed = text.trimmed
        guard let scheme = URLComponents(string: trimmed)?.scheme?.lowercased(), scheme == "http" || scheme == "https",
              URLComponents(string: trimmed)?.host?.isEmpty == false else {
            fields.fail("`\(key)` must be an http or https URL, found \(trimmed)", at: location ?? fields.location, code: "invalid-url")
            return nil
        }
        return trimmed
    }
}
