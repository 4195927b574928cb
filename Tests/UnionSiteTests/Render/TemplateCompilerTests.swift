import Mustache
import Testing
@testable import UnionSite

/// The template compiler against its reference: each template is rendered by its
/// `CompiledTemplate` and by swift-mustache, and the text must be the same.
@Suite struct TemplateCompilerTests {
    @Test("every built-in template renders as swift-mustache renders it", arguments: ThemeFiles.templates.keys.sorted())
    func builtIn(_ name: String) throws {
        let set = try TemplateSet.load(overrides: [:])
        try expectSame(set, name, Self.data)
        try expectSame(set, name, [:])
    }

    @Test("constructs the compiler handles render as swift-mustache renders them", arguments: [
        ("lookups", ["t": "{{#list}}{{name}}|{{outer}};{{/list}}|{{nested.inner.leaf}}|{{nested.missing.leaf}}|{{missing}}|{{text.x}}|{{#nested.inner}}{{leaf}}{{/nested.inner}}|{{#nested}}{{.flag}}{{.outer}}{{outer}}{{/nested}}|{{page.params.x}}|{{#list}}{{page.title}}{{/list}}"]),
        ("flags", ["t": "{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}{{#off}}on{{/off}}{{^off}}off{{/off}}{{^empty}}none:{{.}}{{/empty}}{{^emptyItems}}no items{{/emptyItems}}{{^missing}}nil{{/missing}}{{#text}}[{{text}}]{{/text}}{{^text}}never{{/text}}{{^nested}}never{{/nested}}"]),
        ("scalars", ["t": "{{#words}}{{.}},{{/words}}{{{raw}}}{{&raw}}{{raw}}{{count}}{{ratio}}{{flag}}{{#count}}n={{.}}{{/count}}{{#mixed}}<{{.}}>{{k}}{{/mixed}}{{#text}}({{.}}){{/text}}{{words}}"]),
        ("escaping with swift-mustache's escaper", ["t": "{{quote}}|{{page.title}}|{{{quote}}}|{{#nested}}{{..}}{{/nested}}"]),
        ("escaping with UNIONSITE_HTML", ["t": "{{% CONTENT_TYPE: UNIONSITE_HTML }}\n{{quote}}|{{page.title}}|{{{raw}}}\n"]),
        ("no escaping with TEXT", ["t": "{{% CONTENT_TYPE: TEXT }}\n{{quote}}{{#list}}{{name}}{{/list}}"]),
        ("standalone lines", ["t": "a\n  {{#flag}}  \n  b\n  {{/flag}}\n{{! comment }}\n  {{! inline }} c\n\t{{^off}}\nd\n{{/off}}\ne {{#flag}}f{{/flag}} g\n  \n{{#list}}\n- {{name}}\n{{/list}}\n   "]),
        ("CRLF lines", ["t": "a\r\n{{#flag}}\r\nb\r\n{{/flag}}\r\n  {{>p}}\r\nc", "p": "x\r\ny\r\n{{#list}}\r\n{{name}}\r\n{{/list}}\r\n"]),
        ("indented partials", [
            "t": "<ul>\n  {{>item}}\n</ul>\n{{#list}}\n    {{>item}}\n{{/list}}\n[{{>item}}]\n",
            "item": "<li>\n{{name}}\n{{lines}}\n  {{>leaf}}\n</li>\n",
            "leaf": "{{% CONTENT_TYPE: TEXT }}\n{{quote}}\n{{#words}}\n{{.}}\n{{/words}}\nend\n",
        ]),
        ("inheritance", [
            "t": "{{<base}}\n{{$title}}Mine {{page.title}}{{/title}}\n  {{$body}}\n  line 1\n    line 2 {{quote}}\n  {{/body}}\n{{/base}}\n",
            "base": "{{% CONTENT_TYPE: UNIONSITE_HTML }}\n<h1>{{$title}}Default{{/title}}</h1>\n<main>\n  {{$body}}default{{/body}}\n</main>\n{{$footer}}foot {{site.title}}{{/footer}}\n{{>inner}}\n",
            "inner": "{{<box}}{{$content}}boxed {{quote}}{{/content}}{{/box}}",
            "box": "[{{$content}}empty{{/content}}|{{$title}}box title{{/title}}]",
        ]),
        ("nested parents", [
            "t": "{{<mid}}{{$a}}from t{{/a}}{{/mid}}",
            "mid": "{{<base}}{{$a}}from mid{{/a}}{{$b}}mid b{{/b}}{{/base}}",
            "base": "{{$a}}base a{{/a}}/{{$b}}base b{{/b}}/{{#list}}{{$c}}{{name}}{{/c}}{{/list}}",
        ]),
        ("a page override as sites write them, over the built-in layout", ["t": "\u{FEFF}{{<layout}}{{$main}}<h1>{{page.title}}</h1><p class=\"p\">{{page.params.x}}</p>{{{raw}}}{{/main}}{{/layout}}"]),
        ("set delimiters", ["t": "{{=<% %>=}}\n<% page.title %> {{not}}\n<%#list%><%name%><%/list%>\n<%={{ }}=%>\n{{page.title}}\n"]),
    ])
    func construct(_ label: String, _ templates: [String: String]) throws {
        let set = try TemplateSet.load(overrides: Self.files(templates))
        try expectSame(set, "t", Self.data, label)
    }

    @Test("a partial that is not there writes nothing, as in swift-mustache (TemplateSet reports it first)")
    func missingPartial() throws {
        let text = "a{{>gone}}b{{<gone}}{{$x}}y{{/x}}{{/gone}}c"
        let compiled = try TemplateCompiler(templates: ["t": TemplateParser.parse(text)], uncompiled: []).compile("t")
        var page = CompiledPage([:])
        page.run(compiled)
        #expect(String(decoding: page.bytes, as: UTF8.self) == "abc")
        #expect(try MustacheTemplate(string: text).render([String: Any]()) == "abc")
    }

    @Test("constructs left to swift-mustache are not compiled, and still render", arguments: [
        ("transforms", ["t": "{{uppercased(page.title)}}{{#list}}{{#first()}}F{{/first()}}{{name}}{{/list}}"]),
        ("recursive partial", ["t": "{{>tree}}", "tree": "{{name}}({{#children}}{{>tree}}{{/children}})"]),
        ("a partial that is not compiled", ["t": "[{{>tx}}]", "tx": "{{lowercased(page.title)}}"]),
    ])
    func leftToSwiftMustache(_ label: String, _ templates: [String: String]) throws {
        let set = try TemplateSet.load(overrides: Self.files(templates))
        #expect(set.compiled["t"] == nil, "\(label)")
        var data = Self.data
        data["name"] = "root"
        data["children"] = [["name": "leaf", "children": []]]
        #expect(String(decoding: set.bytes("t", data), as: UTF8.self) == set.render("t", data), "\(label)")
    }

    @Test("swift-mustache gets each typed value as the Any it reads")
    func valuesAsAny() throws {
        let any = Self.data.anyValues
        #expect(any["outer"] as? String == "O&")
        #expect(any["count"] as? Int == 3)
        #expect(any["flag"] as? Bool == true)
        #expect((any["words"] as? [Any])?.compactMap { $0 as? String } == ["x\"", "y"])
        let nested = try #require(any["nested"] as? [String: Any])
        #expect((nested["inner"] as? [String: Any])?["leaf"] as? String == "L'")
        #expect((any["mixed"] as? [Any])?.count == 4)
        // Every value written bare, as swift-mustache prints what is not a string.
        let set = try TemplateSet.load(overrides: Self.files(["t": "{{flag}}|{{off}}|{{count}}|{{words}}|{{empty}}|{{{mixed}}}"]))
        try expectSame(set, "t", Self.data)
    }

    // MARK: - Helpers

    private func expectSame(_ set: TemplateSet, _ name: String, _ data: TemplateRecord, _ label: String = "",
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let template = try #require(set.compiled[name], "\(name) is not compiled", sourceLocation: sourceLocation)
        var page = CompiledPage(data)
        page.run(template)
        #expect(String(decoding: page.bytes, as: UTF8.self) == set.render(name, data), "\(label)", sourceLocation: sourceLocation)
        // The same with `site.…` resolved once, as `Renderer` renders pages.
        guard case .record(var shared)? = data["site"] else { return }
        shared["nav"] = nil
        var withConstants = CompiledPage(data, site: SiteConstants(template, site: shared))
        withConstants.run(template)
        #expect(withConstants.bytes == page.bytes, "\(label), site.… resolved once", sourceLocation: sourceLocation)
    }

    private static func files(_ templates: [String: String]) -> [String: SourceFile] {
        templates.reduce(into: [:]) { files, entry in
            files[entry.key] = SourceFile(path: "templates/\(entry.key).mustache", text: entry.value)
        }
    }

    /// Values of every kind the renderer passes, with the characters escaping cares about.
    static let data: TemplateRecord = [
        "list": [["name": "a<b"], ["name": "c", "outer": "shadow"]], "outer": "O&",
        "flag": true, "off": false, "empty": [], "emptyItems": [],
        "nested": ["inner": ["leaf": "L'"], "flag": true],
        "words": ["x\"", "y"], "text": "", "raw": "<i>", "count": 3,
        "mixed": ["s", 2, ["k": "v"], true],
        "quote": "\"\u{301}<'&> \"", "lines": "one\ntwo",
        "page": ["title": "T & <t>", "params": ["x": "y"], "json_ld": ["{\"a\":1}"]],
        "site": ["title": "S", "nav": [["title": "N", "href": "/n/"]], "has_nav": true],
    ]
}
