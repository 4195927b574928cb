import Foundation
import Testing
@testable import UnionSite

/// The built-in theme's source of truth is the top-level `templates/`; the binary embeds it
/// through the generated `ThemeFiles+Embedded.swift`. These tests keep the two equal and
/// check what a site's own `templates/` folder does.
@Suite("Theme: templates/, overrides and hashed assets")
struct ThemeTests {
    static let templatesFolder = TestPaths.testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")

    @Test("the embedded theme is exactly templates/ (run scripts/sync-theme after editing it)")
    func embeddedMatchesFolder() throws {
        let strings = try FileManager.default.contentsOfDirectory(atPath: Self.templatesFolder.appendingPathComponent("strings").path)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templatesFolder.path).filter { !$0.hasPrefix(".") && $0 != "strings" }
        let all = (names + strings.filter { $0.hasSuffix(".yaml") }.map { "strings/" + $0 }).sorted()
        #expect(all == ThemeFiles.fileNames)
        for name in all {
            let bytes = try Data(contentsOf: Self.templatesFolder.appendingPathComponent(name))
            #expect(ThemeFiles.bytes[name] == Array(bytes), "\(name) differs from the embedded copy: run scripts/sync-theme")
        }
    }

    @Test("a site template byte-identical to the built-in one is no override; an edited one is, and both run compiled")
    func identicalIsNoOverride() throws {
        let same = try #require(ThemeFiles.templates["layout"])
        let copy = ["layout": SourceFile(path: "templates/layout.mustache", text: same.text)]
        #expect(ThemeOverrides.templates(copy).isEmpty)
        let edited = ["layout": SourceFile(path: "templates/layout.mustache", text: same.text + "\n")]
        #expect(Array(ThemeOverrides.templates(edited).keys) == ["layout"])
        let builtIn = Set(ThemeFiles.templates.keys)
        #expect(Set(try TemplateSet.load(overrides: copy).compiled.keys) == builtIn)
        #expect(Set(try TemplateSet.load(overrides: edited).compiled.keys) == builtIn, "an overridden layout is compiled too")
    }

    @Test("a site template matching no built-in name is a warning naming it; an included new partial is not")
    func unknownTemplateWarns() throws {
        let site = try TestSite([
            "templates/partial-footer.mustache": "<footer>x</footer>",
            "templates/partial-contnts.mustache": "x",
            "templates/partial-mine.mustache": "mine",
            "templates/partial-dates.mustache": "{{>partial-mine}}",
            "templates/notes.txt": "x",
        ])
        let warnings = try site.render().warnings.filter { $0.code == "template-unknown" }.map(\.description).sorted()
        #expect(warnings.count == 3)
        #expect(warnings[0].hasPrefix("templates/notes.txt:1:1: warning: templates/notes.txt matches no built-in template"))
        #expect(warnings[1].contains("templates/partial-contnts.mustache matches no built-in") && warnings[1].contains("did you mean `partial-contents`?"))
        #expect(warnings[2].hasPrefix("templates/partial-footer.mustache:1:1: warning:"))
    }

    @Test("every page links the hashed stylesheet; the unhashed names are not published")
    func hashedAssets() throws {
        let site = try TestSite(["content/pages/about.md": "---\ntitle: About\n---\nText"])
        let rendered = try site.render()
        let css = try #require(AssetNames.paths(ThemeFiles.assets)["site.css"])
        #expect(css.wholeMatch(of: /assets\/site\.[0-9a-f]{8}\.css/) != nil)
        #expect(rendered.files[css] == ThemeFiles.assets["site.css"])
        #expect(rendered.files["assets/site.css"] == nil && rendered.files["assets/search.js"] == nil)
        #expect(rendered.text("about/index.html")?.contains("href=\"/\(css)\"") == true)
        let js = try #require(AssetNames.paths(ThemeFiles.assets)["search.js"])
        #expect(rendered.text("search/index.html")?.contains("<script src=\"/\(js)\" defer></script>") == true)
    }

    @Test("a site's own site.css is published under its own hash")
    func siteStylesheet() throws {
        let site = try TestSite(["templates/site.css": "body { color: red }\n"])
        let rendered = try site.render()
        let css = AssetNames.hashed("site.css", bytes: Array("body { color: red }\n".utf8))
        #expect(rendered.files["assets/" + css] == Array("body { color: red }\n".utf8))
        #expect(rendered.text("index.html")?.contains("/assets/\(css)") == true)
    }

    @Test("asset names change when, and only when, the bytes change; names never collide")
    func assetNames() {
        let a = Array("a { }".utf8)
        #expect(AssetNames.hashed("site.css", bytes: a) == AssetNames.hashed("site.css", bytes: Array("a { }".utf8)))
        #expect(AssetNames.hashed("site.css", bytes: a) != AssetNames.hashed("site.css", bytes: Array("a { } ".utf8)))
        #expect(AssetNames.hashed("site.css", bytes: a) != AssetNames.hashed("print.css", bytes: a))
        #expect(AssetNames.hashed("site.css", bytes: []) == "site.\(AssetNames.hashed("x", bytes: []).dropFirst(2)).css")
        let paths = AssetNames.paths(ThemeFiles.assets)
        #expect(Set(paths.values).count == paths.count)
        // Two different files with the same bytes still get different names: the file name stays in the path.
        #expect(AssetNames.paths(["a.css": a, "b.css": a]).values.sorted() == ["assets/a.\(AssetNames.hashed("x", bytes: a).dropFirst(2)).css",
                                                                               "assets/b.\(AssetNames.hashed("x", bytes: a).dropFirst(2)).css"])
    }
}

/// `theme eject` and `theme list` in the library.
@Suite("Theme eject")
struct ThemeEjectTests {
    @Test("every built-in file has a line in `theme list`")
    func everyFileDescribed() {
        #expect(Set(ThemeCatalog.descriptions.keys) == Set(ThemeFiles.fileNames))
    }

    @Test("eject --all, then build: the output is byte-identical to the built-in theme's, twins and all")
    func ejectAllRoundTrip() throws {
        let site = try TestSite(["content/articles/a.md": "---\ntitle: A\ndate: 2026-01-01\nsummary: S\n---\nText [about](../pages/about.md)",
                                 "content/pages/about.md": "---\ntitle: About\n---\nAbout"])
        let before = try site.render()
        let siteRoot = try SiteRoot(root: site.root.path)
        let ejected = try ThemeCatalog.eject(ThemeFiles.fileNames, root: siteRoot)
        #expect(ejected.count == 29 && ejected.allSatisfy(\.written))
        let after = try site.render()
        #expect(after.files == before.files)
        #expect(after.warnings.isEmpty)
        let templates = try TemplateSet.load(overrides: SourceLoader.load(siteRoot).templates)
        #expect(Set(templates.compiled.keys) == Set(ThemeFiles.templates.keys), "ejected, unedited: still compiled")
        let again = try ThemeCatalog.eject(["layout"], root: siteRoot)
        #expect(again.map(\.written) == [false])
    }

    @Test("names may leave off .mustache; unknown ones are all named in one error")
    func resolveNames() throws {
        #expect(try ThemeCatalog.resolve(["layout", "site.css", "layout.mustache"]) == ["layout.mustache", "site.css"])
        let error = #expect(throws: Diagnostics.self) { try ThemeCatalog.resolve(["nope", "layout", "also-nope"]) }
        #expect(error?.items.first?.message.hasPrefix("no built-in theme file is called `nope`, `also-nope`; the names are: ") == true)
    }
}

/// An override that renders a value the page does not have is reported, not left empty.
@Suite("Template value check")
struct TemplateValueCheckTests {
    @Test("an unguarded {{page.…}} missing on a page is a warning at the tag; guarded ones and other names are not")
    func missingValue() throws {
        let page = """
            {{<layout}}
            {{$main}}
            <h1>{{page.titel}}</h1>
            {{#page.summary}}<p>{{page.summary}}</p>{{/page.summary}}
            <p>{{site.title}} {{{page.extra}}} {{name}}</p>
            {{/main}}
            {{/layout}}
            """
        let site = try TestSite(["templates/page.mustache": page, "content/pages/about.md": "---\ntitle: About\n---\nText"])
        let warnings = try site.render().warnings.filter { $0.code == "template-missing-value" }.map(\.description)
        #expect(warnings == [
            "templates/page.mustache:5:19: warning: `{{page.extra}}` renders as empty text: page pages have no `page.extra` (on /about/, among others); put it inside {{#page.extra}}…{{/page.extra}} if only some pages have it",
            "templates/page.mustache:3:5: warning: `{{page.titel}}` renders as empty text: page pages have no `page.titel` (on /about/, among others); put it inside {{#page.titel}}…{{/page.titel}} if only some pages have it",
        ])
    }

    @Test("every built-in template, ejected and edited, gives no false report on a fixture site")
    func builtInsAreClean() throws {
        var files: [String: String] = ["content/pages/about.md": "---\ntitle: About\n---\nText",
                                       "content/articles/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\nText"]
        for name in ThemeFiles.fileNames where name.hasSuffix(".mustache") {
            files["templates/" + name] = ThemeFiles.text(of: name)! + "{{! edited }}\n"
        }
        let site = try TestSite(files)
        #expect(try site.render().warnings.filter { $0.code == "template-missing-value" }.isEmpty)
    }

    @Test("tags are found with their sigils, lines and columns")
    func scan() {
        let tags = MustacheTags.scan("a {{#x}}{{{y.z}}}\n {{& w }}{{/x}}{{! c }}")
        #expect(tags.map { "\($0.sigil.map(String.init) ?? "")\($0.name)@\($0.line):\($0.column)" } == ["#x@1:3", "{y.z@1:9", "&w@2:2", "/x@2:10", "!c@2:16"])
    }
}
