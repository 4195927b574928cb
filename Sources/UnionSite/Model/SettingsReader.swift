import Foundation

/// Turns `content/site.yaml` into `SiteSettings`, checking `base_url` and the time zone.
enum SettingsReader {
    static func read(_ node: YAMLNode, path: String, baseURLOverride: String?) -> (SiteSettings?, [Diagnostic]) {
        let location = SourceLocation(path: path)
        var zoneProblems: [Diagnostic] = []
        let timeZone = readTimeZone(node, problems: &zoneProblems)
        var fields = FieldReader(node, at: location, timeZone: timeZone)
        let title = fields.string("title", required: true)
        let baseURL = baseURLOverride.map { checkedBaseURL($0, at: location, fields: &fields) }
            ?? fields.string("base_url", required: true).flatMap { checkedBaseURL($0, at: fields.node("base_url")?.location ?? location, fields: &fields) }
        let language = fields.string("language") ?? "en-GB"
        let description = fields.string("description")
        let organisation = readOrganisation(&fields)
        let nav = readNav(&fields)
        _ = fields.node("timezone")
        _ = fields.node("max_file_size")
        let autolink = fields.bool("autolink") ?? true
        let disabled = Set(readLintOff(&fields))
        let problems = zoneProblems + fields.problems
        guard let title, let baseURL, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        let settings = SiteSettings(title: title, baseURL: baseURL, language: language, description: description,
                                    organisation: organisation, nav: nav, timeZone: timeZone, autolink: autolink,
                                    disabledWarnings: disabled, params: fields.unused, location: location)
        return (settings, problems)
    }

    /// An absolute http(s) URL, normalised to end with `/`.
    private static func checkedBaseURL(_ text: String, at location: SourceLocation, fields: inout FieldReader) -> String? {
        let trimmed = text.trimmed
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil else {
            fields.fail("`base_url` must be an absolute http or https URL such as https://example.org/guidance/, found \(trimmed)",
                        at: location, code: "settings-base-url")
            return nil
        }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    private static func readTimeZone(_ node: YAMLNode, problems: inout [Diagnostic]) -> TimeZone {
        guard let entry = node.entry("timezone"), let name = entry.value.string else {
            return TimeZone(identifier: "Europe/London")!
        }
        guard let zone = TimeZone(identifier: name.trimmed) else {
            problems.append(.error("unknown time zone `\(name)`: use a name such as Europe/London", at: entry.value.location, code: "settings-timezone"))
            return TimeZone(identifier: "Europe/London")!
        }
        return zone
    }

    private static func readOrganisation(_ fields: inout FieldReader) -> SiteSettings.Organisation? {
        guard let node = fields.node("organisation") else { return nil }
        var inner = FieldReader(node, at: node.location, timeZone: fields.timeZone)
        let name = inner.string("name", required: true)
        let url = inner.string("url").flatMap { checkedWebURL($0, key: "url", at: inner.node("url")?.location, fields: &inner) }
        let join = inner.string("join_url").flatMap { checkedWebURL($0, key: "join_url", at: inner.node("join_url")?.location, fields: &inner) }
        for problem in inner.problems { fields.fail(problem.message, at: problem.location ?? node.location, code: problem.code) }
        return name.map { SiteSettings.Organisation(name: $0, url: url, joinURL: join) }
    }

    private static func readNav(_ fields: inout FieldReader) -> [SiteSettings.NavEntry] {
        guard let node = fields.node("nav") else { return [] }
        guard let items = node.items else {
            fields.fail("`nav` must be a list of {title, link}", at: node.location, code: "wrong-type")
            return []
        }
        return items.compactMap { item in
            var inner = FieldReader(item, at: item.location, timeZone: fields.timeZone)
            let title = inner.string("title", required: true)
            let link = inner.string("link", required: true)
            for problem in inner.problems { fields.fail(problem.message, at: problem.location ?? item.location, code: problem.code) }
            guard let title, let link else { return nil }
            return SiteSettings.NavEntry(title: title, link: link.trimmed, location: inner.node("link")?.location ?? item.location)
        }
    }

    private static func readLintOff(_ fields: inout FieldReader) -> [String] {
        guard let node = fields.node("lint") else { return [] }
        var inner = FieldReader(node, at: node.location, timeZone: fields.timeZone)
        return inner.stringList("off")
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
