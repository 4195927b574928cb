import Foundation
import Testing
@testable import UnionSite

/// The theme's string tables: built-in English and Welsh, fixed month names and plural rules,
/// a site's own tables merged over them, and a missing key as an error naming it.
@Suite("Theme strings: tables per language")
struct ThemeStringsTests {
    static let englishTable = ThemeFiles.text(of: "strings/en.yaml") ?? ""

    @Test("every built-in table parses and has every English key", arguments: ["en", "cy"])
    func builtInTables(code: String) throws {
        _ = try StringTable.parse(try #require(ThemeFiles.text(of: "strings/\(code).yaml")), path: "strings/\(code).yaml")
        let strings = try ThemeStrings.load(language: code, site: [:])
        #expect(Set(strings.words.keys) == Set(ThemeStrings.english.words.keys))
    }

    @Test("dates use the table's month names, not the OS locale")
    func dates() throws {
        let day = try #require(Day(year: 2026, month: 11, day: 29))
        #expect(try ThemeStrings.load(language: "cy", site: [:]).date(day) == "29 Tachwedd 2026")
        #expect(try ThemeStrings.load(language: "en-GB", site: [:]).date(day) == "29 November 2026")
        #expect(ThemeStrings.english.date(try #require(Day(year: 2026, month: 1, day: 5))) == "5 January 2026")
    }

    @Test("Welsh plural categories follow CLDR at 0, 1, 2, 3, 6 and 7; English has one and other")
    func plurals() throws {
        let counts = [0, 1, 2, 3, 6, 7]
        #expect(counts.map { PluralRule.welsh.category(of: $0) } == [.zero, .one, .two, .few, .many, .other])
        #expect(counts.map { PluralRule.oneOther.category(of: $0) } == [.other, .one, .other, .other, .other, .other])
        #expect(PluralRule.forLanguage("cy-GB") == .welsh && PluralRule.forLanguage("en-GB") == .oneOther)
        let welsh = try ThemeStrings.load(language: "cy", site: [:])
        #expect(welsh.plural("more_pages", 2) == "a 2 dudalen arall")
        #expect(welsh.plural("more_pages", 7) == "a 7 tudalen arall")
        #expect(ThemeStrings.english.plural("more_pages", 1) == "and 1 more page")
        #expect(ThemeStrings.english.plural("more_pages", 6) == "and 6 more pages")
    }

    @Test("vacancy filter names and labels come from the table")
    func vacancyLabels() throws {
        let welsh = try ThemeStrings.load(language: "cy", site: [:])
        #expect(VacancyFacets.label(.permanent, in: welsh) == "Parhaol" && VacancyFacets.label(.partTime, in: welsh) == "Rhan amser")
        #expect(VacancyFacets.label(.fixedTerm, in: .english) == "Fixed-term")
        #expect(welsh.format("vacancy_filter_summary", ["facet": "rhanbarth", "value": "De Cymru"]) == "Swyddi gwag agored – rhanbarth: De Cymru.")
    }

    @Test("placeholders are filled as a left-to-right reading fills them, on random sentences with stray braces")
    func fillsPlaceholders() {
        /// The rule, read byte by byte: at a `{` with a `}` after it naming a value, the value;
        /// anything else as written.
        func reference(_ text: String, _ values: [(String, String)]) -> String {
            let bytes = Array(text.utf8)
            var result: [UInt8] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "{"), let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")),
                   let value = values.first(where: { Array($0.0.utf8) == Array(bytes[(index + 1)..<close]) })?.1 {
                    result += value.utf8
                    index = close + 1
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        let pieces = ["{", "}", "{n}", "{count}", "n", "a", " ", "é", "{{n}}", "{x}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let strings = ThemeStrings(language: "en", words: ["key": text], plurals: [:], months: [], rule: .oneOther)
            #expect(strings.format("key", ["n": "7", "count": "{n}"]) == reference(text, [("n", "7"), ("count", "{n}")]), "\(text)")
        }
    }

    @Test("a site's table is merged over the built-in one, key by key")
    func siteOverride() throws {
        let site = try TestSite(["templates/strings/en.yaml": "skip_to_main: Skip to the guidance\n",
                                 "content/pages/about.md": "---\ntitle: About\n---\nText"])
        let rendered = try site.render()
        let page = try #require(rendered.text("about/index.html"))
        #expect(page.contains(">Skip to the guidance</a>"))
        #expect(page.contains("<li><a href=\"/search/\">Search</a></li>"), "keys the site leaves alone stay built in")
    }

    @Test("a key missing for a configured language is an error naming the key and the language")
    func missingKey() throws {
        let table = Self.englishTable.replacingOccurrences(of: "\ncontents: Contents\n", with: "\n")
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "language: ga\n", "templates/strings/ga.yaml": table])
        let lines = try site.diagnostics()
        #expect(lines.count == 1)
        #expect(lines.first?.contains("templates/strings/ga.yaml") == true)
        #expect(lines.first?.contains("string table for language `ga` has no key `contents`") == true)
    }

    @Test("a missing plural form is an error naming the key and form")
    func missingPluralForm() throws {
        let table = Self.englishTable.replacingOccurrences(of: "{one: \"and {count} more page\", ", with: "{")
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "language: ga\n", "templates/strings/ga.yaml": table])
        let lines = try site.diagnostics()
        #expect(lines.first?.contains("string table for language `ga` has no key `more_pages.one`") == true, "\(lines)")
    }

    @Test("a further language with no table, built in or the site's, is an error: never English words")
    func noTable() throws {
        let settings = TestSite.defaultSettings + "languages:\n  fr:\n    name: Français\n"
        let site = try TestSite(["content/site.yaml": settings, "content/pages/about.fr.md": "---\ntitle: À propos\n---\nTexte"])
        let lines = try site.diagnostics()
        #expect(lines.first?.contains("error: the theme has no words for language `fr`") == true, "\(lines)")
    }

    @Test("a site of one language with no table builds in the theme's English, with a warning at `language:`")
    func oneLanguageWithoutTable() throws {
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "language: fr\n",
                                 "content/pages/about.md": "---\ntitle: À propos\n---\nTexte"])
        let rendered = try site.render()
        let warnings = rendered.warnings.filter { $0.code == "strings-missing" }.map(\.description)
        #expect(warnings == ["content/site.yaml:3:11: warning: the theme has no words for language `fr`, so its pages print the "
                             + "theme's English: to translate them, add templates/strings/fr.yaml with every key of the built-in "
                             + "English table (`unionsite theme eject strings/en.yaml`)"])
        let page = try #require(rendered.text("about/index.html"))
        #expect(page.contains("<html lang=\"fr\""))
        #expect(page.contains(">Home<"))
    }

    @Test("a table that is not a mapping of words is an error at its line")
    func invalidTable() throws {
        let site = try TestSite(["templates/strings/en.yaml": "months: [Jan]\n"])
        let lines = try site.diagnostics()
        #expect(lines.first?.hasPrefix("templates/strings/en.yaml:1:1: error: `months` should be a list of the 12 month names") == true, "\(lines)")
    }
}

/// A site's own keys, for its own templates.
@Suite("Theme strings: a site's own keys")
struct SiteStringKeysTests {
    @Test("a key a site adds to its English table is in site.t, and every other language's table must give it")
    func ownKey() throws {
        let files = ["content/site.yaml": TestSite.defaultSettings + "languages:\n  cy:\n    name: Cymraeg\n    title: Prawf\n",
                     "templates/strings/en.yaml": "banner: Ballot open now\n",
                     "templates/partial-breadcrumbs.mustache": "<p class=\"banner\">{{site.t.banner}}</p>\n",
                     "content/pages/about.md": "---\ntitle: About\n---\nText"]
        let missing = try TestSite(files)
        #expect(try missing.diagnostics().first?.contains("string table for language `cy` has no key `banner`") == true)
        var complete = files
        complete["templates/strings/cy.yaml"] = "banner: Pleidlais ar agor nawr\n"
        let rendered = try TestSite(complete).render()
        #expect(rendered.text("about/index.html")?.contains("<p class=\"banner\">Ballot open now</p>") == true)
        #expect(rendered.text("cy/index.html")?.contains("<p class=\"banner\">Pleidlais ar agor nawr</p>") == true)
    }

    @Test("a misspelt key in a site template is the missing-value warning at the tag")
    func misspeltKey() throws {
        let site = try TestSite(["templates/partial-breadcrumbs.mustache": "<p>{{site.t.contnets}}</p>\n",
                                 "content/pages/about.md": "---\ntitle: About\n---\nText"])
        let warnings = try site.render().warnings.filter { $0.code == "template-missing-value" }
        #expect(warnings.first?.description.contains("templates/partial-breadcrumbs.mustache:1:4") == true, "\(warnings)")
    }

    @Test("a key of a site's table that English does not have is a warning at its line, with the nearest key")
    func unknownKey() throws {
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "language: cy\n",
                                 "templates/strings/cy.yaml": "home: Hafan\ncontnets: Cynnwys y dudalen\n",
                                 "content/pages/about.md": "---\ntitle: About\n---\nText"])
        let rendered = try site.render()
        #expect(rendered.warnings.filter { $0.code == "strings-unknown-key" }.map(\.description) == [
            "templates/strings/cy.yaml:2:1: warning: `contnets` is no key of the theme's English table, so no template uses it "
                + "(did you mean `contents`?)",
        ])
        #expect(rendered.text("about/index.html")?.contains(">Hafan</a>") == true)
    }

    @Test("a site table for a language no page is in is a warning naming the file; tables in use are not")
    func unusedTable() throws {
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "languages:\n  cy: Cymraeg\n",
                                 "templates/strings/cy.yaml": "home: Hafan\n",
                                 "templates/strings/en.yaml": "home: Home page\n",
                                 "templates/strings/fr.yaml": "home: Accueil\n",
                                 "content/pages/about.md": "---\ntitle: About\n---\nText"])
        let rendered = try site.render()
        #expect(rendered.warnings.filter { $0.code == "strings-unused-table" }.map(\.description) == [
            "templates/strings/fr.yaml:1:1: warning: no page is in `fr` (site.yaml's `language` and `languages`), so this string table is not used",
        ])
    }

    @Test("Markdown labels (alerts, footnotes, unnamed tables) are in the page's language")
    func markdownLabels() throws {
        let body = "> [!NOTE]\n> Darllenwch hwn.\n\nTestun[^a].\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n[^a]: Nodyn.\n"
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "language: cy\n",
                                 "content/pages/about.md": "---\ntitle: Amdanom\n---\n" + body])
        let page = try #require(try site.render().text("about/index.html"))
        for label in ["<p class=\"alert-title\">Nodyn</p>", ">Troednodiadau</h2>", ">[troednodyn 1]</a>", "aria-label=\"Tabl 1\"", ">Yn ôl i’r testun</a>"] {
            #expect(page.contains(label), "\(label) missing")
        }
    }
}
