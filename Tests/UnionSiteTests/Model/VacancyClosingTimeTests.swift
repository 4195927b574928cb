import Testing
@testable import UnionSite

/// A vacancy's `closes` with a time: open on its day in the site's time zone, and that time
/// is when Google's job search should stop showing it.
@Suite("Vacancies: a closing time")
struct VacancyClosingTimeTests {
    static func record(_ id: String, closes: String) -> String {
        "- id: \(id)\n  title: T\n  employer: E\n  location: L\n  posted: 2026-05-01\n  closes: \"\(closes)\"\n  apply_url: https://example.org/a\n"
    }

    @Test("open on its day in London, with validThrough as written; a plain date ends at the day's end")
    func closingTime() throws {
        let yaml = Self.record("late", closes: "2026-05-31T23:30:00Z") + Self.record("timed", closes: "2026-06-01T09:00+01:00")
            + Self.record("plain", closes: "2026-06-01") + Self.record("gone", closes: "2026-05-31T22:30:00Z")
        let site = try TestSite(["content/vacancies/a.yaml": yaml])
        var options = try site.options()
        options.model.buildDate = Day("2026-06-01")
        let rendered = try Build.render(options)
        let list = try #require(rendered.text("vacancies/index.html"))
        #expect(list.contains("/vacancies/late/") && list.contains("/vacancies/timed/") && list.contains("/vacancies/plain/"))
        #expect(!list.contains("/vacancies/gone/"))
        #expect(rendered.text("vacancies/late/index.html")?.contains("\"validThrough\":\"2026-05-31T23:30:00Z\"") == true)
        #expect(rendered.text("vacancies/timed/index.html")?.contains("\"validThrough\":\"2026-06-01T09:00:00+01:00\"") == true)
        #expect(rendered.text("vacancies/plain/index.html")?.contains("\"validThrough\":\"2026-06-01T23:59:59\"") == true)
    }
}
