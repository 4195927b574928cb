import Foundation
import Testing
@testable import UnionSite

@Suite("JSONLD")
struct JSONLDTests {
    @Test("script-safe JSON never contains </script or <!--", arguments: [
        "</script><script>alert(1)</script>", "</SCRIPT >", "<!-- x -->", "a & b > c", "]]>",
    ])
    func scriptSafe(value: String) throws {
        let json = JSONLD.serialise(["name": value])
        #expect(!json.lowercased().contains("</script"))
        #expect(!json.contains("<"))
        #expect(!json.contains(">"))
        #expect(!json.contains("&"))
        // …and it still means the same thing.
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == value)
    }

    @Test("scriptSafe escapes <, > and &")
    func escapes() {
        #expect(JSONLD.scriptSafe("{\"a\":\"</script>&\"}") == "{\"a\":\"\\u003c/script\\u003e\\u0026\"}")
    }

    @Test("keys are sorted and slashes are not escaped, for stable, readable output")
    func stable() {
        #expect(JSONLD.serialise(["b": 1, "a": "https://x.org/y"]) == "{\"a\":\"https://x.org/y\",\"b\":1}")
    }

    @Test("a JobPosting with a hostile title stays inside its script element")
    func jobPosting() throws {
        let vacancy = Vacancy(id: "v", title: "</script><script>alert(1)</script>", employer: "E & Co", place: "Leeds",
                              closes: Day("2026-12-01")!, applyURL: "https://example.org/apply", posted: Day("2026-11-01"),
                              contract: .fixedTerm, duration: nil, hours: .fullTime, salary: "£45,000 to £52,000", region: "North",
                              summary: nil, tags: [], description: nil, location: UnionSite.SourceLocation(path: "content/vacancies/v.yaml"))
        let settings = SiteSettings(title: "T", baseURL: "https://example.org/", language: "en-GB", description: nil, organisation: nil,
                                    nav: [], timeZone: TimeZone(identifier: "UTC")!, autolink: true, disabledWarnings: [], params: [],
                                    location: UnionSite.SourceLocation(path: "content/site.yaml"))
        let json = JSONLD.jobPosting(vacancy, descriptionHTML: "<p>x</p>", settings: settings)
        #expect(!json.lowercased().contains("</script"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "JobPosting")
        #expect(object["validThrough"] as? String == "2026-12-01T23:59:59")
        #expect(object["employmentType"] as? [String] == ["FULL_TIME", "TEMPORARY"])
        #expect(object["datePosted"] as? String == "2026-11-01")
        var timed = vacancy
        timed.closingTime = "2026-12-01T09:00:00+00:00"
        let timedObject = try #require(try JSONSerialization.jsonObject(with: Data(JSONLD.jobPosting(timed, descriptionHTML: "", settings: settings).utf8)) as? [String: Any])
        #expect(timedObject["validThrough"] as? String == "2026-12-01T09:00:00+00:00")
    }

    @Test("breadcrumbs written field by field are what the JSON writer makes of the same values, escapes and all")
    func breadcrumbs() {
        let settings = SiteSettings(title: "T", baseURL: "https://example.org/sub/", language: "en-GB", description: nil, organisation: nil,
                                    nav: [], timeZone: TimeZone(identifier: "UTC")!, autolink: true, disabledWarnings: [], params: [],
                                    location: UnionSite.SourceLocation(path: "content/site.yaml"))
        let trail: [(String, SitePath)] = [("Home", .home), ("Guide \"</script>\" & co\u{2028}", .folder("guide")),
                                           ("Academies", .folder("guide", "academies"))]
        let items: [[String: Any]] = trail.enumerated().map { index, crumb in
            ["@type": "ListItem", "position": index + 1, "name": crumb.0, "item": settings.absoluteURL(crumb.1)]
        }
        let reference = JSONWriter.string(["@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items])
        #expect(JSONLD.breadcrumbs(trail, settings: settings) == reference)
        #expect(!reference.contains("</script"))
    }
}

@Suite("JSONLD.article")
struct JSONLDArticleTests {
    @Test("an article's JSON-LD, written field by field, is what the JSON writer makes of the same values")
    func article() throws {
        let title = "A \"title\" </script> & <b>more</b>"
        let site = try TestSite([
            "content/site.yaml": "title: T\nbase_url: https://example.org/sub/\norganisation:\n  name: \"Union & <Co>\"\n",
            "content/articles/a.md": "---\ntitle: '\(title)'\ndate: 2026-01-02T10:30:00Z\nsummary: \"S\\\\ \\\"q\\\"\"\nauthor: \"Jo </script>\"\n---\n\nText.\n",
            "content/articles/b.md": "---\ntitle: Plain\ndate: 2026-01-01\n---\n\nText.\n",
        ])
        let rendered = try site.render()
        let organisation: [String: Any] = ["@type": "Organization", "name": "Union & <Co>"]
        let a: [String: Any] = ["@context": "https://schema.org", "@type": "Article", "headline": title,
                                "datePublished": "2026-01-02T10:30:00Z", "dateModified": "2026-01-02T10:30:00Z",
                                "url": "https://example.org/sub/articles/a/", "publisher": organisation, "description": "S\\ \"q\"",
                                "author": ["@type": "Organization", "name": "Jo </script>"] as [String: Any]]
        let b: [String: Any] = ["@context": "https://schema.org", "@type": "Article", "headline": "Plain", "datePublished": "2026-01-01T00:00:00+00:00",
                                "dateModified": "2026-01-01T00:00:00+00:00", "url": "https://example.org/sub/articles/b/", "publisher": organisation]
        for (path, reference) in [("articles/a/index.html", a), ("articles/b/index.html", b)] {
            let page = try #require(rendered.text(path))
            let blocks = page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
            #expect(blocks.contains(JSONWriter.string(reference)), "\(path): \(blocks)")
        }
    }
}
