import Foundation

/// Atom 1.0 feeds (RFC 4287): `/feed.xml` for articles, `/vacancies/feed.xml` for open
/// vacancies, and `/vacancies/index.json` for job boards. Ids and dates come from content,
/// never from the build clock, so an unchanged site gives an unchanged feed.
enum Feeds {
    static let articleLimit = 20

    /// - Parameter strings: the feed titles' words, in the site's language.
    static func write(_ site: Site, strings: ThemeStrings = .english, into output: inout RenderOutput) {
        let settings = site.settings
        let articles = site.articles.prefix(articleLimit).map { article in
            Entry(title: article.item.title, path: article.item.url, published: article.date.timestamp,
                  updated: site.modified(article).timestamp, summary: article.item.summary)
        }
        output.add("feed.xml", atom(title: settings.title, feedPath: SitePath("feed.xml"), entries: Array(articles), site: site), owner: "the article feed")
        let vacancies = site.openVacancies.map { vacancy in
            Entry(title: "\(vacancy.title), \(vacancy.employer)", path: vacancy.url, published: (vacancy.posted ?? vacancy.closes).description + "T00:00:00Z",
                  updated: (vacancy.posted ?? vacancy.closes).description + "T00:00:00Z",
                  summary: vacancy.summary ?? "\(strings["closes"]) \(strings.date(vacancy.closes)). \(vacancy.place).")
        }
        output.add("vacancies/feed.xml", atom(title: "\(settings.title): \(strings["feed_vacancies"])", feedPath: SitePath("vacancies/feed.xml"), entries: vacancies, site: site),
                   owner: "the vacancy feed")
        output.add("vacancies/index.json", VacancyExport.json(site), owner: "the vacancy export")
        output.add(Routes.site.updatesFeed.value, atom(title: "\(settings.title): \(strings["feed_updates"])", feedPath: Routes.site.updatesFeed,
                                                       entries: updateEntries(site), site: site), owner: "the updates feed")
    }

    struct Entry {
        let title: String
        let path: SitePath
        let published: String
        let updated: String
        let summary: String?
        /// The page's own section (`page-history`) when the entry is one change to it.
        var fragment: String? = nil
        /// Set when the entry's URL is not its id (a page has many changes).
        var id: String? = nil
    }

    static let updateLimit = 50

    /// One entry per change, newest first, linking to the page's history. The id names the
    /// page, the day and the change's place among that page's changes of the day, never the
    /// note, so correcting a note's wording keeps the id.
    static func updateEntries(_ site: Site) -> [Entry] {
        site.updates.prefix(updateLimit).map { update in
            let page = site.settings.absoluteURL(update.item.url)
            return Entry(title: update.item.title, path: update.item.url, published: update.change.date.timestamp,
                         updated: update.change.date.timestamp, summary: update.change.note, fragment: Routes.historyAnchor,
                         id: page + "#update-\(update.change.date.day)-\(update.ordinal)")
        }
    }

    private static func atom(title: String, feedPath: SitePath, entries: [Entry], site: Site) -> String {
        let settings = site.settings
        let updated = entries.map(\.updated).max() ?? "\(site.buildDate)T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(settings.language))">
        <title>\(XML.escape(title))</title>
        <id>\(XML.escape(settings.absoluteURL(feedPath)))</id>
        <link rel="self" type="application/atom+xml" href="\(XML.escape(settings.absoluteURL(feedPath)))"/>
        <link rel="alternate" type="text/html" href="\(XML.escape(settings.baseURL))"/>
        <updated>\(updated)</updated>
        <author><name>\(XML.escape(settings.organisation?.name ?? settings.title))</name></author>

        """
        for entry in entries {
            let url = XML.escape(settings.absoluteURL(entry.path) + (entry.fragment.map { "#" + $0 } ?? ""))
            let id = entry.id.map(XML.escape) ?? url
            xml += "<entry>\n<title>\(XML.escape(entry.title))</title>\n<id>\(id)</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            xml += "<published>\(entry.published)</published>\n<updated>\(entry.updated)</updated>\n"
            if let summary = entry.summary { xml += "<summary>\(XML.escape(summary))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}

/// `/vacancies/index.json`: open vacancies for other sites and job boards.
enum VacancyExport {
    static func json(_ site: Site) -> String {
        let records: [[String: Any]] = site.openVacancies.map { vacancy in
            var record: [String: Any] = [
                "id": vacancy.id, "title": vacancy.title, "employer": vacancy.employer, "location": vacancy.place,
                "closes": vacancy.closes.description, "apply_url": vacancy.applyURL, "url": site.settings.absoluteURL(vacancy.url),
                "tags": vacancy.tags,
            ]
            let optional: [String: String?] = [
                "posted": vacancy.posted?.description, "contract": vacancy.contract?.rawValue, "hours": vacancy.hours?.rawValue,
                "duration": vacancy.duration, "salary": vacancy.salary, "region": vacancy.region, "summary": vacancy.summary,
            ]
            for case let (key, value?) in optional { record[key] = value }
            return record
        }
        let object: [String: Any] = ["site": site.settings.title, "generated_for": site.buildDate.description, "vacancies": records]
        return JSONWriter.string(object, pretty: true) + "\n"
    }
}
