import Foundation
import Testing
@testable import UnionSite

/// The bilingual fixture's theme words: Welsh pages print the Welsh table's words and dates,
/// English pages the English ones, and an outdated translation says so in Welsh.
@Suite("Bilingual site: the theme's words in the page's language")
struct BilingualStringsTests {
    var site: InMemorySite { get throws { try BilingualSiteTests.built.site() } }

    @Test("Welsh pages carry the Welsh table's words; English pages the English ones")
    func words() throws {
        let welsh = try site.page("cy/guide/academies/index.html")
        for word in [">Neidio i’r prif gynnwys</a>", ">Cartref</a>", "Canllaw i aelodau, pennod 1 o 1"] {
            #expect(welsh.contains(word), "\(word) missing")
        }
        for word in ["Skip to main content", ">Home</a>", "Member guide"] { #expect(!welsh.contains(word), "\(word) on a Welsh page") }
        let english = try site.page("guide/academies/index.html")
        #expect(english.contains(">Skip to main content</a>") && english.contains(">Home</a>"))
        #expect(!english.contains("Cartref") && !english.contains("Neidio"))
        #expect(try site.page("cy/404.html").contains("<h1>Tudalen heb ei chanfod</h1>"))
        #expect(try site.page("cy/search/index.html").contains("<title>Chwilio – "))
    }

    @Test("a translation older than its original's change carries the notice in its language, linking the original")
    func outdatedNotice() throws {
        let welsh = try site.page("cy/guide/academies/index.html")
        #expect(welsh.contains("<strong>Gall y cyfieithiad hwn fod yn hen.</strong>"))
        #expect(welsh.contains("<a href=\"/members/guide/academies/\" hreflang=\"en-GB\">darllen y gwreiddiol</a>"))
        #expect(!(try site.page("guide/academies/index.html")).contains("notice--warning"))
        #expect(!(try site.page("cy/guide/index.html")).contains("cyfieithiad hwn fod yn hen"))
    }
}
