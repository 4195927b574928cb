/// A job advert from a school, trust or public body, read from a YAML, JSON or CSV record.
public struct Vacancy: Sendable, Hashable {
    public enum Contract: String, Sendable, CaseIterable { case permanent, fixedTerm = "fixed-term", secondment }
    public enum Hours: String, Sendable, CaseIterable { case fullTime = "full-time", partTime = "part-time" }

    public let id: String
    public let title: String
    public let employer: String
    public let place: String
    public let closes: Day
    public let applyURL: String
    public let posted: Day?
    public let contract: Contract?
    public let duration: String?
    public let hours: Hours?
    public let salary: String?
    public let region: String?
    public let summary: String?
    public let tags: [String]
    public let description: MarkdownSource?
    /// The record's place in its file.
    public let location: SourceLocation
    public var url: SitePath { Routes.site.vacancy(id) }

    /// Open while `closes` is on or after the build date: the closing day itself is open.
    func isOpen(on day: Day) -> Bool { Status(closes: closes, on: day).isOpen }
}
