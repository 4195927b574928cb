import Testing
@testable import UnionSite

/// `--base-url` is the command line's, so a bad one is reported as the option's, at no file.
@Suite("--base-url")
struct BaseURLOptionTests {
    @Test("a bad --base-url names the option and no file; a bad base_url names its line")
    func badOverride() throws {
        let site = try TestSite([:])
        var options = try site.options()
        options.model.baseURL = "ftp://example.org/"
        let lines = diagnosticLines { () throws(Diagnostics) in try Build.render(options) }
        #expect(lines == ["unionsite: error: --base-url must be an absolute http or https URL such as https://example.org/guidance/, found ftp://example.org/"])
        let file = try TestSite(["content/site.yaml": "title: T\nbase_url: ftp://example.org/\n"])
        #expect(try file.diagnostics() == ["content/site.yaml:2:11: error: `base_url` must be an absolute http or https URL such as "
                                           + "https://example.org/guidance/, found ftp://example.org/"])
    }
}
