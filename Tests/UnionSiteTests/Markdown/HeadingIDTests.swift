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

    @Test("past the small limit the ids stay unique and keep their order of suffixes")
    func allocatorManyIDs() {
        var allocator = HeadingID.Allocator(reserved: ["pay-40"])
        let texts = (0..<(HeadingID.Allocator.smallLimit * 3)).map { $0 % 2 == 0 ? "Pay" : "Pay \($0 / 2)" }
        let ids = texts.map { allocator.id(for: $0) }
        #expect(Set(ids).count == ids.count)
        #expect(!ids.contains("pay-40"))
        // The same rule with nothing but a set: what the allocator did before it kept an array.
        var taken: Set<String> = ["pay-40"]
        var used: [String: Int] = [:]
        let expected = texts.map { text -> String in
            let base = HeadingID.base(for: text)
            var candidate = base, count = used[base] ?? 0
            while taken.contains(candidate) {
                count += 1
                candidate = "\(base)-\(count)"
            }
            used[base] = count
            taken.insert(candidate)
            return candidate
        }
        #expect(ids == expected)
    }
}
