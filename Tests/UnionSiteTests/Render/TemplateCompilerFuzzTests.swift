import Mustache
import Testing
@testable import UnionSite

/// Random well-formed templates (sections, inverted sections, standalone and indented tags,
/// partials, parents and blocks, comments, CRLF) rendered by the compiler and by
/// swift-mustache: the whitespace rules are where a port most easily goes wrong.
@Suite struct TemplateCompilerFuzzTests {
    @Test("random templates render as swift-mustache renders them")
    func randomTemplates() throws {
        var random = SeededRandom(seed: 20261206)
        var compared = 0
        for _ in 0..<1500 {
            let text = Self.template(depth: 0, &random)
            var templates = Self.partials
            templates["t"] = random.next(3) == 0 ? "{{<base}}\n\(Self.blockDefinitions(&random)){{/base}}\n" : text
            guard let expected = Self.reference(templates) else { continue }
            var syntax: [String: [TemplateSyntax]] = [:]
            for (name, source) in templates { syntax[name] = try TemplateParser.parse(source) }
            var page = CompiledPage(TemplateCompilerTests.data)
            page.run(try TemplateCompiler(templates: syntax, uncompiled: []).compile("t"))
            let actual = String(decoding: page.bytes, as: UTF8.self)
            #expect(actual == expected, "template: \(templates["t"]!.debugDescription)")
            if actual != expected { return }
            compared += 1
        }
        #expect(compared > 1000)
    }

    private static let partials = [
        "p": "  one {{outer}}\n{{#list}}\n  - {{name}}\n{{/list}}\ntwo",
        "base": "<{{$a}}A{{/a}}>\n  {{$b}}\n  B\n  {{/b}}\n{{#flag}}\n  {{$a}}{{/a}}\n{{/flag}}\n",
    ]

    private static func reference(_ templates: [String: String]) -> String? {
        var library = MustacheLibrary()
        for (name, text) in templates {
            guard let template = try? MustacheTemplate(string: text) else { return nil }
            library.register(template, named: name)
        }
        return library.render(TemplateCompilerTests.data.anyValues, withTemplate: "t")
    }

    private static let names = ["flag", "off", "list", "nested", "empty", "text", "missing"]
    private static let variables = ["outer", "name", "quote", "page.title", "nested.inner.leaf", "count", "lines", "."]
    private static let spaces = ["", " ", "  ", "\t"]
    private static let ends = ["\n", "\n", "\r\n", " \n"]

    private static func template(depth: Int, _ random: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<random.next(6) + 1 {
            let indent = spaces[random.next(spaces.count)]
            let end = ends[random.next(ends.count)]
            switch random.next(depth < 3 ? 9 : 5) {
            case 0: text += indent + "text" + end
            case 1: text += indent + "{{\(variables[random.next(variables.count)])}}" + (random.next(2) == 0 ? end : " ")
            case 2: text += indent + "{{{quote}}}{{&raw}}" + end
            case 3: text += indent + "{{! note }}" + (random.next(2) == 0 ? end : "x")
            case 4: text += indent + "{{>p}}" + (random.next(2) == 0 ? end : "")
            default:
                let name = names[random.next(names.count)]
                let sigil = ["#", "^", "$"][random.next(3)]
                let inner = template(depth: depth + 1, &random)
                text += indent + "{{\(sigil)\(name)}}" + (random.next(2) == 0 ? end : "") + inner + spaces[random.next(spaces.count)] + "{{/\(name)}}" + end
            }
        }
        return text
    }

    private static func blockDefinitions(_ random: inout SeededRandom) -> String {
        ["a", "b"].map { name in
            let indent = spaces[random.next(spaces.count)]
            return indent + "{{$\(name)}}\n" + indent + "  line \(name)\n" + template(depth: 2, &random) + indent + "{{/\(name)}}\n"
        }.joined()
    }
}

/// A small deterministic generator, so a failure can be reproduced.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}
