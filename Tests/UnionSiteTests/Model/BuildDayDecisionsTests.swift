import Foundation
import Testing
@testable import UnionSite

/// The decisions made against the build day, in the model, and what pages and `check` show.
@Suite("Build day decisions")
struct BuildDayDecisionsTests {
    let day = Day("2026-11-29")!

    @Test("a vacancy is open through its closing day, closing soon within 7 days, then closed")
    func vacancyStatus() {
        #expect(Vacancy.Status(closes: Day("2026-12-07")!, on: day) == .open)
        #expect(Vacancy.Status(closes: Day("2026-12-06")!, on: day) == .closingSoon)
        #expect(Vacancy.Status(closes: day, on: day) == .closingSoon)
        #expect(Vacancy.Status(closes: Day("2026-11-28")!, on: day) == .closed)
    }

    static let files = [
        "content/pages/old.md": "---\ntitle: Old guidance\nreview_by: 2026-11-28\n---\nText.\n",
        "content/pages/today.md": "---\ntitle: Due today\nreview_by: 2026-11-29\n---\nText.\n",
        "content/pages/later.md": "---\ntitle: Later\nreview_by: 2099-01-01\n---\nText.\n",
        "content/vacancies/roles.yaml": """
        - {id: soon, title: Adviser, employer: Trust, location: Leeds, closes: 2026-12-02, apply_url: "https://example.org/a"}
        - {id: later, title: Officer, employer: Council, location: York, closes: 2027-01-31, apply_url: "https://example.org/b"}
        """,
    ]

    @Test("only pages past review_by are due, and only they say so")
    func reviewsDue() throws {
        let site = try TestSite(Self.files)
        let rendered = try site.render()
        #expect(rendered.buildDate == day)
        #expect(rendered.reviewsDue.map(\.title) == ["Old guidance"])
        #expect(try rendered.page("old/index.html").contains("due for review"))
        #expect(try !rendered.page("today/index.html").contains("due for review"))
        #expect(try !rendered.page("later/index.html").contains("due for review"))
        #expect(rendered.warnings.filter { $0.code == "review-due" }.map(\.location?.path) == ["content/pages/old.md"])
    }

    @Test("the vacancy list marks the one closing within a week")
    func closingSoon() throws {
        let list = try TestSite(Self.files).render().page("vacancies/index.html")
        let soon = try #require(list.range(of: "Adviser"))
        let later = try #require(list.range(of: "Officer"))
        #expect(list[soon.lowerBound...].range(of: "Closing soon")!.lowerBound < later.lowerBound)
        #expect(list[later.lowerBound...].range(of: "Closing soon") == nil)
    }

    @Test("`new` dates a file by today in the site's time zone")
    func newUsesTheSiteTimeZone() throws {
        let zone = "Pacific/Kiritimati"  // UTC+14: its today is often not London's
        let site = try TestSite(["content/site.yaml": TestSite.defaultSettings + "timezone: \(zone)\n"])
        let path = try NewContent.create(.article, title: "Zoned", in: SiteRoot(root: site.root.path))
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("date: \(Day.today(in: TimeZone(identifier: zone)!))\n"))
    }
}
