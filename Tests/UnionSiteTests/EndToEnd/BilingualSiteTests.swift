import Foundation
import Testing
@testable import UnionSite

/// The bilingual fixture (English and Welsh) built end to end: per-language URL spaces,
/// `<html lang>`, hreflang alternates and the switcher, links between translations and to
/// untranslated originals, shared assets and static files, and one sitemap for both.
@Suite("Bilingual site, end to end")
struct BilingualSiteTests {
    static let built = FixtureSite.render("bilingual")
    var site: InMemorySite { get throws { try Self.built.site() } }

    @Test("warns about the link to an untranslated page and the translation older than its original's change")
    func warnings() throws {
        #expect(try site.warnings.map(\.description) == [
            "content/guide/academies.cy.md:1:1: warning: content/guide/academies.md changed on 2026-05-04 (Added what happens when an "
                + "academy changes trust.), after this translation was last updated: bring it up to date and add a change note",
            "content/guide/index.cy.md:5:60: warning: ../articles/pay.md has no Cymraeg version: the link goes to the original",
        ])
    }

    @Test("a change note on the translation dated after the original's change clears the warning")
    func upToDate() throws {
        let (root, options) = try copiedFixture("bilingual")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("content/guide/academies.cy.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Academïau\n", with: "title: Academïau\nchanges:\n  - date: 2026-05-10\n    note: Ychwanegwyd beth sy'n digwydd pan fydd academi'n newid ymddiriedolaeth.\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let rendered = try Build.render(options)
        #expect(!rendered.warnings.contains { $0.code == "translation-outdated" })
    }

    @Test("chosen pages match their golden files", arguments: [
        ("cy/guide/academies/index.html", "bilingual/cy-chapter.html"),
        ("about/index.html", "bilingual/about.html"),
        ("sitemap.xml", "bilingual/sitemap.xml"),
    ])
    func golden(path: String, golden: String) throws {
        expectGolden(try site.page(path), named: golden)
    }

    @Test("every language writes its own sections under its prefix; shared files are written once")
    func layout() throws {
        let files = Set(try site.files.keys)
        for path in ["cy/index.html", "cy/articles/index.html", "cy/guide/index.html", "cy/guide/glossary/index.html",
                     "cy/search/index.html", "cy/404.html", "cy/feed.xml", "cy/updates/feed.xml", "cy/about/index.html",
                     "cy/ymuno/index.html"] {
            #expect(files.contains(path), "\(path) missing")
        }
        #expect(!files.contains { $0.hasPrefix("cy/assets/") })
        #expect(!files.contains("cy/sitemap.xml") && !files.contains("cy/robots.txt"))
        #expect(try site.copies.keys.sorted() == ["files/leaflet.txt"])
    }

    @Test("pages carry their language; Welsh pages use the shared stylesheet and the Welsh title")
    func languageAndAssets() throws {
        let welsh = try site.page("cy/about/index.html")
        #expect(welsh.contains("<html lang=\"cy\">"))
        #expect(welsh.contains("<link rel=\"stylesheet\" href=\"/members/assets/site."))
        #expect(!welsh.contains("/members/cy/assets/"))
        #expect(welsh.contains("Canllaw i aelodau"))
        #expect(welsh.contains("<a href=\"/members/files/leaflet.txt\">daflen</a>"))
        #expect(try site.page("about/index.html").contains("<html lang=\"en-GB\">"))
        #expect(try site.text("cy/feed.xml")?.contains("xml:lang=\"cy\"") == true)
        #expect(try site.page("cy/search/index.html").contains("<script src=\"/members/assets/search."))
    }

    @Test("links between translations stay in the language; translation_key pairs differently named files")
    func links() throws {
        let chapter = try site.page("cy/guide/academies/index.html")
        #expect(chapter.contains("<a href=\"/members/cy/ymuno/\">dudalen ymuno</a>"))
        let index = try site.page("cy/guide/index.html")
        #expect(index.contains("href=\"/members/cy/guide/academies/\""))
        #expect(index.contains("<a href=\"/members/articles/pay/\">erthygl am gyflog</a>"))
    }

    /// `hreflang` → href of every alternate link in a page's head.
    static func alternates(_ html: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in html.split(separator: "\n") where line.hasPrefix("<link rel=\"alternate\" hreflang=\"") {
            let parts = line.split(separator: "\"")
            result[String(parts[3])] = String(parts[5])
        }
        return result
    }

    @Test("hreflang alternates are reciprocal on every page, each naming itself, with x-default the English version")
    func reciprocity() throws {
        let site = try site
        let base = "https://example.org/members/"
        var checked = 0
        for (path, _) in site.files where path.hasSuffix("index.html") {
            let html = try site.page(path)
            let alternates = Self.alternates(html)
            guard !alternates.isEmpty else { continue }
            let own = base + String(path.dropLast("index.html".count))
            #expect(alternates.values.contains(own), "\(path) does not name itself")
            #expect(alternates["x-default"] == alternates["en-GB"], "\(path)")
            for (language, url) in alternates where language != "x-default" {
                let other = String(url.dropFirst(base.count)) + "index.html"
                #expect(Self.alternates(try site.page(other)) == alternates, "\(path) and \(other) disagree")
            }
            checked += 1
        }
        #expect(checked >= 12)
    }

    @Test("the switcher appears only where a counterpart exists and marks the current language")
    func switcher() throws {
        let about = try site.page("cy/about/index.html")
        #expect(about.contains("<li><a href=\"/members/about/\" lang=\"en-GB\" hreflang=\"en-GB\">English</a></li>"))
        #expect(about.contains("<li><a href=\"/members/cy/about/\" lang=\"cy\" hreflang=\"cy\" aria-current=\"page\">Cymraeg</a></li>"))
        let pay = try site.page("articles/pay/index.html")
        #expect(!pay.contains("language-switcher"))
        #expect(pay.contains("<a class=\"language-home\" href=\"/members/cy/\" lang=\"cy\" hreflang=\"cy\">Cymraeg</a>"))
    }

    @Test("/cy/vacancies/ lists the vacancies with Welsh words, in Welsh; the others only in English")
    func vacancies() throws {
        let site = try site
        let welsh = try site.page("cy/vacancies/adviser-cardiff/index.html")
        #expect(welsh.contains("<h1>Ymgynghorydd gwella ysgolion</h1>"))
        #expect(welsh.contains("Caerdydd"))
        #expect(welsh.contains("<a href=\"/members/cy/guide/\">canllaw</a>"))
        #expect(site.files["cy/vacancies/officer-bristol/index.html"] == nil)
        #expect(site.files["vacancies/officer-bristol/index.html"] != nil)
        #expect(try site.page("cy/vacancies/index.html").contains("Ymgynghorydd gwella ysgolion"))
    }

    @Test("each language has its own search index: Welsh words whole and folded, never in the English index")
    func search() throws {
        let site = try site
        let welsh = try #require(site.text("cy/search/terms/ac.json"))
        #expect(welsh.contains("\"academiau\":"))
        let english = try #require(site.text("search/terms/ac.json"))
        #expect(english.contains("\"academy\":"))
        #expect(!english.contains("academi"))
    }

    @Test("a translated chapter takes its original's order and the Welsh glossary holds the Welsh terms")
    func chapterAndGlossary() throws {
        #expect(try site.page("cy/guide/academies/index.html").contains("Canllaw i aelodau, pennod 1 o 1"))
        let glossary = try site.page("cy/guide/glossary/index.html")
        #expect(glossary.contains("academi"))
        #expect(!glossary.contains(">academy<"))
    }
}
