/// Loads a language's string table: the built-in one (`templates/strings/<code>.yaml` of the
/// theme), with the site's own `templates/strings/<code>.yaml` merged over it key by key.
///
/// English's keys are the theme's keys (the built-in table's, plus any a site's own
/// `strings/en.yaml` adds for its templates). A language configured in `languages:` whose table
/// lacks one is an error naming the key and the language, never a silent fallback to English:
/// a Welsh page with English words in its chrome reads as broken, and nobody would notice at
/// build time. A site of one language is the exception: the first contract made `language`
/// only the pages' `lang`, so a site with `language: fr` and no table of its own builds as it
/// always did, in the theme's English, with a warning saying how to translate it.
extension ThemeStrings {
    /// The site file or built-in file a table comes from, for messages.
    static func tableFile(_ code: String) -> String { "strings/\(code).yaml" }

    static func load(language: String, site templates: [String: SourceFile], englishFallbackAt fallback: SourceLocation? = nil) throws(Diagnostics) -> ThemeStrings {
        var warnings: [Diagnostic] = []
        return try load(language: language, site: templates, englishFallbackAt: fallback, warnings: &warnings)
    }

    /// - Parameter englishFallbackAt: where a site of one language sets its `language`; given,
    ///   a language with no table at all gets the English words and a `strings-missing` warning there.
    /// - Parameter warnings: gets a `strings-unknown-key` warning for each key of the site's
    ///   table that English does not have: a misspelt override would otherwise change nothing.
    static func load(language: String, site templates: [String: SourceFile], englishFallbackAt fallback: SourceLocation? = nil,
                     warnings: inout [Diagnostic]) throws(Diagnostics) -> ThemeStrings {
        let primary = StringTableLanguage.primary(language)
        let siteFile = [language.lowercased(), primary].lazy.compactMap { templates[tableFile($0)] }.first
        let builtIn = BuiltInStringTables.tables[primary]
        let advice = "add templates/\(tableFile(primary)) with every key of the built-in English table (`unionsite theme eject \(tableFile("en"))`)"
        if builtIn == nil, siteFile == nil, let fallback {
            warnings.append(Diagnostic(.warning, "the theme has no words for language `\(language)`, so its pages print the "
                                       + "theme's English: to translate them, \(advice)", at: fallback, code: "strings-missing"))
            return try load(language: "en", site: templates, warnings: &warnings).speaking(language)
        }
        guard builtIn != nil || siteFile != nil else {
            throw Diagnostics.error("the theme has no words for language `\(language)`: \(advice)",
                                    at: SourceLocation(path: "content/site.yaml"), code: "strings-missing")
        }
        var table = builtIn ?? StringTable()
        let english = try englishKeys(site: templates)
        if let siteFile {
            let own = try StringTable.parse(siteFile.text, path: siteFile.path)
            warnings += own.unknownKeys(english)
            table.merge(own)
        }
        let location = SourceLocation(path: siteFile?.path ?? "content/site.yaml")
        return try table.strings(language: language, rule: PluralRule.forLanguage(language), keys: english, missingAt: location)
    }

    /// The keys every table needs: the built-in English table's, and any a site's English table adds.
    private static func englishKeys(site templates: [String: SourceFile]) throws(Diagnostics) -> StringTable {
        var english = BuiltInStringTables.englishTable
        if let file = templates[tableFile("en")] { english.merge(try StringTable.parse(file.text, path: file.path)) }
        return english
    }
}

/// One parsed table: what a YAML file says, before it is checked against English's keys.
struct StringTable: Sendable {
    var words: [String: String] = [:]
    var plurals: [String: [PluralRule.Category: String]] = [:]
    var months: [String]? = nil
    /// Where each key is written, for warnings.
    var locations: [String: SourceLocation] = [:]

    mutating func merge(_ other: StringTable) {
        words.merge(other.words) { _, new in new }
        for (key, forms) in other.plurals { plurals[key, default: [:]].merge(forms) { _, new in new } }
        if let months = other.months { self.months = months }
    }

    static func parse(_ text: String, path: String) throws(Diagnostics) -> StringTable {
        var table = StringTable()
        guard let root = try YAMLParser.parse(text, path: path) else { return table }
        guard let entries = root.entries else {
            throw Diagnostics.error("a string table is a mapping of keys to words, found \(root.kindName)", at: root.location, code: "strings-invalid")
        }
        var problems = Diagnostics()
        for entry in entries { table.read(entry, problems: &problems) }
        try problems.throwIfErrors()
        return table
    }

    private mutating func read(_ entry: YAMLEntry, problems: inout Diagnostics) {
        locations[entry.key] = entry.keyLocation
        switch entry.value.value {
        case .scalar(let text, _) where entry.key != "months":
            words[entry.key] = text
        case .list(let items) where entry.key == "months" && items.count == 12 && items.allSatisfy({ $0.string != nil }):
            months = items.compactMap(\.string)
        case .map(let forms) where entry.key != "months":
            for form in forms {
                guard let category = PluralRule.Category(rawValue: form.key), let text = form.value.string else {
                    problems.append(.error("`\(form.key)` is not a plural form (zero, one, two, few, many, other) with text",
                                           at: form.keyLocation, code: "strings-invalid"))
                    continue
                }
                plurals[entry.key, default: [:]][category] = text
            }
        default:
            let expected = entry.key == "months" ? "a list of the 12 month names, January first" : "text, or a mapping of plural forms"
            problems.append(.error("`\(entry.key)` should be \(expected)", at: entry.keyLocation, code: "strings-invalid"))
        }
    }

    /// Keys English has neither as a word, a count nor `months`.
    func unknownKeys(_ english: StringTable) -> [Diagnostic] {
        let known = Set(english.words.keys).union(english.plurals.keys).union(["months"])
        return locations.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map { key, location in
            let hint = EditDistance.suggestion(for: key, among: Array(known)).map { " (did you mean `\($0)`?)" } ?? ""
            return .warning("`\(key)` is no key of the theme's English table, so no template uses it\(hint)",
                            at: location, code: "strings-unknown-key")
        }
    }

    /// The checked table: every English key, every plural form the language's rule needs.
    func strings(language: String, rule: PluralRule, keys english: StringTable, missingAt location: SourceLocation) throws(Diagnostics) -> ThemeStrings {
        var missing: [String] = english.words.keys.filter { words[$0] == nil }
        for key in english.plurals.keys {
            missing += rule.categories.filter { plurals[key]?[$0] == nil }.map { "\(key).\($0.rawValue)" }
        }
        if months == nil { missing.append("months") }
        if let first = missing.sorted().first {
            let more = missing.count > 1 ? " (and \(missing.count - 1) more: \(missing.sorted().dropFirst().joined(separator: ", ")))" : ""
            throw Diagnostics.error("the string table for language `\(language)` has no key `\(first)`\(more); "
                                    + "add it to templates/\(ThemeStrings.tableFile(StringTableLanguage.primary(language)))",
                                    at: location, code: "strings-missing")
        }
        return ThemeStrings(language: language, words: words, plurals: plurals, months: months ?? [], rule: rule)
    }
}

/// The theme's own tables, parsed once from the embedded `templates/strings/` files.
enum BuiltInStringTables {
    static let tables: [String: StringTable] = {
        var tables: [String: StringTable] = [:]
        for (file, text) in ThemeFiles.embedded where file.hasPrefix("strings/") && file.hasSuffix(".yaml") {
            let code = String(file.dropFirst("strings/".count).dropLast(".yaml".count))
            // ThemeTests parses every built-in table, so a broken one never ships.
            tables[code] = (try? StringTable.parse(text, path: "(built-in theme)/" + file)) ?? StringTable()
        }
        return tables
    }()

    static var englishTable: StringTable { tables["en"] ?? StringTable() }

    static let english: ThemeStrings = {
        let table = englishTable
        return ThemeStrings(language: "en", words: table.words, plurals: table.plurals, months: table.months ?? [], rule: .oneOther)
    }()
}

extension ThemeStrings {
    /// A site table no page uses (`templates/strings/fr.yaml` on a site of English and Welsh):
    /// its words would be ignored without a word, so it is a warning naming the file. English's
    /// is always read (it may add keys for the site's own templates), and an unedited copy of a
    /// built-in table (`theme eject --all`) overrides nothing, like an unedited template.
    static func unusedTables(site templates: [String: SourceFile], settings: SiteSettings) -> [Diagnostic] {
        let languages = [settings.defaultLanguage] + settings.languages.map(\.code)
        let used = Set(["en"] + languages.flatMap { [$0.lowercased(), StringTableLanguage.primary($0)] })
        return templates.keys.sorted().compactMap { name -> Diagnostic? in
            guard name.hasPrefix("strings/"), name.hasSuffix(".yaml"), let file = templates[name] else { return nil }
            let code = String(name.dropFirst("strings/".count).dropLast(".yaml".count))
            guard !used.contains(code), ThemeFiles.text(of: name) != file.text else { return nil }
            return .warning("no page is in `\(code)` (site.yaml's `language` and `languages`), so this string table is not used",
                            at: SourceLocation(path: file.path), code: "strings-unused-table")
        }
    }
}
