import Foundation
import Testing
@testable import UnionSite

/// The vacancies-mixed fixture: YAML, JSON and CSV records, open and closed on 2026-11-29.
@Suite("Vacancies fixture")
struct VacanciesTests {
    var site: InMemorySite { get throws { try FixtureSite.vacancies.site() } }

    static let open = ["csv-today", "la-lead", "adviser-north", "csv-quoted"]
    static let closed = ["csv-closed", "adviser-old"]

    /// The vacancy ids a list page links to, in order.
    func listed(_ html: String) -> [String] {
        var ids: [String] = []
        for href in html.hrefs where href.hasPrefix("/vacancies/") {
            let id = href.dropFirst("/vacancies/".count).dropLast()
            if (Self.open + Self.closed).contains(String(id)), !ids.contains(String(id)) { ids.append(String(id)) }
        }
        return ids
    }

    @Test("/vacancies/ lists only open vacancies, soonest closing first (the closing day itself is open)")
    func openList() throws {
        #expect(listed(try site.page("vacancies/index.html")) == Self.open)
    }

    @Test("/vacancies/archive/ lists the closed ones, most recently closed first")
    func archive() throws {
        #expect(listed(try site.page("vacancies/archive/index.html")) == Self.closed)
    }

    @Test("every vacancy keeps its page", arguments: open + closed)
    func pageExists(id: String) throws {
        #expect(try site.files["vacancies/\(id)/index.html"] != nil)
    }

    @Test("closed pages say so and carry no JobPosting", arguments: closed)
    func closedPage(id: String) throws {
        let html = try site.page("vacancies/\(id)/index.html")
        #expect(html.contains("This vacancy closed on"))
        #expect(!html.contains("\"JobPosting\""))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!html.contains("class=\"button\" href=\"https://"))
    }

    @Test("open pages carry JobPosting JSON-LD and an apply button", arguments: open)
    func openPage(id: String) throws {
        let html = try site.page("vacancies/\(id)/index.html")
        #expect(!html.contains("This vacancy closed on"))
        #expect(html.occurrences(of: "\"@type\":\"JobPosting\"") == 1)
        #expect(html.contains("\"url\":\"https://jobs.example.org/vacancies/\(id)/\""))
    }

    @Test("the JobPosting JSON-LD parses and names the record's fields")
    func jobPostingContent() throws {
        let html = try site.page("vacancies/la-lead/index.html")
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\""))
        let json = html[html.index(start.lowerBound, offsetBy: "<script type=\"application/ld+json\">".count)...]
        let end = try #require(json.range(of: "</script>"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json[..<end.lowerBound].utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Trust improvement lead")
        #expect(object["validThrough"] as? String == "2026-12-01T23:59:59")
        #expect(object["employmentType"] as? [String] == ["PART_TIME", "TEMPORARY"])
    }

    @Test("the sitemap leaves closed vacancies out")
    func sitemap() throws {
        let sitemap = try site.page("sitemap.xml")
        for id in Self.open { #expect(sitemap.contains("/vacancies/\(id)/</loc>"), "\(id)") }
        for id in Self.closed { #expect(!sitemap.contains("/vacancies/\(id)/"), "\(id)") }
        #expect(!sitemap.contains("vacancies/archive"))
    }

    @Test("the vacancy feed holds only open vacancies")
    func feed() throws {
        let feed = try site.page("vacancies/feed.xml")
        for id in Self.open { #expect(feed.contains("https://jobs.example.org/vacancies/\(id)/"), "\(id)") }
        for id in Self.closed { #expect(!feed.contains("/vacancies/\(id)/"), "\(id)") }
    }

    @Test("vacancies/index.json parses and holds only the open vacancies, in order")
    func json() throws {
        let data = try #require(try site.files["vacancies/index.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        let records = try #require(object["vacancies"] as? [[String: Any]])
        #expect(records.compactMap { $0["id"] as? String } == Self.open)
        #expect(object["generated_for"] as? String == "2026-11-29")
        let quoted = try #require(records.first { $0["id"] as? String == "csv-quoted" })
        #expect(quoted["title"] as? String == "Adviser, secondary \"phase\"")
        #expect(quoted["summary"] as? String == "Two lines\r\nof summary, with a comma" || quoted["summary"] as? String == "Two lines\nof summary, with a comma")
        #expect(quoted["tags"] as? [String] == ["science", "english"])
    }

    @Test("region facet pages list the open vacancies of each region", arguments: [
        ("north-east", ["adviser-north"]), ("south-west", ["la-lead"]), ("yorkshire", ["csv-today", "csv-quoted"]),
    ])
    func regionFacets(slug: String, ids: [String]) throws {
        let html = try site.page("vacancies/region/\(slug)/index.html")
        #expect(listed(html) == ids)
    }

    @Test("contract and hours facet pages exist for the values in use")
    func otherFacets() throws {
        let site = try site
        #expect(site.files["vacancies/contract/permanent/index.html"] != nil)
        #expect(site.files["vacancies/contract/fixed-term/index.html"] != nil)
        #expect(site.files["vacancies/hours/part-time/index.html"] != nil)
        #expect(site.files["vacancies/contract/secondment/index.html"] == nil)
    }

    @Test("CSV quoting survives: commas and doubled quotes in a title, a line break in a summary")
    func csvQuoting() throws {
        let html = try site.page("vacancies/csv-quoted/index.html")
        #expect(html.contains("<h1>Adviser, secondary &quot;phase&quot;</h1>"))
        #expect(html.contains("of summary, with a comma"))
        #expect(html.contains("<span class=\"tag\">science</span>"))
    }

    @Test("links in a vacancy description resolve, and pages list the vacancies that link to them")
    func descriptionLinks() throws {
        let site = try site
        let north = try site.page("vacancies/adviser-north/index.html")
        #expect(north.contains("<a href=\"/vacancies/la-lead/\">the Trust lead</a>"))
        #expect(north.contains("<a href=\"/working-here/\">our guide page</a>"))
        #expect(try site.page("vacancies/la-lead/index.html").contains("<li><a href=\"/vacancies/adviser-north/\">School improvement adviser</a> <span class=\"meta\">(vacancy)</span></li>"))
        #expect(try site.page("vacancies/csv-closed/index.html").contains("<li><a href=\"/working-here/\">Working here</a> <span class=\"meta\">(page)</span></li>"))
    }

    @Test("the home page shows open vacancies only")
    func home() throws {
        let home = try site.page("index.html")
        #expect(!home.contains("/vacancies/adviser-old/"))
        #expect(!home.contains("/vacancies/csv-closed/"))
        #expect(home.contains("/vacancies/csv-today/"))
    }
}
