import Foundation

/// A front-matter date: a `Day`, or a full ISO 8601 date and time.
///
/// Feeds need an instant; a day alone is taken as midnight in the site's time zone, as the
/// contract says, so the feed never depends on the build clock.
public struct ContentDate: Hashable, Comparable, Sendable {
    public let day: Day
    /// RFC 3339, for Atom `updated`/`published` and JSON-LD.
    public let timestamp: String

    static func parse(_ text: String, timeZone: TimeZone) -> ContentDate? {
        if let day = Day(text) {
            return ContentDate(day: day, timestamp: midnight(day, in: timeZone))
        }
        guard text.count > 10, let day = Day(text.prefix(10)) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = formatter.date(from: text)
        }
        guard date != nil else { return nil }
        return ContentDate(day: day, timestamp: text)
    }

    private static func midnight(_ day: Day, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        return "\(day)T00:00:00\(sign)\(Day.padded(abs(offset) / 3600, 2)):\(Day.padded(abs(offset) % 3600 / 60, 2))"
    }

    public static func < (a: ContentDate, b: ContentDate) -> Bool { (a.day, a.timestamp) < (b.day, b.timestamp) }
}
