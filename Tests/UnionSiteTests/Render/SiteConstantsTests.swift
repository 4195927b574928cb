import Testing
@testable import UnionSite

/// `site.…` values resolved once per render (`SiteConstants`) must read exactly as looking
/// them up on every page did: inner sections shadow `site`, `site.nav` is each page's own,
/// and a value the compiled runtime does not model still sends the page to swift-mustache.
@Suite struct SiteConstantsTests {
    nonisolated(unsafe) static let site: [String: Any] = ["title": "S", "t": ["by": "By"] as [String: Any], "has_nav": true, "odd": Set(["x"])]

    @Test("resolved values read as the page's own site, shadowed by any section that has a site")
    func shadowing() throws {
        let text = "{{site.title}}|{{site.t.by}}|{{site.missing.x}}|{{site.title.x}}|{{#site.nav}}{{href}}{{/site.nav}}|"
            + "{{#list}}[{{site.title}}{{site.t.by}}]{{/list}}|{{#site.has_nav}}{{site.title}}{{/site.has_nav}}"
        let set = try TemplateSet.load(overrides: ["t": SourceFile(path: "templates/t.mustache", text: text)])
        let template = try #require(set.compiled["t"])
        var pageSite = Self.site
        pageSite["nav"] = [["href": "/n/"]] as [[String: Any]]
        let data: [String: Any] = [
            "site": pageSite,
            "list": [["name": "plain"], ["site": ["title": "inner"] as [String: Any]]] as [[String: Any]],
        ]
        var page = CompiledPage(data, site: SiteConstants(template, site: Self.site))
        page.run(template)
        #expect(!page.needsReference)
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
        let site: [String: Any] = ["quote": "\"\u{301}<'&> \"", "count": 7, "t": ["a": "b"] as [String: Any]]
        let data: [String: Any] = ["site": site, "list": [["name": "a"]] as [[String: Any]]]
        var page = CompiledPage(data, site: SiteConstants(template, site: site))
        page.run(template)
        #expect(String(decoding: page.bytes, as: UTF8.self) == set.render("t", data))
    }

    @Test("a name through a value the runtime does not model still needs swift-mustache")
    func unmodelled() throws {
        let set = try TemplateSet.load(overrides: ["t": SourceFile(path: "templates/t.mustache", text: "{{site.title}}{{site.odd.x}}")])
        let template = try #require(set.compiled["t"])
        var page = CompiledPage(["site": Self.site], site: SiteConstants(template, site: Self.site))
        page.run(template)
        #expect(page.needsReference)
    }
}
