import Testing
@testable import UnionSite

@Suite("FrontMatter.split")
struct FrontMatterTests {
    @Test("LF file: YAML between the fences, body after, body line counted from the file")
    func splitsLF() throws {
        let parts = try FrontMatter.split("---\ntitle: Pay\ndate: 2026-01-01\n---\nFirst body line\nSecond\n").get()
        #expect(parts.yaml == "title: Pay\ndate: 2026-01-01\n")
        #expect(parts.yamlFirstLine == 2)
        #expect(parts.body == "First body line\nSecond\n")
        #expect(parts.bodyFirstLine == 5)
    }

    @Test("CRLF file splits the same way, with the same line numbers")
    func splitsCRLF() throws {
        let parts = try FrontMatter.split("---\r\ntitle: Pay\r\n---\r\nBody\r\n").get()
        #expect(parts.yaml == "title: Pay\r\n")
        #expect(parts.body == "Body\r\n")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test("a UTF-8 byte order mark before the opening fence is ignored")
    func ignoresBOM() throws {
        let parts = try FrontMatter.split("\u{FEFF}---\ntitle: Pay\n---\nBody").get()
        #expect(parts.yaml == "title: Pay\n")
        #expect(parts.body == "Body")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test("`...` closes the front matter too")
    func dotsClose() throws {
        let parts = try FrontMatter.split("---\ntitle: Pay\n...\nBody\n").get()
        #expect(parts.yaml == "title: Pay\n")
        #expect(parts.body == "Body\n")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test("`...` does not open front matter")
    func dotsDoNotOpen() {
        #expect(FrontMatter.split("...\ntitle: Pay\n---\nBody\n") == .failure(.missingOpeningFence))
    }

    @Test("fences may carry trailing spaces")
    func fenceTrailingSpaces() throws {
        let parts = try FrontMatter.split("---  \ntitle: Pay\n--- \t\nBody").get()
        #expect(parts.yaml == "title: Pay\n")
        #expect(parts.body == "Body")
    }

    @Test("a closing fence on the last line, with no newline, leaves an empty body")
    func closingFenceAtEnd() throws {
        let parts = try FrontMatter.split("---\ntitle: Pay\n---").get()
        #expect(parts.yaml == "title: Pay\n")
        #expect(parts.body == "")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test("empty fences give empty YAML")
    func emptyFrontMatter() throws {
        let parts = try FrontMatter.split("---\n---\nBody\n").get()
        #expect(parts.yaml == "")
        #expect(parts.bodyFirstLine == 3)
    }

    @Test("body line numbers follow the number of front-matter lines", arguments: [
        ("---\na: 1\n---\n", 4),
        ("---\na: 1\nb: 2\nc: 3\n---\nx", 6),
        ("---\n\n\n---\nx", 5),
    ])
    func bodyFirstLine(text: String, expected: Int) throws {
        #expect(try FrontMatter.split(text).get().bodyFirstLine == expected)
    }

    @Test("a file not starting with `---` has no front matter", arguments: [
        "title: Pay\n---\nBody\n",
        "# Heading\n",
        " ---\ntitle: x\n---\n",
        "---title: x\n---\n",
        "---",
    ])
    func missingOpeningFence(text: String) {
        #expect(FrontMatter.split(text) == .failure(.missingOpeningFence))
    }

    @Test("front matter without a closing fence is refused", arguments: [
        "---\ntitle: Pay\nBody text\n",
        "---\r\ntitle: Pay\r\n",
        "---\ntitle: Pay\n----\nBody\n",
    ])
    func unclosed(text: String) {
        #expect(FrontMatter.split(text) == .failure(.missingClosingFence))
    }

    @Test("an empty or blank file is reported as empty", arguments: ["", "\n", "  \n\t\n", "\u{FEFF}", "\r\n"])
    func empty(text: String) {
        #expect(FrontMatter.split(text) == .failure(.empty))
    }
}
