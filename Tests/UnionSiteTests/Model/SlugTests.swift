import Testing
@testable import UnionSite

@Suite("Slug")
struct SlugTests {
    @Test("valid slugs", arguments: ["a", "pay", "pay-2026", "0-start", "fixed-term-contracts", "a--b", "trailing-"])
    func valid(slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test("invalid slugs", arguments: [
        "", "-pay", "Pay", "pay claim", "pay_claim", "../../etc/passwd", "a/b", "a\\b", ".", "..", "café", "ｐａｙ", "pay.md", "a\0b",
    ])
    func invalid(slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test("slugs from titles", arguments: [
        ("Fixed-term contracts: your rights", "fixed-term-contracts-your-rights"),
        ("Pay: what's next?", "pay-what-s-next"),
        ("  Leading and trailing  ", "leading-and-trailing"),
        ("Café culture", "cafe-culture"),
        ("Gwasanaeth ŵyr", "gwasanaeth-wyr"),
        ("2026 pay claim", "2026-pay-claim"),
        ("!!!", "untitled"),
        ("", "untitled"),
    ])
    func fromTitle(title: String, slug: String) {
        #expect(Slug.from(title) == slug)
    }

    @Test("a slug made from any title is valid and at most 80 characters", arguments: [
        "Pay: what's next?", String(repeating: "very long title ", count: 20), "——", "日本語", "A/B\\C..D",
    ])
    func fromIsAlwaysValid(title: String) {
        let slug = Slug.from(title)
        #expect(Slug.isValid(slug))
        #expect(slug.count <= 80)
    }
}
