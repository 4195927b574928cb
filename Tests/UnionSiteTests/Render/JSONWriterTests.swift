import Foundation
import Testing
@testable import UnionSite

/// The JSON writer copies plain bytes in runs and escapes the rest: what it writes must be
/// JSON that Foundation reads back to the same values, with nothing that could end a
/// `<script>` element or break JavaScript.
@Suite struct JSONWriterTests {
    @Test(arguments: [
        "", "plain", "quote \" and backslash \\ ", "</script><!-- & -->", "tab\tnew\nline\rcr \u{01}\u{1F}",
        "line\u{2028}para\u{2029}end", "é ’ “” – 🙂 at the end: \u{2028}", "\u{E2}\u{80}", "ends with <",
    ])
    func stringsRoundTripAndAreScriptSafe(_ text: String) throws {
        let json = JSONWriter.string(["k": text, "list": [text, 1, true] as [Any]] as [String: Any])
        for unsafe in ["<", ">", "&", "\u{2028}", "\u{2029}", "\n", "\t", "\u{01}"] { #expect(!json.contains(unsafe)) }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["k"] as? String == text)
        #expect((parsed["list"] as? [Any])?.first as? String == text)
    }

    @Test func controlCharactersUseFourHexDigits() {
        #expect(JSONWriter.string("\u{01}\u{1F}") == "\"\\u0001\\u001f\"")
        #expect(JSONWriter.string("a\u{2028}b") == "\"a\\u2028b\"")
    }

    @Test func keysAreSortedAndPrettyPrintingIndents() {
        #expect(JSONWriter.string(["b": 1, "a": [2.5, 3.0]] as [String: Any]) == "{\"a\":[2.5,3],\"b\":1}")
        #expect(JSONWriter.string(["a": ["x"]] as [String: Any], pretty: true) == "{\n  \"a\": [\n    \"x\"\n  ]\n}")
    }
}
