import Foundation
import Testing
@testable import UnionSite

/// `new` never writes a file the next build would refuse.
@Suite("new: files that build")
struct NewContentTests {
    @Test("a title whose slug the site uses for its own page is refused, and nothing written", arguments: [
        (NewContent.Kind.vacancy, "Archive"), (.vacancy, "Page"), (.vacancy, "Region"), (.content(.page), "Search"),
        (.content(.page), "Guide"), (.content(.page), "Articles"), (.content(.guideChapter), "Glossary"), (.content(.guideChapter), "Print"),
    ])
    func reservedSlug(kind: NewContent.Kind, title: String) throws {
        let site = try TestSite([:])
        let root = try SiteRoot(root: site.root.path)
        let error = #expect(throws: Diagnostics.self) { try NewContent.create(kind, title: title, in: root, date: Day("2026-11-29")) }
        #expect(error?.items.first?.code == "new-reserved")
        #expect(filesBelow(root.content) == ["site.yaml"])
    }

    @Test("an empty title is refused", arguments: ["", "   "])
    func emptyTitle(title: String) throws {
        let site = try TestSite([:])
        let error = #expect(throws: Diagnostics.self) {
            try NewContent.create(.vacancy, title: title, in: SiteRoot(root: site.root.path), date: Day("2026-11-29"))
        }
        #expect(error?.items.first?.code == "new-title")
    }

    @Test("what new writes builds, for every kind, the guide's index included", arguments: NewContent.Kind.allCases)
    func builds(kind: NewContent.Kind) throws {
        let site = try TestSite([:])
        let root = try SiteRoot(root: site.root.path)
        _ = try NewContent.create(kind, title: kind == .content(.guideChapter) ? "Index" : "Pay and conditions", in: root, date: Day("2026-11-29"))
        #expect(try site.diagnostics().filter { $0.contains("error:") }.isEmpty)
    }
}
