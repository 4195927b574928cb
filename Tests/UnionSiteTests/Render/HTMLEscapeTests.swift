import Testing
@testable import UnionSite

@Suite("HTML escaping")
struct HTMLEscapeTests {
    @Test("escaping byte by byte gives what escaping scalar by scalar gives", arguments: [
        "", "plain", "a & b", "<script>alert('x')</script>", "\"quoted\"", "Café & ‘smart’ “quotes”", "e\u{301}'\u{301}&",
        "Cymraeg: ŵ ŷ < >", "emoji 👩🏽‍🏫 & more", "&amp; already",
    ])
    func sameAsScalarEscaping(text: String) {
        #expect(HTML.escape(text) == HTML.replacing(text, HTML.entity))
    }

    @Test("control characters HTML forbids are left out; tab, line feed and carriage return stay")
    func controlCharacters() {
        #expect(HTML.escape("Bell\u{7} & \u{0}null\u{1B}[0m\u{C}") == "Bell &amp; null[0m")
        #expect(HTML.escape("a\tb\nc\r\nd") == "a\tb\nc\r\nd")
        #expect(HTML.needsEscaping("title\u{8}"))
    }

    @Test("text with nothing to escape comes back as it is")
    func unchanged() {
        #expect(HTML.escape("Guidance for members") == "Guidance for members")
        #expect(HTML.escape("a<b") == "a&lt;b")
    }
}
