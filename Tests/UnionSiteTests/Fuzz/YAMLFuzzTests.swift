import Foundation
import PropertyBased
import Testing
@testable import UnionSite

/// Fuzz target 2: YAML front matter, through `YAMLParser.parse` and `SourceLoader.document`.
@Suite("Fuzz: YAML front matter")
struct YAMLFuzzTests {
    static let tokens = ["title", "key", "date", "tags", ": ", ":", ": ", " ", " ", "  ", "    ", "\t", "- ", "-", "\"", "'", "\"\"", "''",
                         "&a ", "*a", "&b ", "*b", "&a [x, *a]", "<<: *a", "[", "]", "{", "}", ", ", ",", "? ", "|", "|-", ">", ">+",
                         "#", " # c", "!!str ", "!!map ", "!t ", "!<x> ", "%YAML 1.2", "%TAG ! x", "---", "...", "\\", "\\u12", "\\x",
                         "true", "~", "null", "0x1F", "1e400", "2026-01-01", "@", "`", "%", "x", "value", String(repeating: "long ", count: 200)]
        + FuzzGen.newlines + FuzzGen.newlines + FuzzGen.newlines + FuzzGen.oddCharacters

    /// YAML-ish text: keys, colons, quotes, anchors and aliases, brackets, tabs, long strings.
    static let arbitrary = FuzzGen.soup(tokens, length: 0...60)

    /// "Billion laughs": `levels` anchors, each a list of `fanout` aliases to the one before,
    /// the last used as a value, a key, or a flow key.
    static func bomb(levels: Int, fanout: Int, use: Int) -> String {
        var text = "l0: &l0 [lol, lol]\n"
        for level in 1...levels {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: fanout).joined(separator: ", ") + "]\n"
        }
        switch use {
        case 0: text += "boom: *l\(levels)\n"
        case 1: text += "? *l\(levels)\n: boom\n"
        case 2: text += "boom: {*l\(levels) : x}\n"
        default: text += "*l\(levels) : boom\n"
        }
        return text
    }

    /// Any size, used as a value or as a key in each of the three ways a key can be written.
    static let aliasBomb = zip(Gen.int(in: 1...12), Gen.int(in: 2...12), Gen.int(in: 0...3)).map { levels, fanout, use in
        bomb(levels: levels, fanout: fanout, use: use)
    }

    /// Deep nesting, flow and block, up to well past libyaml's limit of 1000.
    static let nesting = zip(Gen.int(in: 1...3000), Gen.int(in: 0...3)).map { depth, style in
        switch style {
        case 0: return "k: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        case 1: return "k: " + String(repeating: "{a: ", count: depth) + "x" + String(repeating: "}", count: depth) + "\n"
        case 2: return (0..<min(depth, 1200)).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x\n"
        default: return "k: " + String(repeating: "[", count: depth) + "\n"  // never closed
        }
    }

    static let firstLine = Gen.int(in: 1...40)

    @Test("arbitrary YAML-ish text: a value or located diagnostics, quickly")
    func arbitraryText() async {
        // With and without a final line break (front matter has one; site.yaml may not).
        await fuzz(count: 300, input: zip(Self.arbitrary, Self.firstLine, Gen.bool)) { yaml, firstLine, lineBreak in
            Self.checkParse(lineBreak ? yaml + "\n" : yaml, firstLine: firstLine)
        }
    }

    @Test("a YAML file without a final line break gets diagnostics on its own lines")
    func endOfFileWithoutLineBreak() {
        Self.checkParse("title: x\nbroken", firstLine: 1)
        Self.checkParse("%TAG ! x", firstLine: 1)
    }

    @Test("alias bombs are refused by the node budget, quickly")
    func aliasBombs() async {
        await fuzz(count: 40, input: Self.aliasBomb, slow: .seconds(5)) { yaml in
            Self.checkParse(yaml, firstLine: 2)
        }
    }

    @Test("an alias bomb used as a mapping key is refused quickly, at the alias that overruns")
    func aliasBombKeys() async throws {
        // Minimal: nine levels of ten aliases, the last one used as a key. Yams alone hangs here,
        // hashing the key in full for its duplicate-key check.
        let yaml = Self.bomb(levels: 9, fanout: 10, use: 3)
        Self.checkParse(yaml, firstLine: 2)
        let error = try #require(throws: Diagnostics.self) { try YAMLParser.parse(yaml, path: "a.md", firstLine: 2) }
        #expect(error.items.map(\.code) == ["yaml-too-large"])
        #expect(error.items.first?.location?.line ?? 0 > 2)
        await fuzz(count: 20, input: zip(Gen.int(in: 7...12), Gen.int(in: 8...12), Gen.int(in: 1...3))) { levels, fanout, use in
            Self.checkParse(Self.bomb(levels: levels, fanout: fanout, use: use), firstLine: 2)
        }
    }

    @Test("deep nesting is refused or parsed, never a crash")
    func deepNesting() async {
        await fuzz(count: 30, input: Self.nesting) { yaml in
            Self.checkParse(yaml, firstLine: 2)
        }
    }

    @Test("whole front matter files through SourceLoader.document: located diagnostics or a mapping")
    func documents() async {
        let body = FuzzGen.soup(["text", "\n", "---", "# h", "[l](x.md)", " "], length: 0...8)
        await fuzz(count: 300, input: zip(Self.arbitrary, body, Gen.bool)) { yaml, body, fenced in
            let text = fenced ? "---\n" + yaml + "\n---\n" + body : yaml
            Self.checkDocument(text)
        }
    }

    @Test("the corpus parses or fails with located diagnostics")
    func corpus() {
        let files = Fuzz.corpus("yaml")
        #expect(!files.isEmpty)
        for file in files {
            Self.checkParse(file.text, firstLine: 2, name: file.name)
            Self.checkDocument("---\n" + file.text + "\n---\nBody\n", name: file.name)
        }
    }

    // MARK: - Properties

    /// Either a tree whose every node sits on a line of the text, or diagnostics that do.
    static func checkParse(_ yaml: String, firstLine: Int, name: String? = nil) {
        let label = name ?? Fuzz.describe(yaml)
        let lines = firstLine...(firstLine + Fuzz.maxLines(in: yaml) - 1)
        do throws(Diagnostics) {
            guard let node = try YAMLParser.parse(yaml, path: "content/x.md", firstLine: firstLine) else { return }
            var bad: [UnionSite.SourceLocation] = []
            visit(node) { location in if !lines.contains(location.line) || location.column < 1 { bad.append(location) } }
            #expect(bad.isEmpty, "nodes outside lines \(lines): \(bad.prefix(3)) for \(label)")
        } catch {
            checkDiagnostics(error, lines: lines, label: label)
        }
    }

    static func checkDocument(_ text: String, name: String? = nil) {
        let label = name ?? Fuzz.describe(text)
        let lines = 1...Fuzz.maxLines(in: text)
        do throws(Diagnostics) {
            let document = try SourceLoader.document(SourceFile(path: "content/articles/fuzz.md", text: text), kind: .article)
            #expect(document.frontMatter.entries != nil, "\(label)")
            #expect(lines.contains(document.bodyFirstLine) || document.bodyFirstLine == lines.upperBound + 1, "\(label)")
            var bad: [UnionSite.SourceLocation] = []
            visit(document.frontMatter) { location in if !lines.contains(location.line) { bad.append(location) } }
            #expect(bad.isEmpty, "nodes outside lines \(lines): \(bad.prefix(3)) for \(label)")
        } catch {
            checkDiagnostics(error, lines: lines, label: label)
        }
    }

    static func checkDiagnostics(_ diagnostics: Diagnostics, lines: ClosedRange<Int>, label: String) {
        #expect(!diagnostics.items.isEmpty, "thrown without a diagnostic: \(label)")
        for diagnostic in diagnostics.items {
            guard let location = diagnostic.location else {
                Issue.record("diagnostic without a location: \(diagnostic) for \(label)")
                continue
            }
            #expect(lines.contains(location.line) && location.column >= 1, "\(diagnostic) is outside lines \(lines) of \(label)")
            #expect(diagnostic.severity == .error)
        }
    }

    static func visit(_ node: YAMLNode, _ check: (UnionSite.SourceLocation) -> Void) {
        check(node.location)
        switch node.value {
        case .scalar: break
        case .list(let items): for item in items { visit(item, check) }
        case .map(let entries):
            for entry in entries {
                check(entry.keyLocation)
                visit(entry.value, check)
            }
        }
    }
}
