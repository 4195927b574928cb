/// The words the theme prints around an author's content, in one language, from the string
/// tables in `templates/strings/` (`ThemeStrings+Tables.swift` loads and checks them).
///
/// Every piece of fixed text, in templates (`{{site.t.KEY}}`) and in Swift (page titles,
/// breadcrumbs, footnote and alert labels), is looked up here, so a language is one table,
/// and month names and plural rules come from these fixed tables rather than the operating
/// system's locale data: the output is the same on every machine.
struct ThemeStrings: Sendable, Hashable {
    /// The table's language, as configured (`en-GB`, `cy`).
    let language: String
    /// Plain words and sentences, by key.
    let words: [String: String]
    /// Each count's forms, by key, then by plural category.
    let plurals: [String: [PluralRule.Category: String]]
    /// January first.
    let months: [String]
    let rule: PluralRule

    /// The built-in English table: what Markdown labels use when no page language is given.
    static let english: ThemeStrings = BuiltInStringTables.english

    /// The same words, for pages of another language (a site of one language with no table of its own).
    func speaking(_ language: String) -> ThemeStrings {
        ThemeStrings(language: language, words: words, plurals: plurals, months: months, rule: rule)
    }

    /// A word by key. Keys are checked when the table loads, so a key missing here is a theme bug.
    subscript(key: String) -> String {
        words[key] ?? "[\(key)]"
    }

    /// A sentence with its `{name}` placeholders filled in (`chapter_of` with `number`, `count`).
    /// Pairs, not a dictionary: a sentence has one or two names, found by comparing bytes
    /// (footnote labels ask for this once per reference, and hashing each name was most of it).
    func format(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        Self.fill(self[key], values)
    }

    /// A count in the plural form its language uses for it (`more_pages`, 3 → "and 3 more pages").
    func plural(_ key: String, _ count: Int) -> String {
        let forms = plurals[key] ?? [:]
        let text = forms[rule.category(of: count)] ?? forms[.other] ?? "[\(key)]"
        return Self.fill(text, ["count": String(count)])
    }

    /// A day as the page's language writes it (day, month name, year, as GOV.UK writes dates):
    /// "29 November 2026", "29 Tachwedd 2026".
    func date(_ day: Day) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// The `site.t` value templates read: every word, and each plural key's `other` form.
    var templateValues: TemplateRecord {
        var values = words.mapValues(TemplateValue.text)
        for (key, forms) in plurals { values[key] = .text(forms[.other] ?? "") }
        return values
    }

    func alertTitle(_ kind: AlertSyntax.Kind) -> String { self[kind.rawValue] }

    var footnotes: String { self["footnotes"] }

    /// A footnote reference's visible text: it says what it is, not a bare number.
    func footnoteReference(_ number: Int) -> String { format("footnote_reference", ["number": String(number)]) }

    /// The link from a note back to one of its references.
    func backToReference(_ occurrence: Int, of count: Int) -> String {
        count == 1 ? self["back_to_text"] : format("back_to_reference", ["number": String(occurrence)])
    }

    /// The name of a table with neither caption nor heading above it.
    func table(_ number: Int) -> String { format("table", ["number": String(number)]) }

    /// Each `{name}` with its value; a brace that opens no known name stays as written. By
    /// hand, over the UTF-8 (braces are ASCII), the text between placeholders copied in whole
    /// pieces: footnote labels ask for this once per reference.
    private static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        let utf8 = text.utf8
        guard var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        var copied = utf8.startIndex
        while true {
            var searchFrom = utf8.index(after: open)
            if let close = utf8[searchFrom...].firstIndex(of: UInt8(ascii: "}")),
               let value = values.first(where: { $0.key.utf8.elementsEqual(utf8[searchFrom..<close]) })?.value {
                result += text[copied..<open]
                result += value
                copied = utf8.index(after: close)
                searchFrom = copied
            }
            guard let next = utf8[searchFrom...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        result += text[copied...]
        return result
    }
}

extension ThemeStrings {
    /// What `search.js` says, in this language, as the JSON the search page hands it
    /// (`<script type="application/json" id="search-strings">`): the script has no table of its
    /// own, so the page's language decides its words and its plural rule.
    var searchScriptJSON: String {
        var object: [String: Any] = [:]
        for key in ["unsupported", "unavailable", "no_words", "or_more", "none", "all_for", "some_for", "total_or_more", "showing"] {
            object[key] = self["search_js_" + key]
        }
        object["results"] = Dictionary(uniqueKeysWithValues: (plurals["search_js_results"] ?? [:]).map { ($0.key.rawValue, $0.value) })
        object["kinds"] = Dictionary(uniqueKeysWithValues: SearchDocument.Kind.allCases.map { ($0.rawValue, self["search_kind_" + $0.rawValue]) })
        object["rule"] = rule == .welsh ? "welsh" : "one-other"
        return JSONWriter.string(object)
    }
}
