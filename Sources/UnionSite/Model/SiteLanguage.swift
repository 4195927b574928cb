/// A further language of the site (`languages:` in site.yaml): its pages are translations
/// published under `/<code>/`, with the site's title, description and menu in that language.
public struct SiteLanguage: Sendable, Equatable {
    /// A BCP 47 tag as written (`cy`), also the URL prefix and the file suffix (`about.cy.md`).
    public let code: String
    /// The language's own name, for the language switcher: `Cymraeg`.
    public let name: String
    public let title: String?
    public let description: String?
    /// Nil: the default language's menu (its links go to this language's versions).
    public let nav: [SiteSettings.NavEntry]?
    public let location: SourceLocation

    /// `cy`, `en`, `pt-BR`, `sr-Latn`: a primary subtag of two or three letters, then subtags.
    static func isValidCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The primary subtag, lower-cased: `en` for `en-GB`.
    static func primary(_ code: String) -> String {
        String(code.split(separator: "-").first ?? "").lowercased()
    }
}

/// Reads `languages:`: a mapping of language code to `{name, title, description, nav}`.
enum LanguageReader {
    static func languages(_ fields: inout FieldReader, defaultLanguage: String) -> [SiteLanguage] {
        guard let node = fields.node("languages") else { return [] }
        guard let entries = node.entries else {
            fields.fail("`languages` must be a mapping of language codes to {name, title, description, nav}, found \(node.kindName)",
                        at: node.location, code: "wrong-type")
            return []
        }
        return entries.compactMap { language($0, defaultLanguage: defaultLanguage, fields: &fields) }
    }

    private static func language(_ entry: YAMLEntry, defaultLanguage: String, fields: inout FieldReader) -> SiteLanguage? {
        let code = entry.key
        guard SiteLanguage.isValidCode(code) else {
            fields.fail("`\(code)` is not a language code: use a BCP 47 tag such as `cy` or `pt-BR`", at: entry.keyLocation,
                        code: "settings-language")
            return nil
        }
        guard SiteLanguage.primary(code) != SiteLanguage.primary(defaultLanguage) else {
            fields.fail("`\(code)` repeats the default `language: \(defaultLanguage)`: list only the further languages",
                        at: entry.keyLocation, code: "settings-language")
            return nil
        }
        // `cy: Cymraeg` is the short form of `cy: { name: Cymraeg }`.
        if let name = entry.value.string, !entry.value.isBlank {
            return SiteLanguage(code: code, name: name.trimmed, title: nil, description: nil, nav: nil, location: entry.keyLocation)
        }
        guard entry.value.entries != nil || entry.value.isBlank else {
            fields.fail("`languages.\(code)` must be a mapping {name, title, description, nav}, found \(entry.value.kindName)",
                        at: entry.value.location, code: "wrong-type")
            return nil
        }
        var inner = FieldReader(entry.value, at: entry.keyLocation, timeZone: fields.timeZone)
        let name = inner.string("name")?.trimmed
        let title = inner.string("title")?.trimmed
        let description = inner.string("description")?.trimmed
        let nav = inner.entry("nav") == nil ? nil : SettingsReader.readNav(&inner)
        inner.warnIgnoredKeys(defined: KnownKeys.language, what: "language key")
        fields.include(inner)
        return SiteLanguage(code: code, name: name ?? code, title: title, description: description, nav: nav,
                            location: entry.keyLocation)
    }
}
