import Testing
import Yams
@testable import UnionSite

/// `YAMLParser.compose` parses with Yams' basic resolver where it gives what the default one
/// would; these compare the two on every pair of keys that the resolvers could tell apart.
@Suite("YAMLParser.compose")
struct YAMLResolverTests {
    /// Keys whose text is the same but whose default tags differ (int, bool, null, float,
    /// timestamp, str), explicit tags, and flow collections holding them.
    static let keys = ["1", "\"1\"", "'1'", "!!int 1", "!!str 1", "true", "\"true\"", "!!bool true", "~", "null", "'null'",
                       "1.0", "\"1.0\"", "2026-01-01", "'2026-01-01'", "a", "\"a\"", "!!str a", "\"\"", "<<",
                       "[a, 1]", "[a, '1']", "{1: a}", "{'1': a}"]

    @Test("the same keys are duplicates as with the default resolver, and the same text comes out")
    func sameAsDefault() throws {
        var compared = 0
        for first in Self.keys {
            for second in Self.keys {
                for yaml in ["? \(first)\n: x\n? \(second)\n: y\n", "list:\n  - ? \(first)\n    : x\n    ? \(second)\n    : y\n"] {
                    #expect(Self.outcome { try YAMLParser.compose(yaml) } == Self.outcome { try Yams.compose(yaml: yaml, .default, .default) },
                            "\(yaml)")
                    compared += 1
                }
            }
        }
        #expect(compared == Self.keys.count * Self.keys.count * 2)
    }

    @Test("plain and quoted keys of the same text stay two keys; the same key twice is an error")
    func examples() throws {
        #expect(Self.outcome { try YAMLParser.compose("1: a\n\"1\": b\n") } == "{2|1:plain:a:plain|1:quoted:b:plain}")
        #expect(Self.outcome { try YAMLParser.compose("a: 1\na: 2\n") } == "duplicate a")
        #expect(Self.outcome { try YAMLParser.compose("!!int 1: a\n1: b\n") } == "duplicate 1")
    }

    /// The parse's scalars with their styles, or the duplicate keys it reported.
    static func outcome(_ parse: () throws -> Node?) -> String {
        do {
            return try parse().map(describe) ?? "nil"
        } catch YamlError.duplicatedKeysInMapping(let duplicates, _) {
            return "duplicate " + duplicates.joined(separator: ",")
        } catch {
            return "error \(error)"
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "\(scalar.string):\(scalar.style == .plain ? "plain" : "quoted")"
        case .alias: "alias"
        case .sequence(let sequence): "[" + sequence.map(describe).joined(separator: "|") + "]"
        case .mapping(let mapping): "{\(mapping.count)|" + mapping.map { describe($0.key) + ":" + describe($0.value) }.joined(separator: "|") + "}"
        }
    }
}
