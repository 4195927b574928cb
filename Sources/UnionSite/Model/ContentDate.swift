import Foundation

/// A front-matter date: a `Day`, or a full ISO 8601 date and time.
///
/// Feeds need an instant; a day alone is taken as midnight in the site's time zone, as the
/// contract says, so the feed never depends on the build clock. A date with a time is on the
/// day it is in the site's time zone: `2026-05-31T23:30:00Z` is 1 June in London, where
/// members read it (and a vacancy closing then is still open on 1 June).
public struct ContentDate: Hashable, Comparable, Sendable {
    public let day: Day
    /// RFC 3339, for Atom `updated`/`published` and JSON-LD.
    public let timestamp: String

    static func parse(_ text: String, timeZone: TimeZone) -> ContentDate? {
        if let day = Day(text) {
            return ContentDate(day: day, timestamp: midnight(day, in: timeZone))
        }
        guard text.count > 10, Day(text.prefix(10)) != nil else { return nil }
        let written = withZone(withSeconds(text), in: timeZone)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var date = formatter.date(from: written)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = formatter.date(from: written)
        }
        guard let date else { return nil }
        let parts = calendar(in: timeZone).dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day,
              let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
        return ContentDate(day: day, timestamp: written)
    }

    /// ISO 8601 lets the seconds go (`2026-05-01T10:00Z`); RFC 3339, which feeds need, does not.
    private static func withSeconds(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes.count == 16 || [UInt8(ascii: "Z"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[16]) else { return text }
        return String(decoding: bytes[..<16], as: UTF8.self) + ":00" + String(decoding: bytes[16...], as: UTF8.self)
    }

    /// ISO 8601 also lets the zone go (`2026-05-01T10:00:00`, a local time): it is the site's,
    /// as for a date without a time, written out so feeds get an instant.
    private static func withZone(_ text: String, in timeZone: TimeZone) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T"), bytes[19...].allSatisfy({ $0 == UInt8(ascii: ".") || (48...57).contains($0) }),
              let day = Day(String(decoding: bytes[..<10], as: UTF8.self)),
              let hour = Int(String(decoding: bytes[11..<13], as: UTF8.self)), let minute = Int(String(decoding: bytes[14..<16], as: UTF8.self)),
              let second = Int(String(decoding: bytes[17..<19], as: UTF8.self)) else { return text }
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
        guard let date = calendar(in: timeZone).date(from: components) else { return text }
        return text + offset(of: date, in: timeZone)
    }

    private static func midnight(_ day: Day, in timeZone: TimeZone) -> String {
        let date = calendar(in: timeZone).date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        return "\(day)T00:00:00" + offset(of: date, in: timeZone)
    }

    private static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The zone's offset from UTC at `date`, as RFC 3339 writes it: `+01:00`.
    private static func offset(of date: Date, in timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        return (offset < 0 ? "-" : "+") + "\(Day.padded(abs(offset) / 3600, 2)):\(Day.padded(abs(offset) % 3600 / 60, 2))"
    }

    public static func < (a: ContentDate, b: ContentDate) -> Bool { (a.day, a.timestamp) < (b.day, b.timestamp) }
}
