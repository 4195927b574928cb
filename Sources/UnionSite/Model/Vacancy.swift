/// A job advert from a school, trust or public body, read from a YAML, JSON or CSV record.
public struct Vacancy: Sendable, Hashable {
    public enum Contract: String, Sendable, CaseIterable { case permanent, fixedTerm = "fixed-term", secondment }
    public enum Hours: String, Sendable, CaseIterable { case fullTime = "full-time", partTime = "part-time" }

    public let id: String
    public internal(set) var title: String
    public let employer: String
    public internal(set) var place: String
    public let closes: Day
    public let applyURL: String
    public let posted: Day?
    public let contract: Contract?
    public let duration: String?
    public let hours: Hours?
    public let salary: String?
    public let region: String?
    public internal(set) var summary: String?
    public let tags: [String]
    public internal(set) var description: MarkdownSource?
    /// The record's place in its file.
    public let location: SourceLocation
    /// Its words in further languages (`cy: {title, summary, description, location}`), by code.
    public var translations: [String: Text] = [:]
    /// `closes` as written when it gives a time (RFC 3339): the JobPosting's `validThrough`,
    /// which is otherwise the end of the closing day.
    public var closingTime: String? = nil

    /// A vacancy's words in one further language; what is not given stays as in the original.
    public struct Text: Sendable, Hashable {
        public let title: String?
        public let summary: String?
        public let description: MarkdownSource?
        public let place: String?
    }

    /// The vacancy as a further language's site lists it: nil when it has no words in `code`.
    func translated(to code: String) -> Vacancy? {
        guard let text = translations[code] else { return nil }
        var vacancy = self
        vacancy.title = text.title ?? title
        vacancy.place = text.place ?? place
        vacancy.summary = text.summary ?? summary
        vacancy.description = text.description ?? description
        vacancy.translations = [:]
        return vacancy
    }
    public var url: SitePath { Routes.site.vacancy(id) }

    /// Open while `closes` is on or after the build date: the closing day itself is open.
    func isOpen(on day: Day) -> Bool { Status(closes: closes, on: day).isOpen }
}
