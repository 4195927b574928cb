import Foundation

/// schema.org structured data, serialised so that no value can end the `<script>` element:
/// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`.
enum JSONLD {
    static func serialise(_ object: [String: Any]) -> String {
        JSONWriter.string(object)
    }

    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
    }

    static func organisation(_ settings: SiteSettings) -> String {
        var object: [String: Any] = ["@context": "https://schema.org", "@type": "Organization",
                                     "name": settings.organisation?.name ?? settings.title, "url": settings.organisation?.url ?? settings.baseURL]
        if let description = settings.description { object["description"] = description }
        return serialise(object)
    }

    /// Written field by field, in the sorted key order `JSONWriter` uses (as `breadcrumbs`):
    /// building and sorting its dictionaries for every article was 1 % of a build's samples.
    /// - Parameter modified: the article's last change (`Site.modified`), so every date agrees.
    static func article(_ article: Article, modified: ContentDate, settings: SiteSettings) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        let field = { (name: String, value: String, out: inout [UInt8]) in
            out += #",""#.utf8
            out += name.utf8
            out += #"":"#.utf8
            JSONWriter.writeString(value, into: &out)
        }
        let organisation = { (name: String, out: inout [UInt8]) in
            out += #"{"@type":"Organization","name":"#.utf8
            JSONWriter.writeString(name, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #"{"@context":"https://schema.org","@type":"Article""#.utf8
        if let author = article.author {
            out += #","author":"#.utf8
            organisation(author, &out)
        }
        field("dateModified", modified.timestamp, &out)
        field("datePublished", article.date.timestamp, &out)
        if let summary = article.item.summary { field("description", summary, &out) }
        field("headline", article.item.title, &out)
        out += #","publisher":"#.utf8
        organisation(settings.organisation?.name ?? settings.title, &out)
        field("url", settings.absoluteURL(article.item.url), &out)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Written field by field, in the sorted key order `JSONWriter` uses: every page has one,
    /// and building dictionaries for it was 1.5 % of a build.
    static func breadcrumbs(_ trail: [(String, SitePath)], settings: SiteSettings) -> String {
        var out: [UInt8] = []
        out += #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":["#.utf8
        for (index, crumb) in trail.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"@type":"ListItem","item":"#.utf8
            JSONWriter.writeString(settings.absoluteURL(crumb.1), into: &out)
            out += #","name":"#.utf8
            JSONWriter.writeString(crumb.0, into: &out)
            out += #","position":\#(index + 1)}"#.utf8
        }
        out += "]}".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// Google's required JobPosting properties, and the recommended ones the record fills.
    static func jobPosting(_ vacancy: Vacancy, descriptionHTML: String, settings: SiteSettings) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "JobPosting", "title": vacancy.title, "description": descriptionHTML,
            "hiringOrganization": ["@type": "Organization", "name": vacancy.employer] as [String: Any],
            "jobLocation": ["@type": "Place", "address": address(vacancy)],
            "validThrough": vacancy.closingTime ?? "\(vacancy.closes)T23:59:59", "url": settings.absoluteURL(vacancy.url),
            "identifier": ["@type": "PropertyValue", "name": settings.organisation?.name ?? settings.title, "value": vacancy.id] as [String: Any],
            "directApply": false,
        ]
        if let posted = vacancy.posted { object["datePosted"] = posted.description }
        let types = employmentTypes(vacancy)
        if !types.isEmpty { object["employmentType"] = types }
        if let salary = vacancy.salary.flatMap(SalaryParser.parse) { object["baseSalary"] = salary }
        return serialise(object)
    }

    private static func address(_ vacancy: Vacancy) -> [String: Any] {
        var address: [String: Any] = ["@type": "PostalAddress", "addressLocality": vacancy.place, "addressCountry": "GB"]
        if let region = vacancy.region { address["addressRegion"] = region }
        return address
    }

    private static func employmentTypes(_ vacancy: Vacancy) -> [String] {
        var types: [String] = []
        switch vacancy.hours {
        case .fullTime: types.append("FULL_TIME")
        case .partTime: types.append("PART_TIME")
        case nil: break
        }
        switch vacancy.contract {
        case .fixedTerm, .secondment: types.append("TEMPORARY")
        case .permanent, nil: break
        }
        return types
    }
}

/// Reads "£45,000 to £52,000" or "£48,500 a year" into a schema.org MonetaryAmount.
enum SalaryParser {
    static func parse(_ text: String) -> [String: Any]? {
        guard text.contains("£") else { return nil }
        let numbers = text.split(whereSeparator: { !($0.isNumber || $0 == "," || $0 == ".") })
            .compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }.filter { $0 >= 1000 }
        guard let low = numbers.first else { return nil }
        var value: [String: Any] = ["@type": "QuantitativeValue", "unitText": "YEAR"]
        if numbers.count >= 2 { value["minValue"] = low; value["maxValue"] = numbers[1] } else { value["value"] = low }
        return ["@type": "MonetaryAmount", "currency": "GBP", "value": value]
    }
}
