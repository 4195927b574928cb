import Testing
@testable import UnionSite

/// `site.…` values resolved once per render (`SiteConstants`) must read exactly as looking
/// them up on every page did: inner sections shadow `site`, `site.nav` is each page's own,
/// and a name through a value that is not a record finds nothing.
@Suite struct SiteConstantsTests {
    static let site: TemplateRecord = ["title": "S", "t": ["by": "By"], "has_nav": true, "odd": ["x"]]

    @Test("resolved values read as the page's own site, shadowed by any section that has a site")
    func shadowing() throws {
        let text = "{{site.title}}|{{site.t.by}}|{{site.missing.x}}|{{site.title.x}}|{{#site.nav}}{{href}}{{/site.nav}}|"
            + "{{#list}}[{{site.title}}{{site.t.by}}]{{/list}}|{{#site.has_nav}}{{site.title}}{{/site.has_nav}}"
        let set = try TemplateSet.load(overrides: ["t": SourceFile(path: "templates/t.mustache", text: text)])
        let template = try #require(set.compiled["t"])
        var pageSite = Self.site
        pageSite["nav"] = [["href": "/n/"]]
        let data: TemplateRecord = [
            "site": .record(pageSite),
            "list": [["name": "plain"], ["site": ["title": "inner"]]],
        ]
        var page = CompiledPage(data, site: SiteConstants(template, site: Self.site))
        page.run(template)
        #expect(String(decoding: page.bytes, as: UTF8.self) == set.render("t", data))
        #expect(String(decoding: page.bytes, as: UTF8.self) == "S|By|||/n/|[SBy][inner]|S")
    }

    @Test("strings and numbers written as they were resolved, in each escaping", arguments: [
        "{{site.quote}}|{{{site.quote}}}|{{&site.count}}{{site.count}}|{{#list}}{{site.quote}}{{/list}}",
        "{{% CONTENT_TYPE: UNIONSITE_HTML }}\n{{site.quote}}|{{{site.quote}}}|{{site.count}}",
        "{{% CONTENT_TYPE: TEXT }}\n{{site.quote}}|{{site.count}}|{{site.t}}",
    ])
    func written(_ text: String) throws {
        let set = try TemplateSet.load(overrides: ["t": SourceFile(path: "templates/t.mustache", text: text)])
        let template = try #require(set.compiled["t"])
        let site: TemplateRecord = ["quote": "\"\u{301}<'&> \"", "count": 7, "t": ["a": "b"]]
        let data: TemplateRecord = ["site": .record(site), "list": [["name": "a"]]]
        var page = CompiledPage(data, site: SiteConstants(template, site: site))
        page.run(template)
        #expect(String(decoding: page.bytes, as: UTF8.self) == set.render("t", data))
    }

    @Test("a name through a list finds nothing, a list and a record resolved once write as on every page")
    func throughList() throws {
        let text = "{{site.title}}{{site.odd.x}}|{{site.odd}}|{{#site.odd}}<{{.}}>{{/site.odd}}|{{^site.none}}none{{/site.none}}"
        let set = try TemplateSet.load(overrides: ["t": SourceFile(path: "templates/t.mustache", text: text)])
        let template = try #require(set.compiled["t"])
        let data: TemplateRecord = ["site": .record(Self.site)]
        var page = CompiledPage(data, site: SiteConstants(template, site: Self.site))
        page.run(template)
        #expect(String(decoding: page.bytes, as: UTF8.self) == set.render("t", data))
        #expect(String(decoding: page.bytes, as: UTF8.self) == "S|[&quot;x&quot;]|<x>|none")
    }
}
