import Testing
@testable import UnionSite

@Suite("OutputPath")
struct OutputPathTests {
    @Test("paths below the output folder are accepted", arguments: ["index.html", "articles/pay/index.html", "files/a b.pdf", "assets/site.css", "a..b/c",
                                                                         "...", "a/.../b", ".a/b.", "é/ü.html", "a/.\u{301}/b"])
    func accepted(path: String) {
        #expect(OutputPath(path)?.value == path)
    }

    @Test("paths that could leave the output folder are refused", arguments: [
        "", "..", "../x", "a/../../x", "a/..", "/etc/passwd", "a\\b", "..\\x", "a\0b", "a//b", "a/", "./a", "a/./b",
        "é/../x", "é//x", "é\\x", "é/", ".", "a/.", "a/\0",
    ])
    func refused(path: String) {
        #expect(OutputPath(path) == nil)
    }
}
