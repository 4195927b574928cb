import Testing
@testable import UnionSite

@Suite("HeadingID")
struct HeadingIDTests {
    @Test("ids from heading text", arguments: [
        ("Independence is crucial", "independence-is-crucial"),
        ("What's an academy?", "whats-an-academy"),
        ("Pay & conditions: 2026", "pay--conditions-2026"),
        ("Fixed-term contracts", "fixed-term-contracts"),
        ("Gwasanaethau’r ŵyr a’r ŷd", "gwasanaethaur-ŵyr-ar-ŷd"),
        ("Ÿes ÀND Café", "ÿes-ànd-café"),
        ("1. First", "1-first"),
        ("", "section"),
        ("!!!", "section"),
        ("   ", "---"),
    ])
    func base(text: String, id: String) {
        #expect(HeadingID.base(for: text) == id)
    }

    @Test("repeats on one page get -1, -2, …")
    func allocatorDuplicates() {
        var allocator = HeadingID.Allocator()
        let ids = ["Overview", "Pay", "Overview", "Overview", "Pay"].map { allocator.id(for: $0) }
        #expect(ids == ["overview", "pay", "overview-1", "overview-2", "pay-1"])
    }

    @Test("a heading whose text is a generated id does not take that id twice")
    func allocatorCollidesWithSuffixed() {
        var allocator = HeadingID.Allocator()
        let ids = ["Pay", "Pay 1", "Pay"].map { allocator.id(for: $0) }
        #expect(Set(ids).count == 3)
        #expect(ids[0] == "pay")
        #expect(ids[1] == "pay-1")
    }

    @Test("reserved ids are skipped")
    func allocatorReserved() {
        var allocator = HeadingID.Allocator(reserved: ["principle-1"])
        #expect(allocator.id(for: "Principle 1") == "principle-1-1")
    }
}
