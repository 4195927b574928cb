import Testing
@testable import UnionSite

@Suite("XML.escape")
struct XMLEscapeTests {
    @Test("the five specials become entities, forbidden controls go, the rest stays", arguments: [
        ("https://example.org/articles/pay/", "https://example.org/articles/pay/"),
        ("a&b", "a&amp;b"), ("<x>", "&lt;x&gt;"), ("say \"no\"", "say &quot;no&quot;"), ("it's", "it&apos;s"),
        ("tab\tand\nline", "tab\tand\nline"), ("bell\u{7}", "bell"), ("\u{FFFE}x", "x"), ("café <", "café &lt;"), ("", ""),
    ])
    func examples(text: String, expected: String) {
        #expect(XML.escape(text) == expected)
    }

    @Test("text kept as it is is exactly the text the scalar-by-scalar escape leaves unchanged")
    func fastPathAgreesWithEscaping() {
        let alphabet = Array("aZ09 /:.-_~%?=#&<>\"'\t\n\u{1}\u{7F}é€😀\u{FFFF}".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let value = String(text)
            let slow = HTML.replacing(value) { scalar in
                switch scalar {
                case "'": "&apos;"
                case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": ""
                default: HTML.entity(scalar)
                }
            }
            #expect(XML.escape(value) == slow, "\(value.debugDescription)")
            if XML.isPlainASCII(value) { #expect(slow == value) }
        }
    }
}
