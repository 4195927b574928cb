/// Every decision that depends on the build day, made in one place: whether a page is due for
/// review and whether a vacancy is open, closing soon or closed. Lint, the pages and the
/// command line only read these. (Future articles are left out by `ModelBuilder`, against
/// the same day.)
extension Site {
    /// A page past its `review_by` date on the build day.
    public struct ReviewDue: Sendable, Hashable {
        public let location: SourceLocation
        public let title: String
        public let reviewBy: Day
    }

    /// Pages due for review on the build day, earliest first.
    public var reviewsDue: [ReviewDue] {
        items.filter(isReviewDue).compactMap { item in
            item.reviewBy.map { ReviewDue(location: item.location, title: item.title, reviewBy: $0) }
        }.sorted { ($0.reviewBy, $0.location) < ($1.reviewBy, $1.location) }
    }

    /// Due once the build day is after `review_by` (on the day itself it is not yet due).
    public func isReviewDue(_ item: ContentItem) -> Bool {
        item.reviewBy.map { $0 < buildDate } ?? false
    }

    /// The changes that have happened by the build day, newest first: a change dated later is
    /// left out everywhere (the page, `/updates/`, the feed) until its day comes.
    public func changes(of item: ContentItem) -> [Change] {
        item.changes.filter { $0.date.day <= buildDate }
    }

    /// The page's "last updated": its newest change by the build day; for an article without
    /// `changes`, its `updated:`. Nil when the page has not changed since it was published.
    public func lastUpdated(_ item: ContentItem, updated: ContentDate? = nil) -> ContentDate? {
        item.changes.isEmpty ? updated : changes(of: item).first?.date
    }

    /// An article's last change, or its date: what feeds, JSON-LD and the sitemap call "modified".
    public func modified(_ article: Article) -> ContentDate {
        lastUpdated(article.item, updated: article.updated) ?? article.date
    }

    public func status(of vacancy: Vacancy) -> Vacancy.Status {
        Vacancy.Status(closes: vacancy.closes, on: buildDate)
    }
}

extension Vacancy {
    public enum Status: Sendable, Equatable {
        case open
        /// Open, closing within `closingSoonDays` of the build day.
        case closingSoon
        case closed

        public static let closingSoonDays = 7

        /// Open while `closes` is on or after the day.
        init(closes: Day, on day: Day) {
            if closes < day {
                self = .closed
            } else {
                self = closes.ordinal - day.ordinal <= Self.closingSoonDays ? .closingSoon : .open
            }
        }

        public var isOpen: Bool { self != .closed }
    }
}
