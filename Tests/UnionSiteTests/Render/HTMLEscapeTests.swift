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

    @Test("control characters HTML forbids (C0 but white space, DEL, C1) are left out; white space, £ and no-break spaces stay")
    func controlCharacters() {
        #expect(HTML.escape("Bell\u{7} & \u{0}null\u{1B}[0m") == "Bell &amp; null[0m")
        #expect(HTML.escape("a\tb\nc\r\nd\u{C}e") == "a\tb\nc\r\nd\u{C}e")
        #expect(HTML.escape("T\u{7F}\u{85}X\u{9F}") == "TX")
        #expect(HTML.escape("£412\u{A0}a week ©") == "£412\u{A0}a week ©")
        #expect(HTML.escape("<£\u{85}>") == "&lt;£&gt;")
        #expect(HTML.needsEscaping("title\u{8}"))
    }

    @Test("text with nothing to escape comes back as it is")
    func unchanged() {
        #expect(HTML.escape("Guidance for members") == "Guidance for members")
        #expect(HTML.escape("a<b") == "a&lt;b")
    }
}
