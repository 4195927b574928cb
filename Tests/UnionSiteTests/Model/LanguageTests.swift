import Testing
@testable import UnionSite

/// The parts of languages that are rules rather than pages: which codes are languages, which
/// file names carry one, and how a translation's content path reads.
@Suite struct LanguageTests {
    @Test(arguments: ["cy", "en", "ga", "pt-BR", "sr-Latn", "zh-Hant-TW", "gsw"])
    func validCodes(_ code: String) {
        #expect(SiteLanguage.isValidCode(code))
    }

    @Test(arguments: ["", "c", "Welsh", "CY", "cymr", "cy-", "cy_GB", "v2", "1a", "en-GB-toolongsubtag"])
    func invalidCodes(_ code: String) {
        #expect(!SiteLanguage.isValidCode(code))
    }

    static func document(_ path: String) -> SourceDocument {
        SourceDocument(path: path, kind: .page, frontMatter: YAMLNode(value: .map([]), location: SourceLocation(path: path)),
                       body: "", bodyFirstLine: 3)
    }

    @Test func aSuffixShapedLikeALanguageMarksATranslation() {
        let welsh = Self.document("content/guide/academies.cy.md")
        #expect(welsh.languageSuffix == "cy")
        #expect(welsh.baseName == "academies")
        #expect(welsh.contentPath == "guide/academies.md")
        let nested = Self.document("content/articles/2026/pay.pt-BR.md")
        #expect(nested.languageSuffix == "pt-BR" && nested.contentPath == "articles/2026/pay.md")
    }

    @Test func otherDotsAreNotLanguages() {
        for path in ["content/pages/notes.v2.md", "content/pages/about.md", "content/pages/.cy.md", "content/pages/report.2026.md"] {
            let document = Self.document(path)
            #expect(document.languageSuffix == nil, "\(path)")
        }
        #expect(Self.document("content/pages/notes.v2.md").baseName == "notes.v2")
    }

    @Test("base name, language and content path agree on every file name, odd characters included", arguments: [
        ("content/guide/é-pay.cy.md", "é-pay", "cy", "guide/é-pay.md"),
        ("content/articles/\u{600}.fr.md", "\u{600}", "fr", "articles/\u{600}.md"),
        ("content/pages/\u{301}a.fr.md", "\u{301}a", "fr", "pages/\u{301}a.md"),
        ("content/pages/notes\u{200D}.md", "notes\u{200D}", nil, "pages/notes\u{200D}.md"),
        ("content/pages/a.b.c.md", "a.b.c", nil, "pages/a.b.c.md"),
    ] as [(String, String, String?, String)])
    func fileNameParts(path: String, base: String, language: String?, contentPath: String) {
        let document = Self.document(path)
        #expect(document.baseName == base)
        #expect(document.languageSuffix == language)
        #expect(document.contentPath == contentPath)
    }

    @Test func theDefaultLanguageIsRepeatedByItsPrimarySubtag() {
        #expect(SiteLanguage.primary("en-GB") == "en")
        #expect(SiteLanguage.primary("cy") == "cy")
    }
}
