import Foundation
import Testing
@testable import UnionSite

@Suite("YAMLParser")
struct YAMLParserTests {
    @Test("values keep their file positions, offset by the first line")
    func locations() throws {
        let node = try #require(try YAMLParser.parse("title: Pay\ntags:\n  - a\n", path: "content/articles/x.md", firstLine: 2))
        let title = try #require(node.entry("title"))
        #expect(title.value.string == "Pay")
        #expect(title.keyLocation == UnionSite.SourceLocation(path: "content/articles/x.md", line: 2, column: 1))
        #expect(title.value.location == UnionSite.SourceLocation(path: "content/articles/x.md", line: 2, column: 8))
        let tag = try #require(node.entry("tags")?.value.items?.first)
        #expect(tag.location.line == 4)
        #expect(tag.location.column == 5)
    }

    @Test("quoted scalars are not plain; plain ones are")
    func plainness() throws {
        let node = try #require(try YAMLParser.parse("a: true\nb: \"true\"\n", path: "x.yaml"))
        #expect(node.entry("a")?.value.value == .scalar("true", plain: true))
        #expect(node.entry("b")?.value.value == .scalar("true", plain: false))
    }

    @Test("an empty document is nil, not an error")
    func empty() throws {
        #expect(try YAMLParser.parse("", path: "x.yaml") == nil)
    }

    @Test("a syntax error is reported at the file's own line", arguments: [1, 2, 10])
    func syntaxErrorLine(firstLine: Int) {
        // Line 3 of the YAML text has an unclosed flow sequence opener that breaks the mapping.
        let yaml = "title: Pay\ndate: 2026-01-01\ntags: [a, b\nsummary: x\n"
        let error = #expect(throws: Diagnostics.self) { try YAMLParser.parse(yaml, path: "content/articles/x.md", firstLine: firstLine) }
        let item = error?.items.first
        #expect(error?.items.count == 1)
        #expect(item?.code == "yaml-syntax")
        #expect(item?.message.hasPrefix("invalid YAML:") == true)
        #expect(item?.location?.path == "content/articles/x.md")
        // The problem is found on YAML line 3 or 4 (where the scanner notices it); either way offset by firstLine.
        let line = item?.location?.line ?? 0
        #expect((3 + firstLine - 1)...(4 + firstLine - 1) ~= line)
    }

    @Test("a bad indentation error names the exact line and column, offset by firstLine")
    func badIndentation() {
        let yaml = "title: Pay\n  summary: x\n"
        let error = #expect(throws: Diagnostics.self) { try YAMLParser.parse(yaml, path: "f.md", firstLine: 2) }
        #expect(error?.items.first?.location == UnionSite.SourceLocation(path: "f.md", line: 3, column: 10))
    }

    @Test("a duplicate key is an error at the file line")
    func duplicateKey() {
        let error = #expect(throws: Diagnostics.self) { try YAMLParser.parse("title: a\ntitle: b\n", path: "f.md", firstLine: 2) }
        #expect(error?.items.first?.code == "yaml-duplicate-key")
        #expect(error?.items.first?.location == UnionSite.SourceLocation(path: "f.md", line: 3, column: 1))
        #expect(error?.items.first?.message == "invalid YAML: duplicate key 'title', first written at line 2")
    }

    @Test("a duplicate key is reported where it is written again: nested, quoted, in a list item", arguments: [
        ("a: 1\nnav:\n  - title: x\n    link: y\n    title: z\n", 5, 5),
        ("author: A\nsummary: s\n\"author\": B\n", 3, 1),
        ("org:\n  name: x\n  url: u\n  name: y\n", 4, 3),
    ])
    func duplicateKeyAtRepeat(yaml: String, line: Int, column: Int) {
        let error = #expect(throws: Diagnostics.self) { try YAMLParser.parse(yaml, path: "site.yaml") }
        #expect(error?.items.first?.location == UnionSite.SourceLocation(path: "site.yaml", line: line, column: column), "\(yaml)")
    }

    @Test("a billion-laughs alias bomb is refused quickly with an error, not expanded", .timeLimit(.minutes(1)))
    func billionLaughs() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let start = Date()
        let error = #expect(throws: Diagnostics.self) { try YAMLParser.parse(yaml, path: "content/site.yaml") }
        #expect(error?.items.first?.code == "yaml-too-large")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("deep nesting is refused rather than overflowing the stack")
    func deepNesting() {
        let yaml = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Diagnostics.self) { try YAMLParser.parse(yaml, path: "f.yaml") }
    }

    @Test("a modest use of aliases is fine")
    func smallAliases() throws {
        let node = try #require(try YAMLParser.parse("base: &b {x: 1}\ncopy: *b\n", path: "f.yaml"))
        #expect(node.entry("copy")?.value.entry("x")?.value.string == "1")
    }
}
