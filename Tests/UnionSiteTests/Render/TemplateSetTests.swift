import Testing
@testable import UnionSite

@Suite("TemplateSet and PartialReferences")
struct TemplateSetTests {
    @Test("finds {{>partial}} and {{<parent}} tags with line and column")
    func find() {
        let text = "{{<layout}}\n<p>{{title}}</p>\n  {{> partial-dates }}{{>partial-contents}}\n{{! comment }}{{#x}}{{/x}}\n"
        #expect(PartialReferences.find(in: text) == [
            .init(name: "layout", line: 1, column: 1),
            .init(name: "partial-dates", line: 3, column: 3),
            .init(name: "partial-contents", line: 3, column: 23),
        ])
    }

    @Test("ordinary tags are not partial references")
    func ordinaryTags() {
        #expect(PartialReferences.find(in: "{{title}} {{{body}}} {{#a}}{{/a}} {{^b}}{{/b}} {{$main}}{{/main}}").isEmpty)
    }

    @Test("the built-in theme loads and every partial it uses exists")
    func builtIn() throws {
        _ = try TemplateSet.load(overrides: [:])
    }

    @Test("a site override naming a missing partial is an error at the template's path and line")
    func missingPartial() {
        let override = SourceFile(path: "templates/article.mustache", text: "{{<layout}}\n{{$main}}\n<h1>{{page.title}}</h1>\n  {{>partial-nope}}\n{{/main}}\n{{/layout}}\n")
        let error = #expect(throws: Diagnostics.self) { try TemplateSet.load(overrides: ["article": override]) }
        #expect(error?.sorted.map(\.description) == ["templates/article.mustache:4:3: error: template refers to `partial-nope`, which does not exist"])
    }

    @Test("a missing partial behind set delimiters is found too, at its line and column; one in a comment is not a reference")
    func missingPartialAfterSetDelimiters() {
        let override = SourceFile(path: "templates/page.mustache", text: "{{! {{>partial-old}} }}\r\n<p>\r\n{{=<% %>=}}\r\n  <%>partial-nope%>\r\n")
        let error = #expect(throws: Diagnostics.self) { try TemplateSet.load(overrides: ["page": override]) }
        #expect(error?.sorted.map(\.description) == ["templates/page.mustache:4:3: error: template refers to `partial-nope`, which does not exist"])
    }

    @Test("a template syntax error is reported at the template's path")
    func syntaxError() {
        let override = SourceFile(path: "templates/page.mustache", text: "<p>\n{{#open}}\nnever closed\n")
        let error = #expect(throws: Diagnostics.self) { try TemplateSet.load(overrides: ["page": override]) }
        #expect(error?.items.first?.code == "template-syntax")
        #expect(error?.items.first?.location?.path == "templates/page.mustache")
    }

    @Test("an override replaces the built-in template")
    func override() throws {
        let set = try TemplateSet.load(overrides: ["page": SourceFile(path: "templates/page.mustache", text: "custom {{page.title}}")])
        #expect(set.render("page", ["page": ["title": "About"]]) == "custom About")
    }
}
