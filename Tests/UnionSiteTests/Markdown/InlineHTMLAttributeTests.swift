import Testing
@testable import UnionSite

/// An allowed attribute with a value it cannot have is dropped with a warning that says
/// what the value must be, not that the attribute is not allowed.
@Suite("Inline HTML: attribute values")
struct InlineHTMLAttributeTests {
    func problems(_ text: String) -> [String] {
        DocumentFacts.collect(markdown(text), numberPrinciples: false).problems.map(\.description)
    }

    @Test("each bad value says what the value must be", arguments: [
        ("<bdo dir=\"evil\">x</bdo>", "attribute `dir` of `<bdo>` is dropped: its value `evil` is not ltr or rtl"),
        ("<q cite=\"javascript:alert(1)\">x</q>", "attribute `cite` of `<q>` is dropped: its value `javascript:alert(1)` is not an http or https address or a path on this site"),
        ("<del datetime=\"bad\">x</del>", "attribute `datetime` of `<del>` is dropped: its value `bad` is not a real date or time such as 2026-03-04 or 2026-03-04T09:30"),
        ("<time datetime=\"2026-13-45\">x</time>", "attribute `datetime` of `<time>` is dropped: its value `2026-13-45` is not a real date or time such as 2026-03-04 or 2026-03-04T09:30"),
        ("<span lang=\"not a tag\">x</span>", "attribute `lang` of `<span>` is dropped: its value `not a tag` is not a language tag such as cy or en-GB"),
        ("<abbr title=\"a\" title=\"b\">x</abbr>", "attribute `title` of `<abbr>` is dropped: it is given twice, and the first is kept"),
    ])
    func badValue(text: String, message: String) {
        let found = problems("A \(text) here.\n")
        #expect(found.count == 1 && found.first?.hasSuffix("warning: " + message) == true, "\(found)")
    }

    @Test("real dates and times are kept without a word", arguments: ["2026-03-04", "2026-03", "2026-03-04T09:30", "2026-03-04 23:59:59Z", "09:30"])
    func goodDateTimes(value: String) {
        #expect(InlineHTMLPolicy.isDateTime(value))
        #expect(problems("A <time datetime=\"\(value)\">x</time>.\n").isEmpty)
    }

    @Test("impossible dates and times are refused", arguments: ["2026-02-30", "2026-00-10", "2026-03-04T24:00", "25:00", "09:60", "2026-03T99:99"])
    func badDateTimes(value: String) {
        #expect(!InlineHTMLPolicy.isDateTime(value))
    }
}
